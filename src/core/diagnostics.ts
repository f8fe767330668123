/** Diagnostics: what every stage returns instead of printing or throwing. */

export type Severity = "error" | "warning" | "info";

/** One finding about the input, pointing at a page, line and column (1-based). */
export interface Diagnostic {
  /** The page, relative to the input folder; "" for a finding about the folder itself (`no-pages`). */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** A stable rule id, documented in the README (`unknown-type`, `unresolved-ref`, ...). */
  ruleId: string;
  /** "Unexpected X, expected Y". */
  message: string;
}

/** A diagnostic at a node's origin (its page, line and column). */
export function diagnosticAt(
  origin: { file: string; line: number; column: number },
  severity: Severity,
  ruleId: string,
  message: string,
): Diagnostic {
  return { file: origin.file, line: origin.line, column: origin.column, severity, ruleId, message };
}
