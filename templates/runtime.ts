/**
 * The runtime of docs2ts validators: the result and issue types, `ValidationError`, and the issue
 * collector; it re-exports the checks (`runtime-checks.ts`) and the Standard Schema v1 types
 * (`standard-schema.ts`). docs2ts copies the three files into the output; they import nothing else, so
 * generated code depends on nothing outside the output folder.
 *
 * The generated `isX` functions are straight-line code that calls only the small checks. `validateX`
 * and `assertX` run `isX` first and only on failure walk the value again with the shapes below to
 * describe what is wrong, so the success path allocates nothing but its result.
 */
import type { StandardSchemaV1 } from "./standard-schema.js";

export type { StandardSchemaV1 } from "./standard-schema.js";
export {
  $dateObject,
  $dateTime,
  $fullDate,
  $int32,
  $object,
  $objectProto,
  $own,
  $proto,
} from "./runtime-checks.js";
import { $dateObject, $dateTime, $fullDate, $int32, $own } from "./runtime-checks.js";

/** One thing wrong with a value: where, what was expected, what was found. */
export interface Issue {
  /** Property names and array indexes from the root value to the offending one. */
  path: (string | number)[];
  /** The type or values expected there (`integer`, `"a" | "b"`, `one of A | B`). */
  expected: string;
  /** What was found (`string "3"`, `null`, `missing`). */
  received: string;
  /** One line for people: `RequestCounts.Total: expected integer, received string "3"`. */
  message: string;
}

/** The outcome of `validateX`: the value (typed) or the issues found. */
export type ValidationResult<T> = { success: true; value: T } | { success: false; issues: Issue[] };

/** Thrown by `assertX`; `issues` lists everything found (up to the issue limit). */
export class ValidationError extends Error {
  /** Everything wrong with the value. */
  readonly issues: Issue[];

  constructor(issues: Issue[]) {
    const first = issues[0]?.message ?? "invalid value";
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more issues)` : "";
    super(`${first}${more}`);
    this.name = "ValidationError";
    this.issues = issues;
  }
}

/** Settings fixed at generation time; docs2ts rewrites the object below from its options. */
interface RuntimeOptions {
  maxIssues: number;
  maxDepth: number;
  unknownKeys: "allow" | "reject";
  optionalUndefined: "accept" | "reject";
}

const OPTIONS: RuntimeOptions = /* docs2ts:options */ {
  maxIssues: 100,
  maxDepth: 512,
  unknownKeys: "allow",
  optionalUndefined: "accept",
};

/**
 * The type at a position, as the issue collector sees it: a primitive's name, a literal, an array,
 * a map, a union, or a reference to a declaration (a function returning its shape, so that modules
 * that refer to each other load in any order).
 * @internal
 */
export type Shape =
  | "string"
  | "number"
  | "integer"
  | "int32"
  | "bigint"
  | "boolean"
  | "date-time"
  | "date"
  | "Date"
  | "null"
  | "unknown"
  | "object"
  | { readonly lit: string | number | boolean }
  | { readonly arr: Shape }
  | { readonly map: Shape }
  | { readonly or: readonly Shape[] }
  | (() => DeclShape);

/**
 * A declaration as the issue collector sees it. Objects: `fields` as `[key, required, shape]`
 * (`null` for any object). Enums: `values`, plus the base types an open enum accepts. Unions:
 * `members`, and the discriminating field when there is one.
 * @internal
 */
export type DeclShape =
  | { readonly name: string; readonly fields: readonly (readonly [string, 0 | 1, Shape])[] | null }
  | {
      readonly name: string;
      readonly values: readonly (string | number | boolean)[];
      readonly open: readonly string[];
    }
  | { readonly name: string; readonly members: readonly Shape[]; readonly tag: string | null };

/** Where issues go while a value is walked. */
interface Collector {
  issues: Issue[];
}

/** The path as people read it: `Errors.Data[3].Line`, `["a b"]`, `(root)`. */
export function formatPath(path: readonly (string | number)[]): string {
  let text = "";
  for (const step of path) {
    if (typeof step === "number") text += `[${step}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(step)) text += text === "" ? step : `.${step}`;
    else text += `[${JSON.stringify(step)}]`;
  }
  return text === "" ? "(root)" : text;
}

/** A short description of a value for messages: `string "3"`, `number NaN`, `array`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "invalid Date" : "Date";
  switch (typeof value) {
    case "string":
      return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case "number":
    case "boolean":
      return `${typeof value} ${String(value)}`;
    case "bigint":
      return `bigint ${String(value)}n`;
    default:
      return typeof value;
  }
}

function push(
  into: Collector,
  path: (string | number)[],
  expected: string,
  received: string,
): void {
  if (into.issues.length >= OPTIONS.maxIssues) return;
  const where = path.length === 0 ? "" : `${formatPath(path)}: `;
  const message =
    received === "missing"
      ? `${where}missing required field, expected ${expected}`
      : `${where}expected ${expected}, received ${received}`;
  into.issues.push({ path, expected, received, message });
}

function full(into: Collector): boolean {
  return into.issues.length >= OPTIONS.maxIssues;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function literalText(value: string | number | boolean): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** The name of what a shape expects, for messages. */
function shapeName(shape: Shape): string {
  if (typeof shape === "string") return shape;
  if (typeof shape === "function") return shape().name;
  if ("lit" in shape) return literalText(shape.lit);
  if ("arr" in shape) {
    const item = shapeName(shape.arr);
    return typeof shape.arr === "object" && "or" in shape.arr ? `(${item})[]` : `${item}[]`;
  }
  if ("map" in shape) return `Record<string, ${shapeName(shape.map)}>`;
  return shape.or.map(shapeName).join(" | ");
}

function primitiveValid(value: unknown, shape: string): boolean {
  switch (shape) {
    case "string":
    case "boolean":
    case "bigint":
      return typeof value === shape;
    case "number":
      return Number.isFinite(value);
    case "integer":
      return Number.isSafeInteger(value);
    case "int32":
      return $int32(value);
    case "date-time":
      return $dateTime(value);
    case "date":
      return $fullDate(value);
    case "Date":
      return $dateObject(value);
    case "null":
      return value === null;
    case "object":
      return isObject(value);
    default:
      return true;
  }
}

function checkShape(
  value: unknown,
  shape: Shape,
  path: (string | number)[],
  depth: number,
  into: Collector,
): void {
  if (full(into)) return;
  if (typeof shape === "string") {
    if (!primitiveValid(value, shape)) push(into, path, shape, describeValue(value));
  } else if (typeof shape === "function") {
    checkDecl(value, shape(), path, depth + 1, into);
  } else if ("lit" in shape) {
    if (value !== shape.lit) push(into, path, literalText(shape.lit), describeValue(value));
  } else if ("arr" in shape) {
    if (!Array.isArray(value)) push(into, path, shapeName(shape), describeValue(value));
    else
      for (let i = 0; i < value.length && !full(into); i++)
        checkShape(value[i], shape.arr, [...path, i], depth, into);
  } else if ("map" in shape) {
    if (!isObject(value)) push(into, path, shapeName(shape), describeValue(value));
    else
      for (const key in value)
        if ($own(value, key) && !full(into))
          checkShape(value[key], shape.map, [...path, key], depth, into);
  } else {
    checkUnion(value, shape.or, path, depth, into);
  }
}

/** The expected text of an enum: its values (the first 10), and the base types an open enum accepts. */
function enumExpected(shape: {
  values: readonly (string | number | boolean)[];
  open: readonly string[];
}): string {
  const values = shape.values.slice(0, 10).map(literalText);
  if (shape.values.length > 10) values.push("…");
  return [...values, ...shape.open].join(" | ") || "never";
}

function checkDecl(
  value: unknown,
  decl: DeclShape,
  path: (string | number)[],
  depth: number,
  into: Collector,
): void {
  if ("values" in decl) {
    if (
      !decl.values.includes(value as string) &&
      !decl.open.some((base) => primitiveValid(value, base))
    )
      push(into, path, enumExpected(decl), describeValue(value));
    return;
  }
  if (depth > OPTIONS.maxDepth) {
    push(into, path, `at most ${OPTIONS.maxDepth} levels of nesting`, "a deeper value");
    return;
  }
  if ("members" in decl) {
    if (decl.tag !== null) checkTagged(value, decl.members, decl.tag, path, depth, into);
    else checkUnion(value, decl.members, path, depth, into);
    return;
  }
  if (!isObject(value)) {
    push(into, path, decl.fields === null ? "object" : decl.name, describeValue(value));
    return;
  }
  if (decl.fields === null) return;
  for (const [key, required, shape] of decl.fields) {
    if (full(into)) return;
    if (!$own(value, key)) {
      if (required === 1) push(into, [...path, key], shapeName(shape), "missing");
      continue;
    }
    const field = value[key];
    if (field === undefined && required === 0 && OPTIONS.optionalUndefined === "accept") continue;
    checkShape(field, shape, [...path, key], depth, into);
  }
  if (OPTIONS.unknownKeys === "reject")
    for (const key in value)
      if ($own(value, key) && !decl.fields.some((field) => field[0] === key))
        push(into, [...path, key], "no unknown property", describeValue(value[key]));
}

/** The value a member's discriminating field must have (a literal or a single-value enum). */
function tagValue(member: Shape, tag: string): unknown {
  if (typeof member !== "function") return undefined;
  const decl = member();
  const field =
    "fields" in decl && decl.fields !== null ? decl.fields.find((f) => f[0] === tag) : undefined;
  const shape = field?.[2];
  if (shape === undefined) return undefined;
  if (typeof shape === "object" && "lit" in shape) return shape.lit;
  if (typeof shape === "function") {
    const target = shape();
    if ("values" in target) return target.values[0];
  }
  return undefined;
}

function checkTagged(
  value: unknown,
  members: readonly Shape[],
  tag: string,
  path: (string | number)[],
  depth: number,
  into: Collector,
): void {
  if (!isObject(value)) {
    push(into, path, members.map(shapeName).join(" | "), describeValue(value));
    return;
  }
  const present = $own(value, tag);
  const found = present ? value[tag] : undefined;
  for (const member of members)
    if (present && tagValue(member, tag) === found)
      return checkShape(value, member, path, depth, into);
  const expected = members
    .map((member) => literalText(tagValue(member, tag) as string))
    .join(" | ");
  push(into, [...path, tag], expected, present ? describeValue(found) : "missing");
}

function checkUnion(
  value: unknown,
  members: readonly Shape[],
  path: (string | number)[],
  depth: number,
  into: Collector,
): void {
  // `T | null`: report T's own issues; a wrong base type reads "expected T | null".
  const nonNull = members.filter((member) => member !== "null");
  if (nonNull.length === 1 && members.length === 2) {
    if (value === null) return;
    const sub: Collector = { issues: [] };
    checkShape(value, nonNull[0] as Shape, path, depth, sub);
    const only = sub.issues[0];
    if (sub.issues.length === 1 && only !== undefined && only.path.length === path.length)
      push(into, path, `${only.expected} | null`, only.received);
    else for (const issue of sub.issues) if (!full(into)) into.issues.push(issue);
    return;
  }
  let best: Issue[] = [];
  let progress = -1;
  for (const member of members) {
    const sub: Collector = { issues: [] };
    checkShape(value, member, path, depth, sub);
    if (sub.issues.length === 0) return;
    const reached = Math.max(...sub.issues.map((issue) => issue.path.length));
    if (reached > progress) {
      progress = reached;
      best = sub.issues;
    }
  }
  push(into, path, `one of ${members.map(shapeName).join(" | ")}`, describeValue(value));
  if (progress > path.length) for (const issue of best) if (!full(into)) into.issues.push(issue);
}

/**
 * The issues of a value that its `isX` rejected, as a failed result.
 * @internal
 */
export function $collect(value: unknown, decl: DeclShape): { success: false; issues: Issue[] } {
  const into: Collector = { issues: [] };
  checkDecl(value, decl, [], 0, into);
  // The shapes and the generated checks agree; this only guards against a value that changed between
  // the two walks (a getter), so that a failure never comes back without an issue.
  if (into.issues.length === 0) push(into, [], decl.name, describeValue(value));
  return { success: false, issues: into.issues };
}

/**
 * Throws a `ValidationError` for a value that its `isX` rejected.
 * @internal
 */
export function $throw(value: unknown, decl: DeclShape): never {
  throw new ValidationError($collect(value, decl).issues);
}

/**
 * A Standard Schema v1 object around a `validateX` function.
 * @internal
 */
export function $standard<T>(
  validate: (value: unknown) => ValidationResult<T>,
): StandardSchemaV1<unknown, T> {
  return {
    "~standard": {
      version: 1,
      vendor: "docs2ts",
      validate: (value) => {
        const result = validate(value);
        return result.success ? { value: result.value } : { issues: result.issues };
      },
    },
  };
}
