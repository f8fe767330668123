/**
 * The content-hash cache, used one way: `memo(namespace, input, compute)`, whose key is a hash of the
 * whole input the computation reads (a page and the reading options; a module's plan, shape and emit
 * settings; a text and its banner). What is not in the input cannot change the result, so no option can
 * serve a stale entry. The cache file is also keyed by docs2ts's own code and templates and its
 * dependencies' versions. One JSON file per output folder and option set, holding the entries that
 * set's last run used; the last `MAX_OPTION_SETS` sets of an output folder are kept, so switching an
 * option and back is warm both ways.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { ResolvedOptions } from "../core/options.js";

/**
 * How many option sets of one output folder keep their cache file: the most recently used (by file
 * time), the least recently used dropped first. Each file holds the entries of its set's last run, so
 * the cache folder holds at most this many runs' entries per output folder (4 files of about 3.5 MB
 * for the largest docs folder docs2ts is benchmarked on). A run reads and writes only its own set's
 * file: a run that never switches options pays nothing for the sets kept beside it.
 */
export const MAX_OPTION_SETS = 4;

/**
 * What names a run's option set: a hash of every option but where the output and the cache go, with
 * `input` made absolute. Runs of equal option sets share one cache file.
 */
export function optionSetKey(options: ResolvedOptions): string {
  const { input, out: _out, cache: _cache, cacheDir: _cacheDir, ...rest } = options;
  return memoKey("options", { ...rest, input: resolve(input) }).slice(-16);
}

/** The start of the names of the cache files of the runs writing to `out`. */
const outPrefix = (out: string) => `cache-v2.${sha256(resolve(out)).slice(0, 16)}.`;

/**
 * The cache file of the runs writing to `out` with the option set `optionSet` (see `optionSetKey`), in
 * `cacheDir`: one per output folder, so projects that share a cache folder (every project of a config,
 * by default) do not drop each other's entries, and one per option set of it.
 */
export function contentCacheFile(cacheDir: string, out: string, optionSet: string): string {
  return join(cacheDir, `${outPrefix(out)}${optionSet}.json`);
}

/** The other option sets' cache files beside `file` (same output folder), newest first. */
async function otherSets(file: string): Promise<string[]> {
  const dir = dirname(file);
  const prefix = basename(file).replace(/[0-9a-f]{16}\.json$/, "");
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const files = names
    .filter(
      (name) => name.startsWith(prefix) && /^[0-9a-f]{16}\.json$/.test(name.slice(prefix.length)),
    )
    .map((name) => join(dir, name))
    .filter((other) => other !== file);
  const times = await Promise.all(
    files.map(async (other) => (await stat(other).catch(() => undefined))?.mtimeMs ?? 0),
  );
  return files
    .map((other, i) => ({ other, time: times[i] as number }))
    .sort((a, b) => b.time - a.time || (a.other < b.other ? -1 : 1))
    .map(({ other }) => other);
}

interface CacheData {
  fingerprint: string;
  entries: Record<string, unknown>;
}

/**
 * JSON writes `-0` as `0`, but an enum member `-0` must come back as `-0` (it is emitted as `-0`). The
 * cache writes it as this tagged object instead; no cached value has a key of this spelling (model
 * objects have fixed keys), and files without it parse without a reviver (the unchanged-run path).
 */
const NEGATIVE_ZERO_KEY = "docs2ts:-0";

function replaceNegativeZero(_key: string, value: unknown): unknown {
  return Object.is(value, -0) ? { [NEGATIVE_ZERO_KEY]: true } : value;
}

function reviveNegativeZero(_key: string, value: unknown): unknown {
  return typeof value === "object" &&
    value !== null &&
    Object.hasOwn(value, NEGATIVE_ZERO_KEY) &&
    Object.keys(value).length === 1
    ? -0
    : value;
}

/** Key text of a computation's input: JSON with `-0` kept and maps as their entries. */
function keyReplacer(key: string, value: unknown): unknown {
  if (value instanceof Map) return { "docs2ts:map": [...value] };
  return replaceNegativeZero(key, value);
}

/** The cache key of a computation: its namespace and a hash of the whole input it reads. */
export function memoKey(namespace: string, input: unknown): string {
  return `${namespace}:${sha256(JSON.stringify(input, keyReplacer))}`;
}

/** The cache file's text for `data`, `-0` kept. */
export function stringifyCache(data: unknown): string {
  return JSON.stringify(data, replaceNegativeZero);
}

/** The value of a cache file's text, `-0` restored. */
export function parseCache(text: string): unknown {
  return text.includes(`"${NEGATIVE_ZERO_KEY}"`)
    ? JSON.parse(text, reviveNegativeZero)
    : JSON.parse(text);
}

/** sha256 hex of a string. */
export function sha256(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

let ownFingerprint: string | undefined;

/**
 * `name@version` of each of docs2ts's dependencies as installed (found as node resolves them, from the
 * package root up), read from their package.json without loading them: prettier, ts-morph and remark
 * shape the output too, so an upgraded dependency must not be served what the older one made.
 */
export function dependencyVersions(packageRoot: string): string[] {
  let dependencies: Record<string, string> = {};
  try {
    const own = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8"));
    dependencies = own.dependencies ?? {};
  } catch {
    return [];
  }
  return Object.keys(dependencies)
    .sort()
    .map((name) => {
      for (let dir = packageRoot; ; dir = dirname(dir)) {
        try {
          const manifest = readFileSync(join(dir, "node_modules", name, "package.json"), "utf8");
          return `${name}@${JSON.parse(manifest).version}`;
        } catch {
          if (dirname(dir) === dir) return `${name}@missing`;
        }
      }
    });
}

/**
 * A hash of docs2ts's own code and templates and of its dependencies' versions: a rebuilt or upgraded
 * docs2ts never reads an older cache.
 */
export function toolFingerprint(): string {
  if (ownFingerprint) return ownFingerprint;
  const hash = createHash("sha256");
  const packageRoot = fileURLToPath(new URL("../../", import.meta.url));
  for (const entry of dependencyVersions(packageRoot)) hash.update(entry).update("\n");
  const roots = [
    fileURLToPath(new URL("../", import.meta.url)),
    fileURLToPath(new URL("../../templates/", import.meta.url)),
  ];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(js|ts|txt|json)$/.test(name)) hash.update(full).update(readFileSync(full));
    }
  };
  for (const root of roots) walk(root);
  ownFingerprint = hash.digest("hex");
  return ownFingerprint;
}

/** Sees the key of every `memo` call. */
export type MemoObserver = (key: string) => void;

/**
 * A cache for one run. `memo` finds or computes entries; `save` keeps those this run used in its option
 * set's file, and the files of the output folder's last `MAX_OPTION_SETS` option sets.
 */
export class ContentCache {
  private changed = false;

  /** Entries found and computed in this run. */
  readonly stats = { hits: 0, misses: 0 };

  private constructor(
    private readonly file: string | undefined,
    private readonly fingerprint: string,
    private readonly previous: Record<string, unknown>,
    private readonly observe: MemoObserver | undefined,
    private readonly next: Record<string, unknown> = {},
    /** False for a cache opened without a folder: nothing is read, kept or saved. */
    private readonly remembers = true,
    /** True when `previous` was read from `file` itself, not from another option set's file. */
    private readonly own = true,
  ) {}

  /**
   * A cache in memory only, where what one run computes the next one finds: `diff` reads two versions
   * of one folder, most of whose pages are the same. `save` writes nothing.
   */
  static memory(): ContentCache {
    const entries: Record<string, unknown> = {};
    return new ContentCache(undefined, "", entries, undefined, entries);
  }

  /**
   * Opens the cache kept in `file` (see `contentCacheFile`), or a disabled cache when `file` is
   * undefined. An option set without a file of its own starts from the newest other set's file of the
   * output folder: most entries (pages, read alike under most options) are the same, so the first run
   * of `--field-names snake_case` parses no page. `observe` sees every key asked for (tests check that
   * each option reaches the keys of what it changes).
   */
  static async open(
    file: string | undefined,
    fingerprint: string,
    observe?: MemoObserver,
  ): Promise<ContentCache> {
    if (file === undefined) return new ContentCache(undefined, fingerprint, {}, observe, {}, false);
    const own = await readEntries(file, fingerprint);
    if (own !== undefined) return new ContentCache(file, fingerprint, own, observe);
    const newest = (await otherSets(file))[0];
    const seed = newest === undefined ? undefined : await readEntries(newest, fingerprint);
    return new ContentCache(file, fingerprint, seed ?? {}, observe, {}, true, false);
  }

  /**
   * The result of `compute(input)`, from the cache when a run computed it for an equal input. `compute`
   * must read nothing but `input` (and docs2ts's own code). `fresh` computes without the cache.
   */
  async memo<I, T>(
    namespace: string,
    input: I,
    compute: (input: I) => T | Promise<T>,
    fresh = false,
  ): Promise<T> {
    // A disabled cache (`--no-cache`) that nobody observes keeps nothing: no key to hash.
    if (!this.remembers && this.observe === undefined) {
      this.stats.misses += 1;
      return compute(input);
    }
    const key = memoKey(namespace, input);
    this.observe?.(key);
    if (!fresh && Object.hasOwn(this.previous, key)) {
      this.stats.hits += 1;
      const value = this.previous[key];
      this.next[key] = value;
      return value as T;
    }
    this.stats.misses += 1;
    const value = await compute(input);
    if (!fresh) {
      this.next[key] = value;
      this.changed = true;
    }
    return value;
  }

  /**
   * Writes this option set's file (atomically) when anything changed, entries were dropped or it had
   * none, else marks it as just used; then drops the files of the output folder's option sets beyond
   * the newest `MAX_OPTION_SETS` (by last use), oldest first.
   */
  async save(): Promise<void> {
    if (this.file === undefined) return;
    const dropped = Object.keys(this.previous).length !== Object.keys(this.next).length;
    if (this.changed || dropped || !this.own)
      await writeCacheFile(
        this.file,
        stringifyCache({ fingerprint: this.fingerprint, entries: this.next } satisfies CacheData),
      );
    else {
      const now = new Date();
      await utimes(this.file, now, now).catch(() => undefined);
    }
    for (const old of (await otherSets(this.file)).slice(MAX_OPTION_SETS - 1))
      await rm(old, { force: true });
    // The one file per output folder of docs2ts before option sets were kept.
    const single = basename(this.file).replace(
      /^cache-v2\.([0-9a-f]{16})\.[0-9a-f]{16}\.json$/,
      "cache-v1.$1.json",
    );
    if (single !== basename(this.file)) await rm(join(dirname(this.file), single), { force: true });
  }
}

/** The entries of a cache file written with `fingerprint`; undefined when missing, unreadable or older. */
async function readEntries(
  file: string,
  fingerprint: string,
): Promise<Record<string, unknown> | undefined> {
  try {
    const data = parseCache(await readFile(file, "utf8")) as CacheData;
    if (data.fingerprint === fingerprint && data.entries && typeof data.entries === "object")
      return data.entries;
  } catch {
    // A missing or unreadable cache is an empty one.
  }
  return undefined;
}

/**
 * Writes a file of the cache folder through a temporary file and a rename, so a run killed midway, or
 * another run writing at the same time, never leaves half a file.
 */
export async function writeCacheFile(target: string, text: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, text);
  await rename(temp, target);
}
