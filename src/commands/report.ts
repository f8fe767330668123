/**
 * `docs2ts report`: a conformance summary per docs folder (its family, pages, models by kind, fields,
 * dialects, diagnostics by rule, properties typed `unknown` by cause, the most frequent unread type
 * spellings), built from `generate()` without writing anything. Returns data and text; prints nothing.
 */
import { basename } from "node:path";
import type { Diagnostic } from "../core/diagnostics.js";
import { byCodePoint } from "../core/text.js";
import { generate } from "../pipeline/generate.js";
import type { Decl, TypeRef } from "../core/model.js";
import type { GenerateOptions } from "../core/options.js";
import { isNamedNonModel } from "../model/not-a-model.js";
import type { FamilyId } from "../families/family.js";
import { familyById, rankFamilies, type FamilyCounts } from "../families/registry.js";

/**
 * Why a property is typed `unknown`: the docs say any value (`any`), name a library type with no JSON
 * shape (`external`), name a model whose page documents nothing (`undocumented`), or write a type
 * docs2ts could not read or resolve (`unread`).
 */
export type UnknownCause = "any" | "external" | "undocumented" | "unread";

/** The causes in column order (and in the order a union with several picks one: first wins). */
export const UNKNOWN_CAUSES: readonly UnknownCause[] = [
  "unread",
  "undocumented",
  "external",
  "any",
];

/** A type spelling docs2ts could not read, with how many `unknown-type` warnings quote it. */
export interface UnreadSpelling {
  spelling: string;
  count: number;
}

/** The summary of one docs folder. */
export interface FolderReport {
  input: string;
  pages: number;
  /** Pages per family that reads them (keys in the registry's order). */
  families: FamilyCounts;
  /** The family that reads most of the folder's pages (undefined for a folder without pages). */
  family?: FamilyId;
  models: { object: number; enum: number; union: number };
  fields: number;
  /** Diagnostics counted by `severity:ruleId`, sorted. */
  diagnostics: Record<string, number>;
  /** Object properties typed `unknown`, counted by cause (rule: {@link unknownCause}). */
  unknownFields: Record<UnknownCause, number>;
  /**
   * Share of fields whose type docs2ts could not read (`unknownFields.unread / fields`, 0..1); 0 when
   * no field was read (the table then prints `-`, not a share).
   */
  unreadShare: number;
  /**
   * Why `generate` would fail on the folder (exit 1), when it would: its errors, or no model read.
   * `docs2ts report` then says so under the folder and exits 1.
   */
  failed?: string;
  /**
   * The most frequent spellings quoted by `unknown-type` warnings (at most {@link TOP_SPELLINGS}),
   * most frequent first, ties in code-point order.
   */
  unreadSpellings: UnreadSpelling[];
  /**
   * The pages skipped as not models for what they hold or lack (not for their name, as `README.md`
   * and `PetApi.md` are), each with its `not-a-model` message, in path order.
   */
  skipped: Array<{ file: string; line: number; message: string }>;
}

/** How many unread spellings a folder's report lists. */
export const TOP_SPELLINGS = 10;

/**
 * Why a property of type `type` is `unknown`, or `undefined` when it has a type to check. The
 * property counts once, by its own type:
 * - `T | null` is looked through (null members are dropped);
 * - arrays and maps count by their items / values (`unknown[]`, `Record<string, unknown>`);
 * - `unknown` counts by its reason (`unrecognised` or no reason -> `unread`);
 * - a reference counts as `unread` when it resolved to nothing, and as `undocumented` when its
 *   target is an undocumented declaration (a one-member union whose member is `unknown` with reason
 *   `undocumented`, or a reference to such a declaration);
 * - a union with several non-null members counts when any member does, by the first cause in
 *   {@link UNKNOWN_CAUSES} order among them (`string | unknown` is `unknown` in TypeScript).
 *
 * Open objects, primitives, literals and references to documented models do not count.
 */
export function unknownCause(
  type: TypeRef,
  declsById: ReadonlyMap<string, Decl>,
): UnknownCause | undefined {
  switch (type.kind) {
    case "unknown":
      return type.reason === undefined || type.reason === "unrecognised" ? "unread" : type.reason;
    case "array":
      return unknownCause(type.items, declsById);
    case "map":
      return unknownCause(type.values, declsById);
    case "union": {
      const causes = new Set(
        type.members
          .filter((m) => m.kind !== "null")
          .map((m) => unknownCause(m, declsById))
          .filter((cause) => cause !== undefined),
      );
      return UNKNOWN_CAUSES.find((cause) => causes.has(cause));
    }
    case "ref":
      if (type.target === undefined) return "unread";
      return isUndocumented(type.target, declsById, new Set()) ? "undocumented" : undefined;
    default:
      return undefined;
  }
}

/** True when declaration `id` documents nothing, directly or through one-member-union aliases. */
function isUndocumented(
  id: string,
  declsById: ReadonlyMap<string, Decl>,
  seen: Set<string>,
): boolean {
  const decl = declsById.get(id);
  if (!decl || decl.kind !== "union" || decl.members.length !== 1 || seen.has(id)) return false;
  seen.add(id);
  const member = decl.members[0]?.type;
  if (member?.kind === "unknown") return member.reason === "undocumented";
  return member?.kind === "ref" && member.target !== undefined
    ? isUndocumented(member.target, declsById, seen)
    : false;
}

/** The spelling an `unknown-type` warning quotes ("Unexpected type `X`, expected ..."). */
const UNREAD_SPELLING = /^Unexpected type `([\s\S]*)`, expected /;

/** The most frequent spellings of `unknown-type` warnings, most frequent first, ties by code point. */
export function unreadSpellings(
  diagnostics: readonly Diagnostic[],
  top = TOP_SPELLINGS,
): UnreadSpelling[] {
  const counts = new Map<string, number>();
  for (const d of diagnostics) {
    if (d.ruleId !== "unknown-type" || d.severity !== "warning") continue;
    const spelling = UNREAD_SPELLING.exec(d.message)?.[1];
    if (spelling !== undefined) counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
  }
  return [...counts]
    .map(([spelling, count]) => ({ spelling, count }))
    .sort((a, b) => b.count - a.count || byCodePoint(a.spelling, b.spelling))
    .slice(0, top);
}

/** Summarises one docs folder. */
export async function reportFolder(options: GenerateOptions): Promise<FolderReport> {
  const result = await generate({ ...options, cache: options.cache ?? false });
  const declsById = new Map(result.decls.map((decl) => [decl.id, decl]));
  const models = { object: 0, enum: 0, union: 0 };
  const unknownFields: Record<UnknownCause, number> = {
    any: 0,
    external: 0,
    undocumented: 0,
    unread: 0,
  };
  let fields = 0;
  for (const decl of result.decls) {
    models[decl.kind] += 1;
    if (decl.kind !== "object") continue;
    fields += decl.fields.length;
    for (const field of decl.fields) {
      const cause = unknownCause(field.type, declsById);
      if (cause !== undefined) unknownFields[cause] += 1;
    }
  }
  const counts = new Map<string, number>();
  for (const d of result.diagnostics) {
    const key = `${d.severity}:${d.ruleId}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const dominant = rankFamilies(result.stats.families)[0]?.family.id;
  const errors = result.diagnostics.filter((d) => d.severity === "error").length;
  const modelCount = models.object + models.enum + models.union;
  const failed =
    errors > 0
      ? `generate exits 1: ${errors} error${errors === 1 ? "" : "s"}${modelCount === 0 ? ", no model read" : ""}`
      : modelCount === 0
        ? "generate exits 1: no model read"
        : undefined;
  return {
    input: result.options.input,
    pages: result.stats.pages,
    families: result.stats.families,
    ...(dominant !== undefined ? { family: dominant } : {}),
    models,
    fields,
    diagnostics: Object.fromEntries([...counts].sort(([a], [b]) => byCodePoint(a, b))),
    unknownFields,
    unreadShare: fields === 0 ? 0 : unknownFields.unread / fields,
    unreadSpellings: unreadSpellings(result.diagnostics),
    skipped: result.diagnostics
      .filter((d) => d.ruleId === "not-a-model" && !isNamedNonModel(d.file))
      .map(({ file, line, message }) => ({ file, line, message })),
    ...(failed !== undefined ? { failed } : {}),
  };
}

/** The table's first columns, which hold text (left-aligned); the rest hold figures. */
const TEXT_COLUMNS = 2;

/**
 * The reports as an aligned text table, one row per folder (properties typed `unknown` by cause and
 * the unread share), then per folder its diagnostics by rule and its most frequent unread spellings.
 */
/** Skipped pages listed per folder without `--verbose`. */
const SKIPPED_SHOWN = 10;

export function formatReports(
  reports: readonly FolderReport[],
  options: { verbose?: boolean } = {},
): string {
  const header = [
    "folder",
    "family",
    "pages",
    "objects",
    "enums",
    "unions",
    "fields",
    "errors",
    "warnings",
    "any",
    "external",
    "undocumented",
    "unread",
    "unread %",
  ];
  const names = folderNames(reports);
  const rows = reports.map((r, index) => {
    const sum = (severity: string) =>
      Object.entries(r.diagnostics)
        .filter(([key]) => key.startsWith(`${severity}:`))
        .reduce((n, [, count]) => n + count, 0);
    return [
      names[index] as string,
      r.family !== undefined ? familyById(r.family).label : "-",
      String(r.pages),
      String(r.models.object),
      String(r.models.enum),
      String(r.models.union),
      String(r.fields),
      String(sum("error")),
      String(sum("warning")),
      String(r.unknownFields.any),
      String(r.unknownFields.external),
      String(r.unknownFields.undocumented),
      String(r.unknownFields.unread),
      r.fields === 0 ? "-" : `${(r.unreadShare * 100).toFixed(2)}%`,
    ];
  });
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) =>
        i < TEXT_COLUMNS ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0),
      )
      .join("  ");
  const out = [line(header), ...rows.map(line), ""];
  for (const [index, r] of reports.entries()) {
    out.push(`${names[index]}:`);
    if (r.failed !== undefined) out.push(`  failed: ${r.failed}`);
    for (const [rule, count] of Object.entries(r.diagnostics))
      out.push(`  ${rule.padEnd(32)} ${count}`);
    if (Object.keys(r.diagnostics).length === 0) out.push("  (no diagnostics)");
    const countWidth = Math.max(0, ...r.unreadSpellings.map((s) => String(s.count).length));
    for (const { spelling, count } of r.unreadSpellings)
      out.push(`  unread: ${String(count).padStart(countWidth)} × ${codeSpan(spelling)}`);
    // A JSON Schema tool writes a page per property: thousands of skipped pages, one line each.
    const shown = options.verbose ? r.skipped : r.skipped.slice(0, SKIPPED_SHOWN);
    for (const { file, line, message } of shown) out.push(`  skipped: ${file}:${line}: ${message}`);
    if (shown.length < r.skipped.length)
      out.push(
        `  skipped: ... and ${r.skipped.length - shown.length} more (--verbose lists every one)`,
      );
  }
  return `${out.join("\n")}\n`;
}

/** `text` as a Markdown code span: a fence longer than any backtick run inside, padded when needed. */
function codeSpan(text: string): string {
  const fence = "`".repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Each folder's label: its last path segment, with as many parent segments as it takes to tell it from
 * the other folders of the report (`oa/docs` and `site/docs`, not `docs` twice).
 */
function folderNames(reports: readonly FolderReport[]): string[] {
  const parts = reports.map((r) => r.input.replace(/\\/g, "/").replace(/\/+$/, "").split("/"));
  const label = (segments: string[], depth: number) => segments.slice(-depth).join("/");
  return parts.map((segments) => {
    let depth = 1;
    while (
      depth < segments.length &&
      parts.some((other) => other !== segments && label(other, depth) === label(segments, depth))
    )
      depth += 1;
    return label(segments, depth) || basename(segments.join("/"));
  });
}
