/**
 * `docs2ts report`: a conformance summary per docs folder (pages, models by kind, fields, flavours,
 * diagnostics by rule), built from `generate()` without writing anything. Returns data and text;
 * prints nothing.
 */
import { basename } from "node:path";
import { byCodePoint } from "../emit/plan.js";
import { generate } from "../generate.js";
import type { GenerateOptions } from "../options.js";

/** The summary of one docs folder. */
export interface FolderReport {
  input: string;
  pages: number;
  models: { object: number; enum: number; union: number };
  fields: number;
  /** Diagnostics counted by `severity:ruleId`, sorted. */
  diagnostics: Record<string, number>;
  /** Share of fields whose type is unknown-type (0..1). */
  unknownTypeShare: number;
}

/** Summarises one docs folder. */
export async function reportFolder(options: GenerateOptions): Promise<FolderReport> {
  const result = await generate({ ...options, cache: options.cache ?? false });
  const models = { object: 0, enum: 0, union: 0 };
  let fields = 0;
  for (const decl of result.decls) {
    models[decl.kind] += 1;
    if (decl.kind === "object") fields += decl.fields.length;
  }
  const counts = new Map<string, number>();
  for (const d of result.diagnostics) {
    const key = `${d.severity}:${d.ruleId}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const unknown = counts.get("warning:unknown-type") ?? 0;
  return {
    input: result.options.input,
    pages: result.stats.pages,
    models,
    fields,
    diagnostics: Object.fromEntries([...counts].sort(([a], [b]) => byCodePoint(a, b))),
    unknownTypeShare: fields === 0 ? 0 : unknown / fields,
  };
}

/** The reports as an aligned text table, one row per folder, then the diagnostics per folder. */
export function formatReports(reports: readonly FolderReport[]): string {
  const header = [
    "folder",
    "pages",
    "objects",
    "enums",
    "unions",
    "fields",
    "errors",
    "warnings",
    "unknown-type",
  ];
  const rows = reports.map((r) => {
    const sum = (severity: string) =>
      Object.entries(r.diagnostics)
        .filter(([key]) => key.startsWith(`${severity}:`))
        .reduce((n, [, count]) => n + count, 0);
    return [
      basename(r.input.replace(/\/+$/, "")),
      String(r.pages),
      String(r.models.object),
      String(r.models.enum),
      String(r.models.union),
      String(r.fields),
      String(sum("error")),
      String(sum("warning")),
      `${(r.unknownTypeShare * 100).toFixed(2)}%`,
    ];
  });
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ");
  const out = [line(header), ...rows.map(line), ""];
  for (const r of reports) {
    out.push(`${basename(r.input.replace(/\/+$/, ""))}:`);
    for (const [rule, count] of Object.entries(r.diagnostics))
      out.push(`  ${rule.padEnd(32)} ${count}`);
    if (Object.keys(r.diagnostics).length === 0) out.push("  (no diagnostics)");
  }
  return `${out.join("\n")}\n`;
}
