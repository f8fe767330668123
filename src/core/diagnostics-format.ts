/**
 * Ordering and printing of diagnostics (the text reporter's format:
 * `path:line:column: severity message [rule-id]`).
 */
import type { Diagnostic } from "./diagnostics.js";

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** File, line, column, severity, rule id, message, end: a total, locale-independent order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const keyA = [
    a.file,
    a.line,
    a.column,
    SEVERITY_ORDER[a.severity],
    a.ruleId,
    a.message,
    a.endLine,
    a.endColumn,
  ] as const;
  const keyB = [
    b.file,
    b.line,
    b.column,
    SEVERITY_ORDER[b.severity],
    b.ruleId,
    b.message,
    b.endLine,
    b.endColumn,
  ] as const;
  for (let i = 0; i < keyA.length; i += 1) {
    if (keyA[i] !== keyB[i])
      return (keyA[i] as string | number) < (keyB[i] as string | number) ? -1 : 1;
  }
  return 0;
}

/**
 * One diagnostic as a line; `prefix` is prepended to the file (the input folder as the user gave it).
 * A diagnostic about the folder itself (file "": `no-pages`, `no-models`) names the folder alone.
 */
export function formatDiagnostic(diagnostic: Diagnostic, prefix = ""): string {
  const place =
    diagnostic.keyPath !== undefined
      ? configPlace(diagnostic, diagnostic.keyPath)
      : diagnostic.file === ""
        ? prefix || "./"
        : `${prefix}${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`;
  return `${place}: ${diagnostic.severity} ${diagnostic.message} [${diagnostic.ruleId}]`;
}

/**
 * Where a config finding is: `docs2ts.config.json:4:7` when the line is known, else the file and the
 * key (`docs2ts.config.mjs: overrides["pet.md"].name`), or the key alone for options passed in code.
 */
function configPlace(diagnostic: Diagnostic, keyPath: string): string {
  if (diagnostic.line > 0) return `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`;
  return diagnostic.file === "" ? keyPath : `${diagnostic.file}: ${keyPath}`;
}
