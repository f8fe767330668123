/**
 * Watching docs folders for `generate --watch`: one `fs.watch` per folder of the tree (never on a
 * page's file), changes debounced into batches, and one batch handled at a time (changes that arrive
 * during a run are kept for the next one). Prints nothing: the CLI decides what a batch means and what
 * to say about it.
 *
 * Why folders: editors and tools save by writing a new file and renaming it over the page (vim,
 * JetBrains' safe write, `sed -i`, `git checkout`). A watch on the page's file follows the old file,
 * which is gone, so later saves go unseen; Node 20's recursive `fs.watch` on Linux watches files so.
 * A folder's watch sees every name created, renamed, changed or deleted in it, so the page is seen
 * under its name whatever file holds it. A folder created later (a new page in a new folder, a branch
 * switch) is watched as soon as its parent reports it, and the pages already in it count as changes.
 */
import { readdirSync, statSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, join } from "node:path";
import { PAGE_EXTENSION } from "../core/decl-ref.js";

/** A changed path: the watched folder and the path below it (`/`-separated; "" when unknown). */
export interface WatchChange {
  folder: string;
  file: string;
}

/** What to watch and what to do with each batch of changes. */
export interface WatchOptions {
  /** The folders to watch, with every folder below them. */
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

/** Folders `listPages` skips: dot-folders and node_modules. */
function isSkippedName(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}

/**
 * True for changes that can alter the output: Markdown pages, and folders (a renamed or deleted folder
 * takes its pages with it). Dot-folders and node_modules are skipped as `listPages` skips them, and
 * other files are ignored, so an output folder inside the docs folder does not retrigger a run.
 */
export function isRelevantChange(file: string): boolean {
  if (file === "") return true;
  const parts = file.split("/");
  if (parts.some(isSkippedName)) return false;
  const name = parts.at(-1) ?? "";
  return PAGE_EXTENSION.test(name) || !name.includes(".");
}

/** The identity of a folder on disk, or undefined when `path` is not a folder (any more). */
function folderIdentity(path: string): string | undefined {
  try {
    const stat = statSync(path);
    return stat.isDirectory() ? `${stat.dev}:${stat.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/** One watched folder of the tree. */
interface FolderWatch {
  watcher: FSWatcher;
  /** Device and inode: a folder deleted and created again under its name is another folder. */
  identity: string;
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
  const record = (folder: string, file: string) => {
    if (closed || !isRelevantChange(file)) return;
    pending.set(`${folder}\0${file}`, { folder, file });
    if (!running) schedule();
  };

  /** Watched folders by path (the root's and every folder below, `/`-separated relative paths). */
  const watched = new Map<string, FolderWatch>();
  const key = (root: string, relative: string) => `${root}\0${relative}`;

  /** Stops watching `relative` and every folder below it. */
  const unwatch = (root: string, relative: string) => {
    const prefix = key(root, relative === "" ? "" : `${relative}/`);
    for (const [path, entry] of watched)
      if (path === key(root, relative) || (relative !== "" && path.startsWith(prefix))) {
        entry.watcher.close();
        watched.delete(path);
      }
  };

  /**
   * Watches the folder `relative` below `root` and the folders in it. `fresh`: the folder appeared
   * after watching began, so the pages already in it are changes (they may have been written before
   * its watch existed).
   */
  const watchFolder = (root: string, relative: string, fresh: boolean): void => {
    const path = relative === "" ? root : join(root, relative);
    const identity = folderIdentity(path);
    const known = watched.get(key(root, relative));
    if (known !== undefined && known.identity === identity) return;
    unwatch(root, relative);
    if (identity === undefined) {
      if (relative === "") watch(path); // throws the reason (ENOENT, ENOTDIR) for the root
      return;
    }
    let watcher: FSWatcher;
    try {
      watcher = watch(path, (_event, filename) => onEvent(root, relative, filename));
    } catch (error) {
      if (relative === "") throw error;
      return; // gone again before it could be watched: its parent reports that
    }
    watcher.on("error", (error) => {
      // A folder below the root that disappears ends its own watch; only the root's failure matters.
      if (relative === "") options.onError(error);
      unwatch(root, relative);
    });
    watched.set(key(root, relative), { watcher, identity });
    let entries;
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (isSkippedName(entry.name)) continue;
      const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) watchFolder(root, child, fresh);
      else if (fresh) record(root, child);
    }
  };

  const onEvent = (root: string, relative: string, filename: string | Buffer | null) => {
    if (closed) return;
    const name = (filename ?? "").toString();
    if (name === "") {
      record(root, relative);
      return;
    }
    const file = relative === "" ? name : `${relative}/${name}`;
    if (file.split("/").some(isSkippedName)) return;
    record(root, file);
    // A folder created, renamed in or replaced is watched (with the pages it brings); one deleted or
    // renamed away stops being watched.
    if (folderIdentity(join(root, file)) !== undefined) watchFolder(root, file, true);
    else unwatch(root, file);
  };

  try {
    for (const folder of options.folders) watchFolder(folder, "", false);
  } catch (error) {
    for (const entry of watched.values()) entry.watcher.close();
    throw error;
  }

  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const entry of watched.values()) entry.watcher.close();
      watched.clear();
    },
  };
}

/**
 * Watches one file (a config file) through its folder, for the same reason pages are watched so:
 * editors save by renaming a new file over it. Calls `onChange` once per burst of changes.
 */
export function watchFile(path: string, onChange: () => void, debounceMs = 100): Watching {
  const name = basename(path);
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(dirname(path), (_event, filename) => {
    if (filename !== null && filename.toString() !== name) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  return {
    close() {
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
