/**
 * Replaces the output folder as a unit. The complete new tree (generated files plus copies of the
 * user's own files) is written to a sibling staging folder, then swapped in with two renames:
 *
 *   out -> .<name>.docs2ts-old-<pid>,  .<name>.docs2ts-staging-<pid> -> out,  remove the old folder
 *
 * A process killed at any moment leaves `out` holding the old tree or the new one, except between the
 * two renames, when `out` is missing and both leftovers exist; `recoverOutput` (run first by the next
 * write) completes that swap, and removes every other leftover of a killed run.
 *
 * Kept rather than write-file-atomic (measured with 7.0.1): it makes one file atomic (temp file, fsync,
 * rename), not a folder, so the swap, the recovery of a killed run and the hard links of unchanged files
 * stay here all the same; inside the staging folder, which no reader sees until the rename, per-file
 * atomicity buys nothing and cost 2.0-7.1 s for 500 generated files against 91-97 ms for
 * `writeFileSync` (0.5-3.4 s with its fsync off); it would bypass `SwapFileSystem` (the tests' failing
 * calls), and its engines (^20.17.0) are narrower than docs2ts's (>=20.10).
 */
import * as nodeFs from "node:fs";
import type { DirEntry } from "../parse/files.js";
import { basename, dirname, join } from "node:path";

/** The file-system calls the swap makes, injectable so tests can fail any of them. */
export interface SwapFileSystem {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  // Uint8Array, not Buffer: the published declarations must compile without @types/node.
  writeFile(path: string, content: string | Uint8Array): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
  readdir(path: string): Promise<DirEntry[]>;
  readlink(path: string): Promise<string>;
  symlink(target: string, path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { recursive: true; force: true }): Promise<void>;
  stat(path: string): Promise<{ mode: number }>;
  chmod(path: string, mode: number): Promise<void>;
  /** A hard link; when missing or failing, the file is written instead. */
  link?(existing: string, path: string): Promise<void>;
}

/**
 * The real file system. Synchronous calls behind the async interface: the output is hundreds of small
 * files, and a thread-pool round trip per file left the main thread idle most of the write.
 */
export const nodeSwapFileSystem: SwapFileSystem = {
  mkdir: async (path, options) => nodeFs.mkdirSync(path, options),
  writeFile: async (path, content) => nodeFs.writeFileSync(path, content),
  readFile: async (path) => nodeFs.readFileSync(path),
  readdir: async (path) => nodeFs.readdirSync(path, { withFileTypes: true }),
  readlink: async (path) => nodeFs.readlinkSync(path),
  symlink: async (target, path) => nodeFs.symlinkSync(target, path),
  rename: async (from, to) => nodeFs.renameSync(from, to),
  rm: async (path, options) => nodeFs.rmSync(path, options),
  stat: async (path) => nodeFs.statSync(path),
  chmod: async (path, mode) => nodeFs.chmodSync(path, mode),
  link: async (existing, path) => nodeFs.linkSync(existing, path),
};

/** A Node file-system error, declared here so the public declarations need no @types/node. */
type FileError = Error & { code?: string | undefined; path?: string | undefined };

/** A failure to write the output folder; the old output is left as it was. */
export class OutputWriteError extends Error {
  /** A stable code, so the CLI reports it as a run failure (exit 1), not a usage error. */
  readonly code = "EOUTPUTWRITE";

  constructor(
    readonly out: string,
    reason: FileError,
  ) {
    super(
      `cannot write the output folder ${out}: ${describe(reason)} (the previous output was left unchanged)`,
      { cause: reason },
    );
  }
}

function describe(error: FileError): string {
  switch (error.code) {
    case "ENOSPC":
      return "the disk is full";
    case "EROFS":
      return "the file system is read-only";
    case "EACCES":
    case "EPERM":
      return `permission denied (${error.path ?? "?"})`;
    case "ENOTDIR":
      return `a parent of the output folder is a file, not a folder (${error.path ?? "?"})`;
    default:
      return error.message;
  }
}

/** The sibling folder names of a run of process `pid`. */
export function swapPaths(out: string, pid: number = process.pid) {
  const parent = dirname(out);
  const name = basename(out);
  return {
    staging: join(parent, `.${name}.docs2ts-staging-${pid}`),
    old: join(parent, `.${name}.docs2ts-old-${pid}`),
  };
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

async function exists(fs: SwapFileSystem, path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch (error) {
    if (isMissing(error) || (error as NodeJS.ErrnoException).code === "ENOTDIR") return false;
    throw error;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Finishes or undoes what a killed run left behind, before anything else touches `out`: a missing `out`
 * with a leftover staging and old folder is a swap cut between its renames (staging is complete, so it
 * becomes `out`); a lone old folder goes back to `out`; every other leftover is removed. Leftovers of a
 * run that is still alive are left alone.
 */
export async function recoverOutput(
  out: string,
  fs: SwapFileSystem = nodeSwapFileSystem,
): Promise<void> {
  const parent = dirname(out);
  const name = basename(out);
  let entries: DirEntry[];
  try {
    entries = await fs.readdir(parent);
  } catch (error) {
    if (isMissing(error) || (error as NodeJS.ErrnoException).code === "ENOTDIR") return;
    throw error;
  }
  const pattern = new RegExp(
    `^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.docs2ts-(staging|old)-(\\d+)$`,
  );
  const leftovers = new Map<number, { staging?: string; old?: string }>();
  for (const entry of entries) {
    const match = pattern.exec(entry.name);
    if (!match) continue;
    const pid = Number(match[2]);
    if (isAlive(pid)) continue;
    const found = leftovers.get(pid) ?? {};
    found[match[1] as "staging" | "old"] = join(parent, entry.name);
    leftovers.set(pid, found);
  }
  for (const [, { staging, old }] of [...leftovers].sort(([a], [b]) => a - b)) {
    if (!(await exists(fs, out))) {
      if (staging !== undefined && old !== undefined) await fs.rename(staging, out);
      else if (old !== undefined) await fs.rename(old, out);
    }
    for (const path of [staging, old])
      if (path !== undefined) await fs.rm(path, { recursive: true, force: true });
  }
}

/** Hard-links `existing` to `path`; false (and nothing done) where links are unavailable. */
async function linked(fs: SwapFileSystem, existing: string, path: string): Promise<boolean> {
  if (fs.link === undefined) return false;
  try {
    await fs.link(existing, path);
    return true;
  } catch {
    return false;
  }
}

/** Copies `from` (a file, folder or symlink) to `to`, keeping file modes and link targets. */
async function copyEntry(fs: SwapFileSystem, from: string, to: string, entry: DirEntry) {
  if (entry.isSymbolicLink()) await fs.symlink(await fs.readlink(from), to);
  else if (entry.isDirectory()) {
    await fs.mkdir(to, { recursive: true });
    for (const child of await fs.readdir(from))
      await copyEntry(fs, join(from, child.name), join(to, child.name), child);
  } else if (entry.isFile()) {
    await fs.writeFile(to, await fs.readFile(from));
    await fs.chmod(to, (await fs.stat(from)).mode & 0o7777);
  }
}

/**
 * Writes `files` (paths relative to `out`) as the new content of `out`, keeping every file of the old
 * folder whose relative path is not in `generatedPaths` (the user's own files) and dropping the rest.
 * Throws `OutputWriteError` when the new tree cannot be written; `out` is then untouched.
 */
export async function swapOutput(
  out: string,
  files: ReadonlyArray<{ path: string; content: string }>,
  generatedPaths: ReadonlySet<string>,
  fs: SwapFileSystem = nodeSwapFileSystem,
  unchanged: ReadonlySet<string> = new Set(),
): Promise<void> {
  const { staging, old } = swapPaths(out);
  const hadOut = await exists(fs, out);
  try {
    await fs.rm(staging, { recursive: true, force: true });
    await fs.mkdir(staging, { recursive: true });
    if (hadOut) await copyUserFiles(fs, out, staging, "", generatedPaths);
    for (const file of files) {
      const target = join(staging, file.path);
      await fs.mkdir(dirname(target), { recursive: true });
      // An unchanged file keeps its inode and modification time (watchers and incremental builds see
      // no change): the new tree links to it instead of writing a copy.
      if (unchanged.has(file.path) && (await linked(fs, join(out, file.path), target))) continue;
      await fs.writeFile(target, file.content);
    }
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw new OutputWriteError(out, error as NodeJS.ErrnoException);
  }
  try {
    if (hadOut) await fs.rename(out, old);
    await fs.rename(staging, out);
  } catch (error) {
    // Put the old tree back if the second rename failed, so `out` never stays missing.
    if (hadOut && !(await exists(fs, out))) await fs.rename(old, out).catch(() => undefined);
    await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw new OutputWriteError(out, error as NodeJS.ErrnoException);
  }
  if (hadOut) await fs.rm(old, { recursive: true, force: true });
}

async function copyUserFiles(
  fs: SwapFileSystem,
  from: string,
  to: string,
  prefix: string,
  generatedPaths: ReadonlySet<string>,
): Promise<number> {
  const entries = await fs.readdir(from);
  let kept = 0;
  for (const entry of entries) {
    const rel = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) {
      const dir = join(to, entry.name);
      await fs.mkdir(dir, { recursive: true });
      const inner = await copyUserFiles(fs, join(from, entry.name), dir, rel, generatedPaths);
      // A folder that held only generated files goes with them (new files recreate it if needed).
      if (inner === 0 && (await fs.readdir(join(from, entry.name))).length > 0)
        await fs.rm(dir, { recursive: true, force: true });
      else kept += 1;
    } else if (!generatedPaths.has(rel)) {
      await copyEntry(fs, join(from, entry.name), join(to, entry.name), entry);
      kept += 1;
    }
  }
  return kept;
}
