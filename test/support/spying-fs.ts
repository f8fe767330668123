/**
 * A page file system that records the real path of every folder it lists and file it reads, for the
 * containment tests: nothing outside the input folder may be touched.
 */
import { realpathSync } from "node:fs";
import { relative } from "node:path";
import { nodePageFileSystem, type PageFileSystem } from "../../src/parse/files.js";

/** The node file system, recording every path listed or read. */
export function spyingFs(): { fs: PageFileSystem; touched: string[] } {
  const touched: string[] = [];
  return {
    touched,
    fs: {
      readdir: (dir) => (touched.push(realpathSync(dir)), nodePageFileSystem.readdir(dir)),
      readFile: (path) => (touched.push(realpathSync(path)), nodePageFileSystem.readFile(path)),
      realpath: (path) => nodePageFileSystem.realpath(path),
      stat: (path) => nodePageFileSystem.stat(path),
    },
  };
}

/** The paths that lie outside `rootReal`. */
export const outsideOf = (rootReal: string, paths: string[]): string[] =>
  paths.filter((p) => relative(rootReal, p).startsWith(".."));
