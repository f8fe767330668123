/**
 * Finds and reads the Markdown pages under the input root. Nothing outside the root's real path is ever
 * read: symlinks are followed only when their real path stays inside it (a symlinked root is fine; its
 * own links must stay inside its real path).
 */
import * as nodeFs from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { PAGE_EXTENSION } from "../core/decl-ref.js";

/** A page as read from disk: its path relative to the root (`/`-separated) and its text. */
export interface SourcePage {
  file: string;
  text: string;
}

/** A directory entry: what `readdir(dir, { withFileTypes: true })` gives, reduced to what is used. */
export interface DirEntry {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

/**
 * The file-system calls the page reader makes, injectable so tests can spy on every path touched or
 * return directory entries in any order.
 */
export interface PageFileSystem {
  readdir(dir: string): Promise<DirEntry[]>;
  readFile(path: string): Promise<string>;
  realpath(path: string): Promise<string>;
  stat(path: string): Promise<{ isFile(): boolean; isDirectory(): boolean }>;
}

/**
 * The real file system. Synchronous calls behind the async interface: a docs folder is hundreds of
 * small files, and a thread-pool round trip per file left the main thread idle most of the read. Real
 * paths come from the system's `realpath` (one call), not node's JavaScript walk, which stats every
 * component of every page's path (a sixth of an unchanged run's time on 800 pages).
 */
export const nodePageFileSystem: PageFileSystem = {
  readdir: async (dir) => nodeFs.readdirSync(dir, { withFileTypes: true }),
  readFile: async (path) => nodeFs.readFileSync(path, "utf8"),
  realpath: async (path) => nodeFs.realpathSync.native(path),
  stat: async (path) => nodeFs.statSync(path),
};

/**
 * A read-only file system of page texts in memory, rooted at `root` (an absolute path that need not
 * exist): `files` maps `/`-separated paths relative to the root to their text. The pipeline reads a
 * version of the docs from git through it, with no checkout. Paths outside the root do not exist.
 */
export function memoryPageFileSystem(
  root: string,
  files: ReadonlyMap<string, string>,
): PageFileSystem {
  const folders = new Map<string, Set<string>>([["", new Set()]]);
  for (const file of files.keys()) {
    const parts = file.split("/");
    for (let i = 0; i < parts.length; i += 1) {
      const folder = parts.slice(0, i).join("/");
      let entries = folders.get(folder);
      if (!entries) folders.set(folder, (entries = new Set()));
      entries.add(parts[i] as string);
    }
  }
  const missing = (path: string) =>
    Object.assign(new Error(`ENOENT: no such file or directory, '${path}'`), {
      code: "ENOENT",
      path,
    });
  /** The path relative to the root, or undefined when it lies outside. */
  const base = resolve(root);
  const inside = (path: string): string | undefined =>
    isInside(base, resolve(path)) ? relative(base, resolve(path)).split(sep).join("/") : undefined;
  const kind = (path: string) => {
    const rel = inside(path);
    if (rel !== undefined && folders.has(rel)) return "folder";
    if (rel !== undefined && files.has(rel)) return "file";
    throw missing(path);
  };
  return {
    readdir: async (dir) => {
      if (kind(dir) !== "folder") throw missing(dir);
      const prefix = inside(dir) as string;
      return [...(folders.get(prefix) as Set<string>)].map((name) => {
        const isDirectory = folders.has(prefix === "" ? name : `${prefix}/${name}`);
        return {
          name,
          isFile: () => !isDirectory,
          isDirectory: () => isDirectory,
          isSymbolicLink: () => false,
        };
      });
    },
    readFile: async (path) => {
      if (kind(path) !== "file") throw missing(path);
      return files.get(inside(path) as string) as string;
    },
    realpath: async (path) => {
      kind(path);
      return resolve(path);
    },
    stat: async (path) => {
      const isDirectory = kind(path) === "folder";
      return { isFile: () => !isDirectory, isDirectory: () => isDirectory };
    },
  };
}

/** What a scan of the root found. */
export interface PageListing {
  /** Pages (`.md`, `.mdx`, `.markdown`) inside the root, relative `/`-separated paths in code-point order. */
  files: string[];
  /** Symlinks (relative paths) whose real path lies outside the root: never followed, never read. */
  outside: string[];
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** True when `real` is `rootReal` or lies below it. */
export function isInside(rootReal: string, real: string): boolean {
  const rel = relative(rootReal, real);
  return (
    rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !/^[a-z]:|^[\\/]/i.test(rel))
  );
}

/** True when the walk from the root reaches `real` by its own path (no dot-folder or node_modules on it). */
function walkedFromRoot(rootReal: string, real: string): boolean {
  const rel = relative(rootReal, real);
  return (
    rel !== "" && rel.split(sep).every((part) => !part.startsWith(".") && part !== "node_modules")
  );
}

/**
 * Lists the pages (`.md`, `.mdx`, `.markdown`) below `root`, skipping `node_modules` and dot-folders, in code-point order of their
 * relative paths (independent of the order the file system returns). Symlinks pointing outside the
 * root's real path are listed in `outside` instead; symlink cycles are walked once.
 */
export async function scanPages(
  root: string,
  fs: PageFileSystem = nodePageFileSystem,
): Promise<PageListing> {
  const rootReal = await fs.realpath(root);
  const files: string[] = [];
  const outside: string[] = [];
  // Real paths of folders walked: a symlink to a folder already seen (a cycle, an alias) adds nothing.
  const visited = new Set<string>();
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const dirReal = await fs.realpath(dir);
    if (visited.has(dirReal)) return;
    visited.add(dirReal);
    // Sorted, so which of two aliases of one folder is walked never depends on the listing order.
    const entries = (await fs.readdir(dir)).sort((a, b) => byCodePoint(a.name, b.name));
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const rel = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
      const full = join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let real: string;
        try {
          real = await fs.realpath(full);
        } catch {
          continue; // A dangling link is no page.
        }
        if (!isInside(rootReal, real)) {
          outside.push(rel);
          continue;
        }
        // A link to a page or folder the walk reaches under its own path is not read a second time
        // under the link's (a link `a` to the sibling `b` would otherwise stand in for `b`).
        if (walkedFromRoot(rootReal, real)) continue;
        const stats = await fs.stat(real);
        isDirectory = stats.isDirectory();
        isFile = stats.isFile();
      }
      if (isDirectory) await walk(full, rel);
      else if (isFile && PAGE_EXTENSION.test(entry.name)) files.push(rel);
    }
  };
  await walk(rootReal, "");
  return { files: files.sort(byCodePoint), outside: outside.sort(byCodePoint) };
}

/** Lists the pages below `root` (see `scanPages`), in code-point order of their relative paths. */
export async function listPages(
  root: string,
  fs: PageFileSystem = nodePageFileSystem,
): Promise<string[]> {
  return (await scanPages(root, fs)).files;
}

/**
 * Reads the pages (as UTF-8) in the order given. Each file's real path is checked against the root's
 * first, so a file swapped for an outward symlink after the listing is refused, not read.
 */
export async function readPages(
  root: string,
  files: readonly string[],
  fs: PageFileSystem = nodePageFileSystem,
): Promise<SourcePage[]> {
  const rootReal = await fs.realpath(root);
  return Promise.all(
    files.map(async (file) => {
      const real = await fs.realpath(join(rootReal, file));
      if (!isInside(rootReal, real))
        throw Object.assign(new Error(`refusing to read ${file}: it resolves outside ${root}`), {
          code: "EOUTSIDEROOT",
        });
      return { file, text: await fs.readFile(real) };
    }),
  );
}

/** What is at a path the user named as a folder. */
export type FolderState = "folder" | "missing" | "file" | "unreadable";

/** Whether `path` is a folder docs2ts can read, or what it is instead (never throws). */
export function inspectFolder(path: string): FolderState {
  let stats: nodeFs.Stats;
  try {
    stats = nodeFs.statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ENOTDIR" ? "missing" : "unreadable";
  }
  if (!stats.isDirectory()) return "file";
  try {
    nodeFs.readdirSync(path);
    return "folder";
  } catch {
    return "unreadable";
  }
}

/** A folder holding Markdown pages somewhere below it, and how many. */
export interface MarkdownFolder {
  /** The folder's path: `parent` as given, joined with the folder's name. */
  folder: string;
  pages: number;
}

/**
 * The folder directly inside `parent` with the most pages below it (ties: the first in code-point
 * order), skipping dot-folders, `node_modules` and the folders in `skip` (real paths); undefined when
 * none holds a page. Pages directly in `parent` do not count: they are usually the project's README.
 */
export async function findMarkdownFolder(
  parent: string,
  skip: readonly string[] = [],
  fs: PageFileSystem = nodePageFileSystem,
): Promise<MarkdownFolder | undefined> {
  let entries: DirEntry[];
  try {
    entries = (await fs.readdir(parent)).sort((a, b) => byCodePoint(a.name, b.name));
  } catch {
    return undefined;
  }
  const skipped = new Set(skip);
  let best: MarkdownFolder | undefined;
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const folder = join(parent, entry.name);
    try {
      if (!(await fs.stat(folder)).isDirectory() || skipped.has(await fs.realpath(folder)))
        continue;
      const pages = (await scanPages(folder, fs)).files.length;
      if (pages > (best?.pages ?? 0)) best = { folder, pages };
    } catch {
      continue; // An unreadable folder is no hint.
    }
  }
  return best;
}
