/**
 * Watching docs folders for `generate --watch`: recursive `fs.watch` on each input folder, changes
 * debounced into batches, and one batch handled at a time (changes that arrive during a run are kept for
 * the next one). Prints nothing: the CLI decides what a batch means and what to say about it.
 */
import { watch, type FSWatcher } from "node:fs";

/** A changed path: the watched folder and the path below it (`/`-separated; "" when unknown). */
export interface WatchChange {
  folder: string;
  file: string;
}

/** What to watch and what to do with each batch of changes. */
export interface WatchOptions {
  /** The folders to watch, recursively. */
  folders: readonly string[];
  /** Quiet time before a batch is handled, in milliseconds (default 100): editors save in bursts. */
  debounceMs?: number;
  /** Handles one batch; never called again before the returned promise settles. */
  onChange: (changes: WatchChange[]) => Promise<void>;
  /** A watcher or handler failed; watching goes on. */
  onError: (error: unknown) => void;
}

/** A running watch. */
export interface Watching {
  /** Stops watching; a batch already running finishes. */
  close(): void;
}

/**
 * True for changes that can alter the output: Markdown pages, and folders (a renamed or deleted folder
 * takes its pages with it). Dot-folders and node_modules are skipped as `listPages` skips them, and
 * other files are ignored, so an output folder inside the docs folder does not retrigger a run.
 */
export function isRelevantChange(file: string): boolean {
  if (file === "") return true;
  const parts = file.split("/");
  if (parts.some((part) => part.startsWith(".") || part === "node_modules")) return false;
  const name = parts.at(-1) ?? "";
  return /\.md$/i.test(name) || !name.includes(".");
}

/** Starts watching. Throws if a folder cannot be watched (for example, it does not exist). */
export function watchFolders(options: WatchOptions): Watching {
  const debounceMs = options.debounceMs ?? 100;
  const pending = new Map<string, WatchChange>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let closed = false;

  const flush = async (): Promise<void> => {
    timer = undefined;
    if (running || closed || pending.size === 0) return;
    const batch = [...pending.values()];
    pending.clear();
    running = true;
    try {
      await options.onChange(batch);
    } catch (error) {
      options.onError(error);
    } finally {
      running = false;
    }
    // Changes that arrived during the run get their own batch.
    if (pending.size > 0 && !closed) schedule();
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), debounceMs);
  };

  const watchers: FSWatcher[] = options.folders.map((folder) => {
    const watcher = watch(folder, { recursive: true }, (_event, filename) => {
      const file = (filename ?? "").toString().replace(/\\/g, "/");
      if (!isRelevantChange(file)) return;
      pending.set(`${folder}\0${file}`, { folder, file });
      if (!running) schedule();
    });
    watcher.on("error", (error) => options.onError(error));
    return watcher;
  });

  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
