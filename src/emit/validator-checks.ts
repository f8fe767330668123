/**
 * The `$isX(v, d)` checks: straight-line TypeScript that answers "is this value an X" without
 * allocating. Property reads are inlined, enum values are `switch` cases, arrays and maps loop in small
 * helper functions, references call the other declaration's check with the depth one higher.
 */
import type { Decl, EnumDecl, ObjectDecl, TypeRef, UnionDecl } from "../core/model.js";
import { literalType, stringLiteral } from "./escape.js";
import type { ModulePlan } from "./plan.js";
import type { RuntimeName, ValidatorLocals } from "./validator-names.js";

/** What check emission needs to know about the options and the rest of the model. */
export interface CheckContext {
  unknownKeys: "allow" | "reject";
  optionalUndefined: "accept" | "reject";
  int64: "number" | "bigint";
  /** Date-time fields as RFC 3339 strings (checked by syntax) or `Date` objects (checked for a time). */
  dates: "string" | "Date";
  maxDepth: number;
  decls: ReadonlyMap<string, Decl>;
  /** Plans by declaration id (property names of other declarations, for discriminators). */
  plans: ReadonlyMap<string, ModulePlan>;
}

/** A discriminated union: the property to switch on and, per member, the value selecting it. */
export interface Discriminator {
  property: string;
  values: (string | number | boolean)[];
}

/** The single value a field type allows, when it is a literal or a one-value closed enum. */
function singleValue(
  type: TypeRef,
  decls: ReadonlyMap<string, Decl>,
): { value: string | number | boolean } | undefined {
  if (type.kind === "literal") return { value: type.value };
  if (type.kind !== "ref" || type.target === undefined) return undefined;
  const target = decls.get(type.target);
  if (target?.kind !== "enum" || target.open || target.members.length !== 1) return undefined;
  return { value: (target.members[0] as EnumDecl["members"][number]).value };
}

/**
 * The discriminator of a union, when every member is a closed object declaration with a required
 * field of the same property name whose type allows one value, and the values differ.
 */
export function discriminatorOf(decl: UnionDecl, context: CheckContext): Discriminator | undefined {
  const members: { decl: ObjectDecl; plan: ModulePlan }[] = [];
  for (const member of decl.members) {
    const type = member.type;
    const target =
      type.kind === "ref" && type.target !== undefined ? context.decls.get(type.target) : undefined;
    const plan = target ? context.plans.get(target.id) : undefined;
    if (target?.kind !== "object" || target.open || !plan) return undefined;
    members.push({ decl: target, plan });
  }
  const first = members[0];
  if (!first || members.length < 2) return undefined;
  for (const property of first.plan.propertyNames) {
    const values: (string | number | boolean)[] = [];
    for (const member of members) {
      const index = member.plan.propertyNames.indexOf(property);
      const field = member.decl.fields[index];
      const single = field?.required ? singleValue(field.type, context.decls) : undefined;
      if (!single || values.includes(single.value)) break;
      values.push(single.value);
    }
    if (values.length === members.length) return { property, values };
  }
  return undefined;
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
    readonly context: CheckContext,
  ) {}

  runtime(name: RuntimeName): string {
    this.usedRuntime.add(name);
    return this.locals.runtime.get(name) as string;
  }

  /** A boolean expression, true when `x` (an identifier) is a valid `type`; `d` is the depth. */
  test(type: TypeRef, x: string): string {
    switch (type.kind) {
      case "string":
        if (type.format === "date-time")
          return `${this.runtime(this.context.dates === "Date" ? "$dateObject" : "$dateTime")}(${x})`;
        if (type.format === "date") return `${this.runtime("$fullDate")}(${x})`;
        return `typeof ${x} === "string"`;
      case "boolean":
        return `typeof ${x} === "boolean"`;
      case "number":
        if (type.format === "int32") return `${this.runtime("$int32")}(${x})`;
        if (type.format === "int64" && this.context.int64 === "bigint")
          return `typeof ${x} === "bigint"`;
        if (type.format === "int64" || type.format === "integer")
          return `Number.isSafeInteger(${x})`;
        return `Number.isFinite(${x})`;
      case "unknown":
        return "true";
      case "null":
        return `${x} === null`;
      case "literal":
        return `${x} === ${literalType(type.value)}`;
      case "open-object":
        return `${this.runtime("$object")}(${x})`;
      case "array":
      case "map": {
        // Elements of any value need no loop.
        if (this.#acceptsAnything(type.kind === "array" ? type.items : type.values))
          return type.kind === "array" ? `Array.isArray(${x})` : `${this.runtime("$object")}(${x})`;
        return `${this.#helper(type)}(${x}, d)`;
      }
      case "union": {
        // `null` first: the cheapest test, and the common value of an optional-nullable field.
        const members = [...type.members].sort(
          (a, b) => Number(b.kind === "null") - Number(a.kind === "null"),
        );
        const tests = members.map((member) => this.test(member, x));
        // Unparenthesised: every caller negates with parentheses, returns it, or joins it with `||`.
        return tests.includes("true") ? "true" : tests.join(" || ");
      }
      case "ref": {
        const resolved = this.#resolved(type);
        if (!resolved) return "true";
        const { target, local } = resolved;
        return target.kind === "enum"
          ? `${local.check.local}(${x})`
          : `${local.check.local}(${x}, d + 1)`;
      }
    }
  }

  /**
   * Whether `test` of `type` is `"true"`, found without writing anything (no helper is registered and
   * no runtime name used): `unknown`, an unresolved reference, or a union with such a member.
   */
  #acceptsAnything(type: TypeRef): boolean {
    if (type.kind === "unknown") return true;
    if (type.kind === "union") return type.members.some((member) => this.#acceptsAnything(member));
    return type.kind === "ref" && this.#resolved(type) === undefined;
  }

  /** A reference's declaration and local validator names, when both are known. */
  #resolved(type: Extract<TypeRef, { kind: "ref" }>) {
    if (type.target === undefined) return undefined;
    const target = this.context.decls.get(type.target);
    const local = this.locals.values.get(type.target);
    return target && local ? { target, local } : undefined;
  }

  /** A module-level loop function for an array or map type, shared by equal types. */
  #helper(type: Extract<TypeRef, { kind: "array" | "map" }>): string {
    const key = JSON.stringify(type);
    const existing = this.#helperByKey.get(key);
    if (existing !== undefined) return existing;
    const name = this.locals.allocator.allocate(type.kind === "array" ? "$array" : "$map");
    this.#helperByKey.set(key, name);
    const element = type.kind === "array" ? type.items : type.values;
    const test = this.test(element, "x");
    const check = test === "true" ? "" : `if (${negate(test)}) return false;`;
    const body =
      type.kind === "array"
        ? `if (!Array.isArray(v)) return false;\nfor (let i = 0; i < v.length; i++) {\nconst x: unknown = v[i];\n${check}\n}`
        : `if (!${this.runtime("$object")}(v)) return false;\nfor (const k in v as object) {\nif (!${this.runtime("$own")}(v as object, k)) continue;\nconst x = (v as Record<string, unknown>)[k];\n${check}\n}`;
    this.helpers.push(
      `function ${name}(v: unknown, d: number): boolean {\n${body}\nreturn true;\n}`,
    );
    return name;
  }

  /** The body of `$isX(v, d)` for an object or union declaration. */
  checkBody(decl: ObjectDecl | UnionDecl, plan: ModulePlan): string {
    const depth = `d > ${this.context.maxDepth}`;
    const notObject = `typeof v !== "object" || v === null || Array.isArray(v)`;
    if (decl.kind === "union") {
      const tag = discriminatorOf(decl, this.context);
      if (!tag)
        return `if (${depth}) return false;\nreturn ${this.test({ kind: "union", members: decl.members.map((m) => m.type) }, "v")};`;
      const key = stringLiteral(tag.property);
      const cases = decl.members.map(
        (member, index) =>
          `case ${literalType(tag.values[index] as string | number | boolean)}:\nreturn ${this.test(member.type, "v")};`,
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
    if (decl.open) return `return !(${notObject} || ${depth});`;
    const own = this.runtime("$own");
    if (decl.fields.length === 0)
      return this.#objectTail(
        [`if (${notObject} || ${depth}) return false;`, "const o = v as Record<string, unknown>;"],
        plan,
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
    decl.fields.forEach((field, index) => {
      const key = stringLiteral(plan.propertyNames[index] as string);
      const test = this.test(field.type, "x");
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
        const absent = this.context.optionalUndefined === "accept" ? "x !== undefined && " : "";
        lines.push(`if (${absent}${negate(test)} && ${own}(o, ${key})) return false;`);
      }
    });
    return this.#objectTail(lines, plan);
  }

  /** The unknown-keys loop (when rejected) and the final `return true` of an object check. */
  #objectTail(lines: string[], plan: ModulePlan): string {
    const own = this.runtime("$own");
    if (this.context.unknownKeys === "reject") {
      const known = plan.propertyNames.map((name) => `case ${stringLiteral(name)}:`).join("\n");
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
export function enumCheckBody(decl: EnumDecl): string {
  if (decl.open) {
    const bases = [...new Set(decl.members.map((member) => typeof member.value))].sort();
    const tests = bases.map((base) =>
      base === "number" ? "Number.isFinite(value)" : `typeof value === "${base}"`,
    );
    return `return ${tests.join(" || ") || "false"};`;
  }
  if (decl.members.length === 0) return "return false;";
  const cases = decl.members.map((member) => `case ${literalType(member.value)}:`).join("\n");
  return `switch (value) {\n${cases}\nreturn true;\ndefault:\nreturn false;\n}`;
}
