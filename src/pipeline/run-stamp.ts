/**
 * The run stamp: what the last successful run of a project read and wrote, so that a run whose inputs
 * are all unchanged is answered without the pipeline. Its key is a hash of everything a run reads: every
 * option (paths made absolute), where each override entry was written (its diagnostics point there),
 * the docs folder's real path, its listing and every page's text, node's version, and docs2ts's
 * fingerprint (its code, templates and dependencies' versions, which the stamp file is keyed by). Its value is the diagnostics, the stats and a hash of every
 * file written. A run is answered from the stamp only when the key is equal and the output folder
 * still holds exactly those files, byte for byte; anything else runs the pipeline, which writes a new
 * stamp. The stamps live in the cache folder beside the content cache, one per output folder.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Diagnostic } from "../core/diagnostics.js";
import type { ResolvedOptions } from "../core/options.js";
import { byCodePoint } from "../core/text.js";
import type { PageListing, SourcePage } from "../parse/files.js";
import {
  memoKey,
  parseCache,
  sha256,
  stringifyCache,
  toolFingerprint,
  writeCacheFile,
} from "../write/cache.js";
import type { OutputFile } from "../write/output.js";
import { overrideSourceOf } from "./overrides-config.js";
import { ruleSourceOf } from "./rule-pages.js";

const STAMP_FILE = "run-v1.json";

/** What a run found, as the stamp keeps it. */
export interface StampedRun<Stats> {
  diagnostics: Diagnostic[];
  stats: Stats;
}

interface Stamp<Stats> extends StampedRun<Stats> {
  key: string;
  /** sha256 of each file written, by path relative to the output folder. */
  files: Record<string, string>;
}

type StampFile<Stats> = { fingerprint: string; stamps: Record<string, Stamp<Stats>> };

/** What the pipeline reads from a docs folder before anything is parsed. */
export interface FolderRead {
  listing: PageListing;
  pages: SourcePage[];
  /** The docs folder's real path (references are resolved inside it). */
  root: string;
}

/**
 * Whether a run of these options can be stamped: with the cache on, and with docs2ts's own templates
 * (a user's templates folder is read as the run goes, so it would have to be in the key).
 */
export function stampable(options: ResolvedOptions): boolean {
  return options.cache && options.templates === undefined;
}

/** The stamp key of a run: a hash of every input it reads (see the top of this file). */
export function stampKey(options: ResolvedOptions, read: FolderRead): string {
  const overrides = Object.entries(options.overrides).map(([page, entry]) => {
    const source = overrideSourceOf(entry, page);
    return [
      page,
      entry,
      source.file,
      source.keyPath,
      source.pointer,
      [...(source.positions ?? [])],
    ];
  });
  // Where a rule's page patterns were written: a pattern matching no page is reported there.
  const rulePages = Object.entries(options.rules).flatMap(([id, entry]) => {
    if (typeof entry === "string") return [];
    const source = ruleSourceOf(entry[1], id);
    return [[id, source.file, source.keyPath, source.pointer, [...(source.positions ?? [])]]];
  });
  return memoKey("run", {
    node: process.version,
    options: {
      ...options,
      input: resolve(options.input),
      out: resolve(options.out),
      cacheDir: resolve(options.cacheDir),
    },
    overrides,
    rulePages,
    root: read.root,
    outside: read.listing.outside,
    pages: read.pages.map((page) => [page.file, sha256(page.text)]),
  });
}

/** The file the stamps are kept in: one per output folder, under the output folder's absolute path. */
async function readStamps<Stats>(cacheDir: string): Promise<StampFile<Stats> | undefined> {
  try {
    const data = parseCache(await readFile(join(cacheDir, STAMP_FILE), "utf8")) as StampFile<Stats>;
    const valid =
      data.fingerprint === toolFingerprint() && typeof data.stamps === "object" && data.stamps;
    return valid ? data : undefined;
  } catch {
    return undefined; // A missing or unreadable stamp file holds no stamp.
  }
}

/** sha256 of each file, by path. */
function fileHashes(files: Iterable<readonly [string, string]>): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const [path, content] of [...files].sort(([a], [b]) => byCodePoint(a, b)))
    hashes[path] = sha256(content);
  return hashes;
}

/**
 * The stamped run of `key`, when the output folder (`existing`: its generated files by path) holds
 * exactly the files that run wrote; otherwise undefined.
 */
export async function findStamp<Stats>(
  options: ResolvedOptions,
  key: string,
  existing: ReadonlyMap<string, string>,
): Promise<StampedRun<Stats> | undefined> {
  const stamp = (await readStamps<Stats>(options.cacheDir))?.stamps[resolve(options.out)];
  if (stamp === undefined || stamp.key !== key) return undefined;
  const paths = Object.keys(stamp.files);
  if (paths.length !== existing.size) return undefined;
  for (const path of paths) {
    const content = existing.get(path);
    if (content === undefined || sha256(content) !== stamp.files[path]) return undefined;
  }
  return { diagnostics: stamp.diagnostics, stats: stamp.stats };
}

/** Keeps the stamp of a successful run that left the output folder holding `files`. */
export async function saveStamp<Stats>(
  options: ResolvedOptions,
  key: string,
  files: readonly OutputFile[],
  run: StampedRun<Stats>,
): Promise<void> {
  const data: StampFile<Stats> = { fingerprint: toolFingerprint(), stamps: {} };
  // The stamps of other output folders sharing this cache folder, while those folders exist.
  const kept = (await readStamps<Stats>(options.cacheDir))?.stamps ?? {};
  for (const [out, stamp] of Object.entries(kept)) if (existsSync(out)) data.stamps[out] = stamp;
  data.stamps[resolve(options.out)] = {
    key,
    files: fileHashes(files.map((file) => [file.path, file.content] as const)),
    diagnostics: run.diagnostics,
    stats: run.stats,
  };
  await writeCacheFile(join(options.cacheDir, STAMP_FILE), stringifyCache(data));
}
