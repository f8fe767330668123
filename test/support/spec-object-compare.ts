/**
 * One spec object schema against the docs2ts declaration of the same name, as test/end-to-end/openapi-spec-truth.test.ts
 * compares them (property names, required set, property types, enum values, normalised by
 * spec-compare.ts), for the families whose docs write property names as the spec does and say when a
 * property may be null. `any value` (docs2ts writes no type, the spec a concrete one) is a loss of the
 * docs, counted apart.
 */
import type { ObjectSchema } from "./spec-compare.js";

export type Aspect = "declaration" | "property names" | "required" | "types" | "enum values";
export type Mismatch = {
  schema: string;
  aspect: Aspect;
  property: string;
  docs: string;
  spec: string;
};

/** The mismatches of one schema and how many of its properties the docs typed as any value. */
export function compareObject(schema: string, spec: ObjectSchema, docs: ObjectSchema | undefined) {
  const mismatches: Mismatch[] = [];
  let anyValue = 0;
  const miss = (aspect: Aspect, docs: string, spec: string, property = "") =>
    mismatches.push({ schema, aspect, property, docs, spec });
  if (!docs?.properties || !spec.properties) {
    miss("declaration", docs ? "no object with properties" : "none", "object");
    return { mismatches, anyValue };
  }
  const [specProps, docsProps] = [spec.properties, docs.properties];
  const only = (a: Map<string, unknown>, b: Map<string, unknown>) =>
    [...a.keys()].filter((n) => !b.has(n)).join(", ") || "-";
  if (only(specProps, docsProps) !== "-" || only(docsProps, specProps) !== "-")
    miss("property names", only(docsProps, specProps), only(specProps, docsProps));
  const both = (n: string) => specProps.has(n) && docsProps.has(n);
  const required = (o: ObjectSchema) => o.required.filter(both).sort().join(", ");
  if (required(docs) !== required(spec))
    miss("required", required(docs) || "-", required(spec) || "-");
  for (const [name, sp] of specProps) {
    const dp = docsProps.get(name);
    if (!dp) continue;
    if (dp.type === "any" && sp.type !== "any") anyValue += 1;
    else if (dp.type !== sp.type) miss("types", dp.type, sp.type, name);
    else if (dp.enums !== sp.enums) miss("enum values", dp.enums || "-", sp.enums || "-", name);
  }
  return { mismatches, anyValue };
}

/** A mismatch as one line: `Parcel.weight: types: docs has string, spec has integer`. */
export const mismatchText = (m: Mismatch): string =>
  `${m.schema}${m.property && `.${m.property}`}: ${m.aspect}: docs has ${m.docs}, spec has ${m.spec}`;
