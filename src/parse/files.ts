/**
 * Finds and reads the Markdown pages under the input root.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** A page as read from disk: its path relative to the root (`/`-separated) and its text. */
export interface SourcePage {
  file: string;
  text: string;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Lists `.md` files below `root`, skipping `node_modules` and dot-folders, in code-point order of their
 * relative paths (independent of the order the file system returns).
 */
export async function listPages(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const relative = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) await walk(join(dir, entry.name), relative);
      else if (entry.isFile() && /\.md$/i.test(entry.name)) found.push(relative);
    }
  };
  await walk(root, "");
  return found.sort(byCodePoint);
}

/** Reads the pages (as UTF-8) in the order given. */
export async function readPages(root: string, files: readonly string[]): Promise<SourcePage[]> {
  return Promise.all(
    files.map(async (file) => ({ file, text: await readFile(join(root, file), "utf8") })),
  );
}
