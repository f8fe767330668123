/**
 * The match of docs2ts's JSON Schema with an OpenAPI spec's object schemas (spec-compare.ts normalises
 * both sides): for each spec object schema, the mismatches (property names, required set, types, enum
 * values) and the docs' losses, which are not mismatches: `any value` (docs2ts writes no type, or
 * `array<any>`, the spec a concrete one), `inline enum` (spec enum values, docs the plain base type)
 * and `nullability` (spec `null|T`, docs `T`, for docs that never mark a field nullable). Property
 * names compare as written (`exact`) or under `key` (`loose`, for docs that write SDK identifiers).
 */
import { docsObjects, key, type ObjectSchema, type specObjects } from "./spec-compare.js";

/** How a docs folder writes names and nullability. */
export interface DocsTraits {
  names: "exact" | "loose";
  nullable: "written" | "not written";
}

type Aspect = "declaration" | "property names" | "required" | "types" | "enum values";
type Mismatch = { schema: string; aspect: Aspect; property: string; docs: string; spec: string };
type LossKind = "any value" | "inline enum" | "nullability";

/** One spec object schema against its docs2ts declaration: the mismatches and the docs' losses. */
function compare(
  schema: string,
  spec: ObjectSchema,
  docs: ObjectSchema | undefined,
  f: DocsTraits,
) {
  const mismatches: Mismatch[] = [];
  const losses: LossKind[] = [];
  const miss = (aspect: Aspect, docs: string, spec: string, property = "") =>
    mismatches.push({ schema, aspect, property, docs, spec });
  if (!docs?.properties || !spec.properties) {
    miss("declaration", docs ? "no object with properties" : "none", "object");
    return { mismatches, losses };
  }
  const named = (o: ObjectSchema) =>
    new Map([...(o.properties ?? [])].map(([n, p]) => [f.names === "exact" ? n : key(n), p]));
  const [specProps, docsProps] = [named(spec), named(docs)];
  const only = (a: Map<string, unknown>, b: Map<string, unknown>) =>
    [...a.keys()].filter((n) => !b.has(n)).join(", ") || "-";
  if (only(specProps, docsProps) !== "-" || only(docsProps, specProps) !== "-")
    miss("property names", only(docsProps, specProps), only(specProps, docsProps));
  const both = (n: string) => specProps.has(n) && docsProps.has(n);
  const required = (o: ObjectSchema) =>
    o.required
      .map((n) => (f.names === "exact" ? n : key(n)))
      .filter(both)
      .sort()
      .join(", ");
  if (required(docs) !== required(spec))
    miss("required", required(docs) || "-", required(spec) || "-");
  for (const [name, sp] of specProps) {
    const dp = docsProps.get(name);
    if (!dp) continue;
    let specType = sp.type;
    const nonNull = specType
      .split("|")
      .filter((t) => t !== "null")
      .join("|");
    if (f.nullable === "not written" && nonNull !== specType && nonNull === dp.type) {
      losses.push("nullability");
      specType = nonNull;
    }
    const anyValue = dp.type === "any" || (dp.type === "array<any>" && /^array</.test(specType));
    if (anyValue && specType !== "any") losses.push("any value");
    else if (dp.type !== specType) miss("types", dp.type, specType, name);
    if (dp.enums === sp.enums || (anyValue && specType !== "any")) continue;
    if (!dp.enums && dp.type === specType && !specType.includes("ref:")) losses.push("inline enum");
    else miss("enum values", dp.enums || "-", sp.enums || "-", name);
  }
  return { mismatches, losses };
}

/** A mismatch's cause, schema names generalised: `types: docs string / spec integer`. */
function cause(m: Mismatch): string {
  if (m.aspect === "types" || m.aspect === "declaration")
    return `${m.aspect}: docs ${m.docs} / spec ${m.spec}`.replace(/ref:[a-z0-9]+/g, "ref");
  if (m.aspect !== "property names") return m.aspect;
  if (/(^|, )var_/.test(m.docs)) return "property names: var_ prefix";
  const keys = (names: string) => names.split(", ").map(key).sort().join();
  return keys(m.docs) === keys(m.spec)
    ? "property names: same up to case and punctuation"
    : "property names: other";
}
const text = (m: Mismatch) =>
  `${m.schema}${m.property && `.${m.property}`}: ${m.aspect}: docs has ${m.docs}, spec has ${m.spec}`;

/**
 * Compares the `.schema.json` files among `files` with the spec's object schemas: the share that
 * match, a printable summary (by aspect, losses, the 15 most common causes) and the first 30 failing
 * schemas as a message.
 */
export function matchSpec(
  label: string,
  spec: ReturnType<typeof specObjects>,
  files: readonly { path: string; content: string }[],
  f: DocsTraits,
): { share: number; summary: string; message: string } {
  const docs = docsObjects(files, spec.keys);
  const failing = new Map<string, Mismatch[]>();
  const causes = new Map<string, Mismatch[]>();
  const losses: Record<LossKind, number> = { "any value": 0, "inline enum": 0, nullability: 0 };
  for (const [name, schema] of spec.objects) {
    const c = compare(name, schema, docs.get(key(name)), f);
    for (const loss of c.losses) losses[loss] += 1;
    if (c.mismatches.length > 0) failing.set(name, c.mismatches);
    for (const m of c.mismatches) causes.set(cause(m), [...(causes.get(cause(m)) ?? []), m]);
  }
  const share = 1 - failing.size / spec.objects.size;
  const byAspect: Record<string, number> = {};
  for (const m of [...failing.values()].flat()) byAspect[m.aspect] = (byAspect[m.aspect] ?? 0) + 1;
  const top = [...causes].sort((a, b) => b[1].length - a[1].length).slice(0, 15);
  const summary = [
    `${label}: ${spec.objects.size - failing.size}/${spec.objects.size} object schemas match (${(share * 100).toFixed(1)}%)`,
    `  not compared: ${JSON.stringify(spec.skipped)}`,
    `  mismatches by aspect: ${JSON.stringify(byAspect)}`,
    `  docs' losses (not mismatches): ${JSON.stringify(losses)}`,
    ...top.map(([c, ms]) => `  ${ms.length} x ${c}, e.g. ${ms[0] ? text(ms[0]) : ""}`),
  ].join("\n");
  const first = [...failing.values()].slice(0, 30).map((ms) => ms.map(text).join("; "));
  const message = `mismatching schemas (first 30 of ${failing.size}):\n${first.join("\n")}`;
  return { share, summary, message };
}
