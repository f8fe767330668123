/**
 * Reads a version of the docs folder straight from git objects: `rev-parse` names the commit,
 * `ls-tree` lists the folder's files in it and `cat-file --batch` reads them. Nothing is checked out
 * and nothing is written into the repository. Every argument goes to git as a list (no shell), the
 * revision after `--end-of-options`, and a revision that starts with `-` is refused before that.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { PAGE_EXTENSION } from "../core/decl-ref.js";

/** Why a revision cannot be read: printed as a usage error (exit 2). */
export class GitError extends Error {}

/** Pathspecs are paths, never patterns: a docs folder named `docs[1]` is that folder. */
const GIT_ENV = { ...process.env, GIT_LITERAL_PATHSPECS: "1" };

/** Runs git with `args` in `cwd` and returns its standard output. */
function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((done, fail) => {
    execFile(
      "git",
      args,
      { cwd, env: GIT_ENV, maxBuffer: 256 * 1024 * 1024, encoding: "utf8" },
      (error, stdout, stderr) => {
        if (error) fail(Object.assign(error, { stderr: String(stderr).trim() }));
        else done(stdout);
      },
    );
  });
}

/** The nearest folder at or above `path` that exists (the input folder may exist only in the past). */
function existingAncestor(path: string): string {
  let folder = resolve(path);
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

/** The repository the input folder is in, and the folder's path inside it (`/`-separated). */
export interface RepositoryFolder {
  /** The work tree's top folder (real path). */
  top: string;
  /** The input folder relative to `top`, `/`-separated; "" for the top itself. */
  prefix: string;
}

/** Finds the repository that holds `input`; a GitError when it is in none. */
export async function repositoryOf(input: string): Promise<RepositoryFolder> {
  const start = existingAncestor(input);
  let top: string;
  try {
    top = realpathSync((await git(start, ["rev-parse", "--show-toplevel"])).trim());
  } catch {
    throw new GitError(
      `cannot read a git revision: the docs folder ${input} is not in a git repository`,
    );
  }
  const real = resolve(realpathSync(start), relative(start, resolve(input)));
  const prefix = relative(top, real).split(sep).join("/");
  if (prefix === ".." || prefix.startsWith("../"))
    throw new GitError(`cannot read a git revision: ${input} lies outside the repository ${top}`);
  return { top, prefix };
}

/** The commit a revision names, as a full object id; a GitError when it names none. */
export async function resolveCommit(top: string, revision: string): Promise<string> {
  if (revision === "" || revision.startsWith("-"))
    throw new GitError(
      `cannot use "${revision}" as a git revision: a revision cannot be empty or start with "-"`,
    );
  try {
    const out = await git(top, [
      "rev-parse",
      "--verify",
      "--quiet",
      "--end-of-options",
      `${revision}^{commit}`,
    ]);
    const id = out.trim();
    if (!/^[0-9a-f]{40,64}$/.test(id)) throw new Error(out);
    return id;
  } catch {
    throw new GitError(
      `cannot read "${revision}": it is neither a folder nor a commit of the repository ${top}`,
    );
  }
}

/** One `ls-tree -z` entry: mode, type, object id and path. */
interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  path: string;
}

function parseTree(text: string): TreeEntry[] {
  return text
    .split("\0")
    .filter((line) => line !== "")
    .map((line) => {
      const tab = line.indexOf("\t");
      const [mode, type, object] = line.slice(0, tab).split(" ") as [string, string, string];
      return { mode, type, object, path: line.slice(tab + 1) };
    });
}

/** Reads blobs by object id with one `git cat-file --batch`, in the order given. */
function readBlobs(top: string, objects: readonly string[]): Promise<string[]> {
  return new Promise((done, fail) => {
    const child = spawn("git", ["cat-file", "--batch"], {
      cwd: top,
      env: GIT_ENV,
      stdio: "pipe",
    });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", fail);
    child.on("close", (code) => {
      if (code !== 0) return fail(new GitError(`git cat-file exited with ${code}`));
      const out = Buffer.concat(chunks);
      const texts: string[] = [];
      let at = 0;
      for (const object of objects) {
        const newline = out.indexOf(10, at);
        const header = out.subarray(at, newline).toString("latin1").split(" ");
        if (header[0] !== object || header[1] !== "blob")
          return fail(new GitError(`git cat-file gave no blob for ${object}`));
        const size = Number(header[2]);
        texts.push(out.subarray(newline + 1, newline + 1 + size).toString("utf8"));
        at = newline + 1 + size + 1;
      }
      done(texts);
    });
    child.stdin.end(objects.map((object) => `${object}\n`).join(""));
  });
}

/**
 * The Markdown files of the input folder at `commit`: paths relative to the folder -> text. Files
 * only (symbolic links in the tree are not followed); `scanPages` filters them as it does on disk.
 */
export async function readFolderAt(
  folder: RepositoryFolder,
  commit: string,
): Promise<Map<string, string>> {
  const args = ["ls-tree", "-r", "-z", "--full-tree", commit];
  if (folder.prefix !== "") args.push("--", folder.prefix);
  const under = folder.prefix === "" ? "" : `${folder.prefix}/`;
  const entries = parseTree(await git(folder.top, args)).filter(
    (entry) =>
      entry.path.startsWith(under) &&
      entry.type === "blob" &&
      entry.mode !== "120000" &&
      PAGE_EXTENSION.test(entry.path),
  );
  const start = folder.prefix === "" ? 0 : folder.prefix.length + 1;
  const texts = await readBlobs(
    folder.top,
    entries.map((entry) => entry.object),
  );
  return new Map(entries.map((entry, index) => [entry.path.slice(start), texts[index] as string]));
}
