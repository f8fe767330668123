/**
 * The content-hash cache, used one way: `memo(namespace, input, compute)`, whose key is a hash of the
 * whole input the computation reads (a page and the reading options; a module's plan, shape and emit
 * settings; a text and its banner). What is not in the input cannot change the result, so no option can
 * serve a stale entry. The cache file is also keyed by docs2ts's own code and templates and its
 * dependencies' versions. One JSON file per output folder; entries unused in a run are dropped.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * The cache file of the runs writing to `out`, in `cacheDir`: one per output folder, so projects that
 * share a cache folder (every project of a config, by default) do not drop each other's entries.
 */
export function contentCacheFile(cacheDir: string, out: string): string {
  return join(cacheDir, `cache-v1.${sha256(resolve(out)).slice(0, 16)}.json`);
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

/** A cache for one run. `get` marks an entry as used; `save` keeps only used and new entries. */
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
   * undefined. `observe` sees every key asked for (tests check that each option reaches the keys of
   * what it changes).
   */
  static async open(
    file: string | undefined,
    fingerprint: string,
    observe?: MemoObserver,
  ): Promise<ContentCache> {
    if (file === undefined) return new ContentCache(undefined, fingerprint, {}, observe, {}, false);
    try {
      const data = parseCache(await readFile(file, "utf8")) as CacheData;
      if (data.fingerprint === fingerprint && data.entries && typeof data.entries === "object") {
        return new ContentCache(file, fingerprint, data.entries, observe);
      }
    } catch {
      // A missing or unreadable cache is an empty one.
    }
    return new ContentCache(file, fingerprint, {}, observe);
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

  /** Writes the cache (atomically) when anything changed or entries were dropped. */
  async save(): Promise<void> {
    if (this.file === undefined) return;
    const dropped = Object.keys(this.previous).length !== Object.keys(this.next).length;
    if (!this.changed && !dropped) return;
    await writeCacheFile(
      this.file,
      stringifyCache({ fingerprint: this.fingerprint, entries: this.next } satisfies CacheData),
    );
  }
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
