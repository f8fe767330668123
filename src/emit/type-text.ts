/**
 * The TypeScript spelling of a shape and the member keys of an enum: what the type declarations print,
 * and what `diff` compares. Kept apart from types.ts, whose structures need ts-morph, so that reading
 * them loads no compiler (test/lazy-imports.test.ts).
 */
import type { EnumDecl } from "../core/model.js";
import { literalType } from "./escape.js";
import { enumMemberKey, enumMemberKeyFromValue, NameAllocator } from "./names.js";
import type { ValueShape } from "./shape.js";

/** The TypeScript text of a shape; `localNames` maps declaration ids to the names visible in the module. */
export function typeText(shape: ValueShape, localNames: ReadonlyMap<string, string>): string {
  switch (shape.kind) {
    case "string":
      return "string";
    case "Date":
    case "number":
    case "bigint":
    case "boolean":
    case "unknown":
    case "null":
      return shape.kind;
    case "literal":
      return literalType(shape.value);
    case "object":
      return "Record<string, unknown>";
    case "array": {
      const items = typeText(shape.items, localNames);
      return shape.items.kind === "union" ? `Array<${items}>` : `${items}[]`;
    }
    case "map":
      return `Record<string, ${typeText(shape.values, localNames)}>`;
    case "union":
      return shape.members.map((member) => typeText(member, localNames)).join(" | ");
    case "ref": {
      const name = localNames.get(shape.target);
      if (name === undefined) throw new Error(`internal: no local name for ${shape.target}`);
      return name;
    }
  }
}

/** Member keys for an enum's const object or TS enum: from the documented names, else from the values. */
export function enumKeys(decl: EnumDecl): string[] {
  const used = new NameAllocator();
  return decl.members.map((member) =>
    used.allocate(
      member.name !== undefined
        ? enumMemberKey(member.name, decl.name)
        : enumMemberKeyFromValue(member.value),
    ),
  );
}
