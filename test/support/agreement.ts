/**
 * Cross-language agreement: the declarations two docs folders of one API both have, compared up to
 * naming convention (see test/end-to-end/cross-language.test.ts). Pure functions over `generate()` results plus
 * the page text (to quote the type cell a difference comes from).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../../src/core/diagnostics.js";
import type { Decl, FieldModel, Origin, TypeRef } from "../../src/core/model.js";

/** What differs. `lost`: one folder documents the model, the other leaves it undocumented. */
export type Aspect =
  | "lost"
  | "kind"
  | "missing-field"
  | "extra-field"
  | "required"
  | "nullable"
  | "type"
  | "missing-value"
  | "extra-value"
  | "missing-member"
  | "extra-member";

export interface Difference {
  /** The folder compared with the reference. */
  folder: string;
  /** The reference's type name (`operations/` in front for an operations page). */
  decl: string;
  /** The field (reference spelling when it has one), enum value or union member shape. */
  field?: string;
  aspect: Aspect;
  /** `<reference reading> -> <other folder's reading>`. */
  change: string;
  /** `<corpus folder>/<page>:<line>` of the docs line the difference comes from. */
  docsLine: string;
  /** The other folder's type cell as written (field differences). */
  spelling?: string;
  /** The reference's type cell as written (field differences). */
  referenceSpelling?: string;
  /** Whether the other folder's field is required (field differences). */
  required?: boolean;
}

/** A docs folder as `generate()` read it. */
export interface Folder {
  name: string;
  /** The folder on disk (to quote type cells). */
  root: string;
  decls: readonly Decl[];
  diagnostics: readonly Diagnostic[];
}

export interface Comparison {
  decls: number;
  fields: number;
  differences: Difference[];
}

/** Rules the reader reports on a page it could only type as `unknown` / `string`: the docs lost it. */
const LOST_RULES = new Set(["undocumented-model", "empty-enum"]);

/** Lowercase, letters and digits only. */
export const normalise = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The last segment of a namespaced name (`OpenapiClient::X`, `Org.OpenAPITools.Model.X`, `a\B`). */
export const lastSegment = (name: string): string => name.split(/::|[./\\#]/).pop() ?? name;

/** A field name up to convention: Python's `var_` prefix for reserved words dropped, then normalised. */
export const fieldKey = (name: string): string => normalise(name.replace(/^var_/, ""));

/** The match key of a page: its normalised file name, `operations/` (or C# `Requests/`) kept apart. */
export function declKey(id: string): string {
  const segments = id.split("/");
  const group = segments.some((s) => /^(operations|requests)$/i.test(s)) ? "operations/" : "";
  return group + normalise(segments.at(-1) ?? id);
}

/** The type without its `null` member, and whether it had one. */
export function splitNull(type: TypeRef): { type: TypeRef; nullable: boolean } {
  if (type.kind === "null") return { type: { kind: "unknown" }, nullable: true };
  if (type.kind !== "union") return { type, nullable: false };
  const rest = type.members.filter((member) => member.kind !== "null");
  const nullable = rest.length < type.members.length;
  if (rest.length === 1) return { type: rest[0] as TypeRef, nullable };
  return { type: { kind: "union", members: rest }, nullable };
}

/** The coarse shape of a type: number formats alike, references by normalised name. */
export function shapeOf(type: TypeRef): string {
  switch (type.kind) {
    case "string":
      return type.format ? `string(${type.format})` : "string";
    case "number":
      return "number";
    case "boolean":
    case "null":
    case "open-object":
      return type.kind;
    case "unknown":
      return type.reason === "any" ? "unknown(any)" : "unknown(other)";
    case "literal":
      return `literal(${JSON.stringify(type.value)})`;
    case "array":
      return `array<${shapeOf(type.items)}>`;
    case "map":
      return `map<${shapeOf(type.values)}>`;
    case "union": {
      // Members that read alike count once (PHP's `A\|B` linked to one page reads as two refs to it).
      const members = [...new Set(type.members.map(shapeOf))].sort();
      return members.length === 1 ? (members[0] as string) : `union<${members.join(" | ")}>`;
    }
    case "ref":
      // A name no page declares may stand for a primitive or a library type (`[String](string.md)`).
      if (type.target === undefined && type.fallback) return shapeOf(type.fallback.type);
      return `ref(${normalise(lastSegment(type.target ?? type.name))})`;
  }
}

const pages = new Map<string, string[]>();

/** The type cell at `origin` as written: the line from its column to the next unescaped `|`. */
export function cellText(root: string, origin: Origin): string {
  const path = join(root, origin.file);
  let lines = pages.get(path);
  if (!lines) {
    lines = readFileSync(path, "utf8").split(/\r?\n/);
    pages.set(path, lines);
  }
  const rest = (lines[origin.line - 1] ?? "").slice(origin.column - 1);
  const end = rest.search(/(?<!\\)\|/);
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

/** The folder's page declarations by match key, and the pages the docs lost. */
function topLevel(folder: Folder): { byKey: Map<string, Decl>; lost: Set<string> } {
  const lost = new Set(
    folder.diagnostics.filter((d) => LOST_RULES.has(d.ruleId)).map((d) => d.file),
  );
  const byKey = new Map<string, Decl>();
  for (const decl of folder.decls) {
    // One declaration per page: in-page models (`Page#Inner`) are reached through their fields.
    if (decl.id.includes("#")) continue;
    byKey.set(declKey(decl.id), decl);
  }
  return { byKey, lost };
}

const where = (folder: Folder, origin: Origin) => `${folder.name}/${origin.file}:${origin.line}`;

/** Every difference between `other` and `reference` on the declarations both have. */
export function compareFolders(reference: Folder, other: Folder): Comparison {
  const referenceDecls = topLevel(reference);
  const otherDecls = topLevel(other);
  const differences: Difference[] = [];
  let decls = 0;
  let fields = 0;
  for (const [key, a] of [...referenceDecls.byKey].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const b = otherDecls.byKey.get(key);
    if (!b) continue;
    decls += 1;
    const decl = (key.startsWith("operations/") ? "operations/" : "") + lastSegment(a.name);
    const add = (d: Omit<Difference, "folder" | "decl">) =>
      differences.push({ folder: other.name, decl, ...d });
    const aLost = referenceDecls.lost.has(a.origin.file);
    const bLost = otherDecls.lost.has(b.origin.file);
    if (aLost || bLost) {
      if (aLost !== bLost)
        add({
          aspect: "lost",
          change: aLost ? "lost -> documented" : "documented -> lost",
          docsLine: aLost ? where(reference, a.origin) : where(other, b.origin),
        });
      continue;
    }
    if (a.kind !== b.kind) {
      add({ aspect: "kind", change: `${a.kind} -> ${b.kind}`, docsLine: where(other, b.origin) });
      continue;
    }
    if (a.kind === "object" && b.kind === "object") {
      const bFields = new Map(b.fields.map((f) => [fieldKey(f.name), f]));
      const aKeys = new Set(a.fields.map((f) => fieldKey(f.name)));
      for (const fa of a.fields) {
        const fb = bFields.get(fieldKey(fa.name));
        if (!fb) {
          add({
            field: fa.name,
            aspect: "missing-field",
            change: "field -> none",
            docsLine: where(other, b.origin),
          });
          continue;
        }
        fields += 1;
        for (const d of compareFields(reference, fa, other, fb)) add(d);
      }
      for (const fb of b.fields)
        if (!aKeys.has(fieldKey(fb.name)))
          add({
            field: fb.name,
            aspect: "extra-field",
            change: "none -> field",
            docsLine: where(other, fb.origin),
          });
    } else {
      const items = (d: Decl) =>
        d.kind === "enum"
          ? d.members.map((m) => ({ text: String(m.value), origin: m.origin }))
          : d.kind === "union"
            ? d.members.map((m) => ({ text: shapeOf(m.type), origin: m.origin }))
            : [];
      const [missing, extra]: Aspect[] =
        a.kind === "enum" ? ["missing-value", "extra-value"] : ["missing-member", "extra-member"];
      const aItems = new Set(items(a).map((item) => item.text));
      const bItems = items(b);
      const bTexts = new Set(bItems.map((item) => item.text));
      for (const text of [...aItems].sort())
        if (!bTexts.has(text))
          add({
            field: text,
            aspect: missing as Aspect,
            change: "value -> none",
            docsLine: where(other, b.origin),
          });
      for (const item of bItems)
        if (!aItems.has(item.text))
          add({
            field: item.text,
            aspect: extra as Aspect,
            change: "none -> value",
            docsLine: where(other, item.origin),
          });
    }
  }
  return { decls, fields, differences };
}

function compareFields(
  reference: Folder,
  a: FieldModel,
  other: Folder,
  b: FieldModel,
): Array<Omit<Difference, "folder" | "decl">> {
  const out: Array<Omit<Difference, "folder" | "decl">> = [];
  const common = {
    field: a.name,
    docsLine: where(other, b.origin),
    spelling: cellText(other.root, b.typeOrigin),
    referenceSpelling: cellText(reference.root, a.typeOrigin),
    required: b.required,
  };
  const optionality = (f: FieldModel) => (f.required ? "required" : "optional");
  if (a.required !== b.required)
    out.push({ ...common, aspect: "required", change: `${optionality(a)} -> ${optionality(b)}` });
  const ta = splitNull(a.type);
  const tb = splitNull(b.type);
  const nullability = (n: boolean) => (n ? "nullable" : "not-null");
  if (ta.nullable !== tb.nullable)
    out.push({
      ...common,
      aspect: "nullable",
      change: `${nullability(ta.nullable)} -> ${nullability(tb.nullable)}`,
    });
  const [sa, sb] = [shapeOf(ta.type), shapeOf(tb.type)];
  if (sa !== sb) out.push({ ...common, aspect: "type", change: `${sa} -> ${sb}` });
  return out;
}
