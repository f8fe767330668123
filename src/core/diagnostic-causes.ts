/**
 * Diagnostics grouped by cause, for a text report a user can read: docs that repeat one mistake
 * (every link into a folder the docs do not have) give hundreds of warnings that say one thing. A cause
 * is a rule id, a severity and a message pattern (the message with its quoted names and numbers left
 * out), and each cause comes with the `rules` setting that acknowledges it.
 */
import type { Diagnostic } from "./diagnostics.js";

/** Diagnostics of one rule and severity whose messages differ only in the names they quote. */
export interface Cause {
  /** The message with each code span, quoted string and number replaced by `…`. */
  pattern: string;
  /** In the order given; at least one (their rule id and severity are the cause's). */
  diagnostics: [Diagnostic, ...Diagnostic[]];
}

/**
 * A message without what differs between two findings of one cause: code spans (`` `Pet` ``,
 * ``` `` a`b `` ```), double-quoted strings, file names (`Pet.md`, `models/pet.md`) and numbers
 * become `…`.
 */
export function messagePattern(message: string): string {
  return message
    .replace(/(`+)[\s\S]*?\1/g, "`…`")
    .replace(/"[^"\n]*"/g, '"…"')
    .replace(/[\w./-]*\w\.[A-Za-z]\w*/g, "…")
    .replace(/\d+(?:\.\d+)?/g, "…");
}

/** `diagnostics` by cause, each cause at the place of its first diagnostic. */
export function groupByCause(diagnostics: readonly Diagnostic[]): Cause[] {
  const causes = new Map<string, Cause>();
  for (const diagnostic of diagnostics) {
    const pattern = messagePattern(diagnostic.message);
    const key = `${diagnostic.severity}\u0000${diagnostic.ruleId}\u0000${pattern}`;
    const cause = causes.get(key);
    if (cause) cause.diagnostics.push(diagnostic);
    else causes.set(key, { pattern, diagnostics: [diagnostic] });
  }
  return [...causes.values()];
}

/** Pages listed one by one in a snippet; more than this and their common folder is named instead. */
const LISTED_PAGES = 3;

/** The folder all `files` are in (`models/legacy/`), "" when they share none. */
function commonFolder(files: readonly string[]): string {
  const folders = files.map((file) => file.split("/").slice(0, -1));
  const first = folders[0] ?? [];
  let depth = 0;
  while (depth < first.length && folders.every((folder) => folder[depth] === first[depth]))
    depth += 1;
  return first
    .slice(0, depth)
    .map((name) => `${name}/`)
    .join("");
}

/**
 * The `rules` entry that quiets a cause, as config text: the rule on the cause's pages (one page,
 * a few, or their common folder), else the rule everywhere (a cause over the whole folder, or about
 * the folder or the config rather than pages).
 */
export function quietingSnippet(cause: Cause): string {
  const onPages = cause.diagnostics.every((d) => d.file !== "" && d.keyPath === undefined);
  const files = [...new Set(cause.diagnostics.map((d) => d.file))];
  const folder = commonFolder(files);
  const pages = !onPages
    ? []
    : files.length <= LISTED_PAGES
      ? files
      : folder !== ""
        ? [`${folder}**`]
        : [];
  const setting =
    pages.length === 0
      ? '"off"'
      : `["off", { "pages": [${pages.map((p) => JSON.stringify(p)).join(", ")}] }]`;
  return `"rules": { ${JSON.stringify(cause.diagnostics[0].ruleId)}: ${setting} }`;
}
