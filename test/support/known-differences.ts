/**
 * The table of known cross-language differences (test/fixtures/cross-language/known-differences.json)
 * and how computed differences are checked against it: a row without `count` matches exactly one
 * difference (same declaration, field, change and docs line); a rule with `count` matches every
 * difference of its folder and aspect that fits its filters, and must match exactly `count`.
 */
import type { Comparison, Difference } from "./agreement.js";

export interface KnownDifference {
  folder: string;
  aspect: Difference["aspect"];
  /** Exact for a single row; for a rule, `*` matches any run of characters. */
  decl?: string;
  field?: string;
  /** `<reference reading> -> <other reading>`; for a rule, `*` matches any run of characters. */
  change?: string;
  /** Rules only: a substring of the other folder's type cell. */
  spelling?: string;
  /** Rules only: a substring of the reference's type cell. */
  referenceSpelling?: string;
  /** Rules only: whether the other folder's field is required. */
  required?: boolean;
  /** Rules only: how many differences the rule matches. */
  count?: number;
  /** The docs line that causes it (for a rule: one of the lines it matches). */
  docsLine: string;
  reason: string;
}

export interface Table {
  /** What the file is and how to refresh it. */
  $comment?: string[];
  /** Per folder: declarations and fields compared (both folders have them). */
  compared: Record<string, { decls: number; fields: number }>;
  differences: KnownDifference[];
}

const globs = new Map<string, RegExp>();
function glob(pattern: string | undefined, text: string | undefined): boolean {
  if (pattern === undefined) return true;
  let regexp = globs.get(pattern);
  if (!regexp) {
    const parts = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
    regexp = new RegExp(`^${parts.join(".*")}$`);
    globs.set(pattern, regexp);
  }
  return text !== undefined && regexp.test(text);
}

const contains = (part: string | undefined, text: string | undefined) =>
  part === undefined || (text ?? "").includes(part);

function matches(entry: KnownDifference, d: Difference): boolean {
  if (entry.folder !== d.folder || entry.aspect !== d.aspect) return false;
  if (entry.count === undefined)
    return (
      entry.decl === d.decl &&
      entry.field === d.field &&
      (entry.change === undefined || entry.change === d.change) &&
      entry.docsLine === d.docsLine
    );
  return (
    glob(entry.decl, d.decl) &&
    glob(entry.field, d.field) &&
    glob(entry.change, d.change) &&
    contains(entry.spelling, d.spelling) &&
    contains(entry.referenceSpelling, d.referenceSpelling) &&
    (entry.required === undefined || entry.required === d.required)
  );
}

/** Each difference goes to the first single row that matches it, else to the first rule. */
export function assign(entries: readonly KnownDifference[], differences: readonly Difference[]) {
  const ordered = [
    ...entries.filter((e) => e.count === undefined),
    ...entries.filter((e) => e.count !== undefined),
  ];
  const matched = new Map<KnownDifference, Difference[]>(entries.map((e) => [e, []]));
  const unmatched: Difference[] = [];
  for (const d of differences) {
    const entry = ordered.find((e) => matches(e, d));
    if (entry) matched.get(entry)?.push(d);
    else unmatched.push(d);
  }
  return { matched, unmatched };
}

const where = (decl: string | undefined, field: string | undefined) =>
  `${decl ?? "*"}${field === undefined ? "" : `.${field}`}`;

function describeEntry(e: KnownDifference, count: number): string {
  const parts = [e.aspect, where(e.decl, e.field), e.change];
  if (e.spelling !== undefined) parts.push(`[${e.spelling}]`);
  if (e.referenceSpelling !== undefined) parts.push(`ref [${e.referenceSpelling}]`);
  if (e.required !== undefined) parts.push(e.required ? "(required rows)" : "(optional rows)");
  return `${parts.filter((p) => p !== undefined).join(" ")} @ ${e.docsLine} x${count}`;
}

const describeDifference = (d: Difference) =>
  `NEW ${d.aspect} ${where(d.decl, d.field)} ${d.change}` +
  `${d.spelling === undefined ? "" : ` [${d.spelling}]`} @ ${d.docsLine}`;

/**
 * The folder's table entries as lines (`expected`) and the same lines for what was computed
 * (`actual`: entries with their matched counts, then each unmatched difference). Equal when the
 * table is exact. A rule whose example line is not among its matches shows `(not matched)`.
 */
export function checkFolder(table: Table, folder: string, comparison: Comparison) {
  const entries = table.differences.filter((e) => e.folder === folder);
  const { matched, unmatched } = assign(entries, comparison.differences);
  const actual = [
    ...entries.flatMap((e) => {
      const rows = matched.get(e) ?? [];
      if (rows.length === 0) return [];
      const seen = rows.some((d) => d.docsLine === e.docsLine);
      return [describeEntry(seen ? e : { ...e, docsLine: "(not matched)" }, rows.length)];
    }),
    ...unmatched.map(describeDifference),
  ];
  const expected = entries.map((e) => describeEntry(e, e.count ?? 1));
  return {
    actual: {
      compared: { decls: comparison.decls, fields: comparison.fields },
      differences: actual,
    },
    expected: { compared: table.compared[folder], differences: expected },
  };
}

/**
 * The table as it should be now: known entries with their current counts (gone ones dropped), then
 * new differences as `TODO` entries (a rule per spelling seen 3 times or more, else single rows).
 * Folders not compared in this run keep their entries.
 */
export function draftTable(
  table: Table,
  folders: readonly string[],
  comparisons: ReadonlyMap<string, Comparison>,
): Table {
  const compared: Table["compared"] = {};
  const differences: KnownDifference[] = [];
  for (const folder of folders) {
    const entries = table.differences.filter((e) => e.folder === folder);
    const comparison = comparisons.get(folder);
    if (!comparison) {
      const known = table.compared[folder];
      if (known) compared[folder] = known;
      differences.push(...entries);
      continue;
    }
    compared[folder] = { decls: comparison.decls, fields: comparison.fields };
    const { matched, unmatched } = assign(entries, comparison.differences);
    for (const entry of entries) {
      const rows = matched.get(entry) ?? [];
      if (rows.length === 0) continue;
      if (entry.count === undefined) differences.push(entry);
      else {
        const seen = rows.some((d) => d.docsLine === entry.docsLine);
        const docsLine = seen ? entry.docsLine : (rows[0] as Difference).docsLine;
        differences.push({ ...entry, count: rows.length, docsLine });
      }
    }
    const groups = new Map<string, Difference[]>();
    for (const d of unmatched) {
      const key = JSON.stringify([d.aspect, d.change, d.spelling ?? `${d.decl}.${d.field}`]);
      groups.set(key, [...(groups.get(key) ?? []), d]);
    }
    for (const rows of groups.values()) {
      const first = rows[0] as Difference;
      if (rows.length >= 3 && first.spelling !== undefined) {
        const { aspect, change, spelling, docsLine } = first;
        differences.push({
          folder,
          aspect,
          change,
          spelling,
          count: rows.length,
          docsLine,
          reason: "TODO",
        });
      } else
        for (const d of rows) {
          const { aspect, decl, field, change, docsLine } = d;
          differences.push({
            folder,
            aspect,
            decl,
            ...(field === undefined ? {} : { field }),
            change,
            docsLine,
            reason: "TODO",
          });
        }
    }
  }
  return { ...(table.$comment ? { $comment: table.$comment } : {}), compared, differences };
}

/** The table as JSON text, each folder's `compared` counts on one line (as prettier keeps them). */
export function formatTable(table: Table): string {
  return `${JSON.stringify(table, null, 2)}\n`.replace(
    /\{\n\s*"decls": (\d+),\n\s*"fields": (\d+)\n\s*\}/g,
    '{ "decls": $1, "fields": $2 }',
  );
}
