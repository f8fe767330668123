/**
 * The three ways `docs2ts diff` prints a report: `text` for a terminal, `markdown` for a pull-request
 * comment (a summary line, then a table per declaration, breaking ones first, the rest collapsed) and
 * `json` for tools. Text from the docs is escaped for each: control characters for a terminal; pipes,
 * line breaks, HTML and Markdown syntax for a table cell.
 */
import type { Change } from "./changes.js";
import type { DiffReport } from "./diff.js";

/** The output formats of `docs2ts diff`. */
export const DIFF_FORMATS = ["text", "markdown", "json"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** Whether a change breaks code: readers, writers, or code that names what it took away. */
export const breaking = (change: Change) =>
  change.breaks.readers || change.breaks.writers || (change.stopsCompiling?.length ?? 0) > 0;

/**
 * Changes grouped by declaration (a page may hold several: each is its own group), in the order of
 * each declaration's first change.
 */
function byDeclaration(changes: readonly Change[]): Change[][] {
  const groups = new Map<string, Change[]>();
  for (const change of changes) {
    const key = `${change.file}\0${change.declaration}`;
    const group = groups.get(key);
    if (group) group.push(change);
    else groups.set(key, [change]);
  }
  return [...groups.values()];
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/**
 * One line that sums a report up: `12 changes in 5 declarations (1 added, 1 removed, 3 changed);
 * 2 break readers, 1 breaks writers.` or `No changes.`
 */
export function summaryLine(report: DiffReport): string {
  const { changes } = report;
  if (changes.length === 0) return "No changes.";
  const groups = byDeclaration(changes);
  const added = groups.filter((g) => g[0]?.kind === "declaration-added").length;
  const removed = groups.filter((g) => g[0]?.kind === "declaration-removed").length;
  const readers = changes.filter((c) => c.breaks.readers).length;
  const writers = changes.filter((c) => c.breaks.writers).length;
  const verb = (count: number) => (count === 1 ? "breaks" : "break");
  return `${plural(changes.length, "change")} in ${plural(groups.length, "declaration")} (${added} added, ${removed} removed, ${groups.length - added - removed} changed); ${readers} ${verb(readers)} readers, ${writers} ${verb(writers)} writers.`;
}

/** What a change breaks, in words. */
function breaksText(change: Change): string {
  const { readers, writers } = change.breaks;
  const who = [
    ...(readers ? ["readers"] : []),
    ...(writers ? ["writers"] : []),
    ...((change.stopsCompiling?.length ?? 0) > 0 ? ["code that names it"] : []),
  ];
  return who.join(", ");
}

/** How many holders of a change text and markdown show (JSON has every one `usedBy` lists). */
const USES_SHOWN = 5;

/** The nearest holders of a change as `Order items[].unit` entries, with the count of the rest. */
function usedByText(change: Change, code: (text: string) => string): string | undefined {
  if (change.usedBy === undefined) return undefined;
  const uses = change.usedBy
    .slice(0, USES_SHOWN)
    .map((use) => `${code(use.declaration)}${use.path === "" ? "" : ` ${code(use.path)}`}`);
  const more = change.usedBy.length - USES_SHOWN + (change.usedByMore ?? 0);
  if (more > 0) uses.push(`${more} more`);
  return uses.join(", ");
}

/** Text for a terminal: control characters (escape sequences, line breaks) shown as escapes. */
export function terminalText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => {
    if (char === "\n") return "\\n";
    if (char === "\t") return "\\t";
    return `\\u{${char.codePointAt(0)?.toString(16)}}`;
  });
}

function formatText(report: DiffReport): string {
  const lines = [`docs2ts diff ${terminalText(report.base)} -> ${terminalText(report.head)}`];
  if (report.warning !== undefined) lines.push("", `warning: ${terminalText(report.warning)}`);
  for (const group of byDeclaration(report.changes)) {
    const first = group[0] as Change;
    lines.push("", `${terminalText(first.file)} (${terminalText(first.declaration)})`);
    for (const change of group) {
      const where = change.path === "" ? "" : ` ${terminalText(change.path)}`;
      const before = change.before === null ? "(none)" : terminalText(change.before);
      const after = change.after === null ? "(none)" : terminalText(change.after);
      const breaks = breaking(change) ? `  [breaks ${breaksText(change)}]` : "";
      lines.push(
        `  ${breaking(change) ? "!" : " "} ${change.kind}${where}: ${before} -> ${after}${breaks}`,
      );
      if (change.note !== undefined) lines.push(`      note: ${terminalText(change.note)}`);
      if (change.stopsCompiling !== undefined)
        lines.push(`      stops compiling: ${change.stopsCompiling.map(terminalText).join(", ")}`);
      const usedBy = usedByText(change, terminalText);
      if (usedBy !== undefined) lines.push(`      used by: ${usedBy}`);
    }
  }
  lines.push("", summaryLine(report));
  return `${lines.join("\n")}\n`;
}

const MAX_CELL = 300;

/**
 * Text as the content of a Markdown table cell that renders as that text: HTML and `&` as character
 * references, `|` as `&#124;` (a literal pipe would end the cell), the punctuation that Markdown
 * reads as inline syntax (emphasis, code, links, strikethrough) backslash-escaped, and line breaks as `<br>` (a cell is one line). Long text is cut
 * with an ellipsis.
 */
export function markdownCell(text: string): string {
  const cut = [...text];
  const short = cut.length > MAX_CELL ? `${cut.slice(0, MAX_CELL - 1).join("")}…` : text;
  return short
    .trim()
    .replace(/[\\`*_[\]~]/g, (char) => `\\${char}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "&#124;")
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, "<br>");
}

/** A TypeScript spelling as code in a cell (`<code>`, since a code span would show references raw). */
function codeCell(text: string | null): string {
  return text === null || text === "" ? "" : `<code>${markdownCell(text)}</code>`;
}

/** Whether a change's before/after are doc text rather than TypeScript. */
const PROSE = new Set(["description-changed", "example-changed", "default-changed"]);

function markdownTable(group: readonly Change[]): string[] {
  const first = group[0] as Change;
  const lines = [
    `#### <code>${markdownCell(first.declaration)}</code> (${markdownCell(first.file)})`,
    "",
    "| Change | Path | Before | After | Breaks |",
    "| --- | --- | --- | --- | --- |",
  ];
  const sorted = [...group.filter(breaking), ...group.filter((change) => !breaking(change))];
  for (const change of sorted) {
    const cell = PROSE.has(change.kind) ? (t: string | null) => markdownCell(t ?? "") : codeCell;
    const usedBy = usedByText(change, (text) => `<code>${markdownCell(text)}</code>`);
    const note = [
      change.note === undefined ? "" : ` (${markdownCell(change.note)})`,
      change.stopsCompiling === undefined
        ? ""
        : `<br>stops compiling: ${change.stopsCompiling.map(codeCell).join(", ")}`,
      usedBy === undefined ? "" : `<br>used by ${usedBy}`,
    ].join("");
    lines.push(
      `| ${markdownCell(change.kind)} | ${codeCell(change.path)} | ${cell(change.before)} | ${cell(change.after)} | ${breaking(change) ? `**${breaksText(change)}**` : "no"}${note} |`,
    );
  }
  lines.push("");
  return lines;
}

function formatMarkdown(report: DiffReport): string {
  const groups = byDeclaration(report.changes);
  const breakingGroups = groups.filter((group) => group.some(breaking));
  const others = groups.filter((group) => !group.some(breaking));
  const lines = [
    `### docs2ts diff: <code>${markdownCell(report.base)}</code> → <code>${markdownCell(report.head)}</code>`,
    "",
    ...(report.warning !== undefined ? [`**Warning:** ${markdownCell(report.warning)}`, ""] : []),
    summaryLine(report),
    "",
  ];
  if (breakingGroups.length > 0) {
    lines.push(`Breaking changes in ${plural(breakingGroups.length, "declaration")}:`, "");
    for (const group of breakingGroups) lines.push(...markdownTable(group));
  }
  if (others.length > 0) {
    lines.push(
      "<details>",
      `<summary>${plural(others.length, "declaration")} with no breaking change</summary>`,
      "",
    );
    for (const group of others) lines.push(...markdownTable(group));
    lines.push("</details>", "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** The report in one of the formats, ending in a line break. */
export function formatReport(report: DiffReport, format: DiffFormat): string {
  if (format === "json") return `${JSON.stringify(report, null, 2)}\n`;
  return format === "markdown" ? formatMarkdown(report) : formatText(report);
}
