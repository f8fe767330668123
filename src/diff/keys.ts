/**
 * Comparison keys: two versions of a type are the same when their keys are, and the key holds all
 * that the emitted module depends on (the declarations referred to, their kinds, the formats of
 * strings and numbers), not how the docs happened to spell it.
 */
import { literalType } from "../emit/escape.js";
import type { TypeRef, UnionDecl } from "../core/model.js";
import type { Side } from "./assignable.js";

/** What a type compares by; `formats: false` leaves out the formats of strings and numbers. */
export function typeKey(side: Side, type: TypeRef, formats = true): string {
  const walk = (t: TypeRef): unknown => {
    switch (t.kind) {
      case "string":
      case "number":
        return formats && t.format !== undefined ? `${t.kind}:${t.format}` : t.kind;
      case "boolean":
      case "null":
      case "unknown":
      case "open-object":
        return t.kind;
      case "literal":
        return { literal: t.value };
      case "array":
        return { array: walk(t.items) };
      case "map":
        return { map: walk(t.values) };
      case "union":
        return { union: t.members.map(walk) };
      case "ref": {
        const decl = t.target === undefined ? undefined : side.decls.get(t.target);
        if (decl === undefined) return "unknown";
        return { ref: side.renamed?.get(decl.id) ?? decl.id, kind: decl.kind };
      }
    }
  };
  return JSON.stringify(walk(type));
}

/** A union's discriminator as the validators see it (`type: "a" | "b"`), or null without one. */
export function discriminatorText(side: Side, decl: UnionDecl): string | null {
  const shape = side.shapes.get(decl.id);
  const tag = shape?.kind === "union" ? shape.tag : null;
  return tag === null
    ? null
    : `${tag.property}: ${tag.values.map((value) => literalType(value)).join(" | ")}`;
}
