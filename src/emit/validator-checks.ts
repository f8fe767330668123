/**
 * The `$isX(v, d)` checks: straight-line TypeScript that answers "is this value an X" without
 * allocating, written from the declaration's shape (shape.ts). Property reads are inlined, enum values
 * are `switch` cases, arrays and maps loop in small helper functions, references call the other
 * declaration's check with the depth one higher.
 */
import { literalType, stringLiteral } from "./escape.js";
import { acceptsAnything, type DeclShape, type FieldShape, type ValueShape } from "./shape.js";
import type { RuntimeName, ValidatorLocals } from "./validator-names.js";

/** The options the checks read. */
export interface CheckOptions {
  unknownKeys: "allow" | "reject";
  optionalUndefined: "accept" | "reject";
  maxDepth: number;
}

/** `!(test)`, written as `typeof x !== "t"` where that reads better. */
export function negate(test: string): string {
  const typeofTest = /^typeof (\w+) === ("\w+")$/.exec(test);
  if (typeofTest) return `typeof ${typeofTest[1]} !== ${typeofTest[2]}`;
  return /^[\w$.]+\([^()]*\)$/.test(test) ? `!${test}` : `!(${test})`;
}

/** Writes the checks of one module; collects helper functions and the runtime names used. */
export class CheckWriter {
  readonly helpers: string[] = [];
  readonly usedRuntime = new Set<RuntimeName>();
  readonly #helperByKey = new Map<string, string>();

  constructor(
    readonly locals: ValidatorLocals,
    readonly options: CheckOptions,
  ) {}

  runtime(name: RuntimeName): string {
    this.usedRuntime.add(name);
    return this.locals.runtime.get(name) as string;
  }

  /** A boolean expression, true when `x` (an identifier) is a valid `shape`; `d` is the depth. */
  test(shape: ValueShape, x: string): string {
    switch (shape.kind) {
      case "string":
        if (shape.format === "date-time") return `${this.runtime("$dateTime")}(${x})`;
        if (shape.format === "date") return `${this.runtime("$fullDate")}(${x})`;
        return `typeof ${x} === "string"`;
      case "Date":
        return `${this.runtime("$dateObject")}(${x})`;
      case "boolean":
      case "bigint":
        return `typeof ${x} === "${shape.kind}"`;
      case "number":
        if (shape.integer === "int32") return `${this.runtime("$int32")}(${x})`;
        if (shape.integer === "safe") return `Number.isSafeInteger(${x})`;
        return `Number.isFinite(${x})`;
      case "unknown":
        return "true";
      case "null":
        return `${x} === null`;
      case "literal":
        return `${x} === ${literalType(shape.value)}`;
      case "object":
        return `${this.runtime("$object")}(${x})`;
      case "array":
      case "map": {
        // Elements of any value need no loop.
        if (acceptsAnything(shape.kind === "array" ? shape.items : shape.values))
          return shape.kind === "array"
            ? `Array.isArray(${x})`
            : `${this.runtime("$object")}(${x})`;
        return `${this.#helper(shape)}(${x}, d)`;
      }
      case "union": {
        // `null` first: the cheapest test, and the common value of an optional-nullable field.
        const members = [...shape.members].sort(
          (a, b) => Number(b.kind === "null") - Number(a.kind === "null"),
        );
        const tests = members.map((member) => this.test(member, x));
        // Unparenthesised: every caller negates with parentheses, returns it, or joins it with `||`.
        return tests.includes("true") ? "true" : tests.join(" || ");
      }
      case "ref": {
        const local = this.locals.values.get(shape.target);
        if (!local) throw new Error(`internal: no validator names for ${shape.target}`);
        return shape.decl === "enum"
          ? `${local.check.local}(${x})`
          : `${local.check.local}(${x}, d + 1)`;
      }
    }
  }

  /** A module-level loop function for an array or map type, shared by equal types. */
  #helper(shape: Extract<ValueShape, { kind: "array" | "map" }>): string {
    const key = JSON.stringify(shape);
    const existing = this.#helperByKey.get(key);
    if (existing !== undefined) return existing;
    const name = this.locals.allocator.allocate(shape.kind === "array" ? "$array" : "$map");
    this.#helperByKey.set(key, name);
    const element = shape.kind === "array" ? shape.items : shape.values;
    const test = this.test(element, "x");
    const check = test === "true" ? "" : `if (${negate(test)}) return false;`;
    const body =
      shape.kind === "array"
        ? `if (!Array.isArray(v)) return false;\nfor (let i = 0; i < v.length; i++) {\nconst x: unknown = v[i];\n${check}\n}`
        : `if (!${this.runtime("$object")}(v)) return false;\nfor (const k in v as object) {\nif (!${this.runtime("$own")}(v as object, k)) continue;\nconst x = (v as Record<string, unknown>)[k];\n${check}\n}`;
    this.helpers.push(
      `function ${name}(v: unknown, d: number): boolean {\n${body}\nreturn true;\n}`,
    );
    return name;
  }

  /** The body of `$isX(v, d)` for an object or union declaration. */
  checkBody(decl: Exclude<DeclShape, { kind: "enum" }>): string {
    const depth = `d > ${this.options.maxDepth}`;
    const notObject = `typeof v !== "object" || v === null || Array.isArray(v)`;
    if (decl.kind === "union") {
      const tag = decl.tag;
      if (!tag)
        return `if (${depth}) return false;\nreturn ${this.test({ kind: "union", members: decl.members }, "v")};`;
      const key = stringLiteral(tag.property);
      const cases = decl.members.map(
        (member, index) =>
          `case ${literalType(tag.values[index] as string | number | boolean)}:\nreturn ${this.test(member, "v")};`,
      );
      // The tag's own-property test only where a prototype could supply it (see objects below).
      const proto = this.runtime("$objectProto");
      return [
        `if (${notObject} || ${depth}) return false;`,
        `const tag = (v as Record<string, unknown>)[${key}];`,
        `const p = ${this.runtime("$proto")}(v);`,
        `if (((p !== ${proto} && p !== null) || ${key} in ${proto}) && !${this.runtime("$own")}(v, ${key})) return false;`,
        `switch (tag) {\n${cases.join("\n")}\ndefault:\nreturn false;\n}`,
      ].join("\n");
    }
    const fields = decl.fields;
    if (fields === null) return `return !(${notObject} || ${depth});`;
    const own = this.runtime("$own");
    if (fields.length === 0)
      return this.#objectTail(
        [`if (${notObject} || ${depth}) return false;`, "const o = v as Record<string, unknown>;"],
        fields,
      );
    const objectProto = this.runtime("$objectProto");
    // `foreign`: a prototype other than Object.prototype or null, which could supply any key, so every
    // required key needs `$own`. On plain objects only keys Object.prototype has (`toString`, or any a
    // polluter added) need it: `in` on the captured prototype is nearly free, `$own` is not. The
    // prototype is read after the first property (V8 then knows the object's map and inlines it).
    const lines = [
      `if (typeof v !== "object" || v === null || ${depth}) return false;`,
      "const o = v as Record<string, unknown>;",
    ];
    fields.forEach((field, index) => {
      const key = stringLiteral(field.key);
      const test = this.test(field.shape, "x");
      lines.push(index === 0 ? `let x: unknown = o[${key}];` : `x = o[${key}];`);
      if (index === 0)
        lines.push(
          `const p = ${this.runtime("$proto")}(o);`,
          `const foreign = p !== ${objectProto} && p !== null;`,
          "if (foreign && Array.isArray(o)) return false;",
        );
      const inherited = `(foreign || ${key} in ${objectProto}) && !${own}(o, ${key})`;
      if (field.required) {
        // A passing test means the key is present (no test but `true` accepts `undefined`).
        const fail = test === "true" ? `!(${key} in o)` : negate(test);
        lines.push(`if (${fail} || (${inherited})) return false;`);
      } else if (test !== "true") {
        const absent = this.options.optionalUndefined === "accept" ? "x !== undefined && " : "";
        lines.push(`if (${absent}${negate(test)} && ${own}(o, ${key})) return false;`);
      }
    });
    return this.#objectTail(lines, fields);
  }

  /** The unknown-keys loop (when rejected) and the final `return true` of an object check. */
  #objectTail(lines: string[], fields: readonly FieldShape[]): string {
    const own = this.runtime("$own");
    if (this.options.unknownKeys === "reject") {
      const known = fields.map((field) => `case ${stringLiteral(field.key)}:`).join("\n");
      lines.push(
        known === ""
          ? `for (const k in o) if (${own}(o, k)) return false;`
          : `for (const k in o) {\nif (!${own}(o, k)) continue;\nswitch (k) {\n${known}\nbreak;\ndefault:\nreturn false;\n}\n}`,
      );
    }
    lines.push("return true;");
    return lines.join("\n");
  }
}

/** The body of an enum's `isX(value)`: a `switch` over its values, or base-type tests when open. */
export function enumCheckBody(shape: Extract<DeclShape, { kind: "enum" }>): string {
  if (shape.open.length > 0) {
    const tests = shape.open.map((base) =>
      base === "number" ? "Number.isFinite(value)" : `typeof value === "${base}"`,
    );
    return `return ${tests.join(" || ")};`;
  }
  if (shape.values.length === 0) return "return false;";
  const cases = shape.values.map((value) => `case ${literalType(value)}:`).join("\n");
  return `switch (value) {\n${cases}\nreturn true;\ndefault:\nreturn false;\n}`;
}
