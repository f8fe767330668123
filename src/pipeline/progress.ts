/**
 * Progress for long runs: `generate` reports pages parsed and modules emitted through an optional
 * callback, and the CLI shows them on one rewritten line of a terminal. Nothing is shown when the stream
 * is not a TTY (piped, redirected) or in CI, so logs stay clean.
 */

/** One step of a run: `done` of `total` pages parsed, or modules emitted and formatted. */
export interface ProgressEvent {
  stage: "parse" | "emit";
  done: number;
  total: number;
}

/** Optional hooks for `generate`, `writeOutput` and `check`. */
export interface GenerateHooks {
  /** Called after each page is read (cached or parsed) and each module is emitted (cached or not). */
  onProgress?: (event: ProgressEvent) => void;
}

/** The part of a writable stream the reporter needs (`process.stderr` fits). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** True when progress belongs on this stream: a terminal, not CI, not a dumb terminal. */
export function shouldShowProgress(
  stream: ProgressStream,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  const ci = env["CI"];
  if (ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false") return false;
  return stream.isTTY === true && env["TERM"] !== "dumb";
}

/** A progress line on a terminal. `clear()` erases it before other output is printed. */
export interface ProgressReporter {
  onProgress: (event: ProgressEvent) => void;
  clear: () => void;
}

const LABELS: Record<ProgressEvent["stage"], string> = {
  parse: "pages parsed",
  emit: "modules emitted",
};

/**
 * A reporter that rewrites one line on `stream`. Short runs never show it: the first line appears only
 * after `delayMs`, and redraws are limited to one per `intervalMs` (plus the last step of each stage),
 * so a fast run prints nothing and a slow one does not flood the terminal.
 */
export function createProgressReporter(
  stream: ProgressStream,
  { delayMs = 300, intervalMs = 80, now = () => performance.now() } = {},
): ProgressReporter {
  const started = now();
  let lastDraw = -Infinity;
  let shown = false;
  return {
    onProgress(event) {
      const time = now();
      if (time - started < delayMs) return;
      const last = event.done === event.total;
      if (!last && time - lastDraw < intervalMs) return;
      lastDraw = time;
      shown = true;
      const text = `docs2ts: ${event.done}/${event.total} ${LABELS[event.stage]}`;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      stream.write(`\r\x1b[2K${text.slice(0, width)}`);
    },
    clear() {
      if (shown) stream.write("\r\x1b[2K");
      shown = false;
    },
  };
}
