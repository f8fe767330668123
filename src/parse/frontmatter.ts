/**
 * Front matter as plain data: the YAML (`---`) or TOML (`+++`) block that starts a docs-site page.
 * Read with the `yaml` package's core schema (no custom tags: nothing in the text can name a type or
 * run anything; an unknown tag such as `!!js/function` is a plain string) and `smol-toml`; both load
 * only when a page has front matter. Aliases are capped (an alias bomb is an error, not gigabytes), a
 * key written twice keeps its last value (the duplicate check costs the square of the keys: a front
 * matter of 60,000 keys took minutes), and nothing is printed (the `yaml` package's warnings go to
 * `process.emitWarning` unless silenced): a front matter that cannot be read is reported to the family.
 */
import type { Root } from "mdast";

type Reader = (text: string) => unknown;
const readers: { yaml?: Reader; toml?: Reader } = {};

/** Loads the reader of one front matter language. */
export async function loadFrontmatterReader(kind: "yaml" | "toml"): Promise<void> {
  if (readers[kind]) return;
  if (kind === "yaml") {
    const { parse } = await import("yaml");
    readers.yaml = (text) =>
      parse(text, {
        schema: "core",
        customTags: [],
        merge: false,
        maxAliasCount: 100,
        uniqueKeys: false,
        logLevel: "error",
      });
  } else {
    const { parse } = await import("smol-toml");
    readers.toml = (text) => parse(text);
  }
}

/**
 * The most front matter read as data. A docs site's front matter is a title and a few settings; the
 * YAML reader's time grows fast on long hostile text (20,000 anchors: seconds), so more is not read.
 */
export const MAX_FRONTMATTER_BYTES = 64 * 1024;

/**
 * The deepest `[`/`{` nesting read as data. The YAML reader overflows its stack at ~1,000 levels and
 * runs out of memory, killing the process, at ~40,000; counted over the whole text (quotes included),
 * so this over-approximates.
 */
const MAX_FLOW_DEPTH = 64;

/** Why `text` is not read as data, or undefined when it may be. */
function tooMuch(text: string): string | undefined {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_FRONTMATTER_BYTES)
    return `Unexpected front matter of ${bytes} bytes, expected at most ${MAX_FRONTMATTER_BYTES}; not read`;
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    if (ch === 0x5b /* [ */ || ch === 0x7b /* { */) depth += 1;
    else if ((ch === 0x5d /* ] */ || ch === 0x7d) /* } */ && depth > 0) depth -= 1;
    if (depth > MAX_FLOW_DEPTH)
      return `Unexpected front matter nested more than ${MAX_FLOW_DEPTH} brackets deep, expected at most ${MAX_FLOW_DEPTH}; not read`;
  }
  return undefined;
}

/** What a page's front matter holds, or why it could not be read. */
export type Frontmatter =
  | { data: Readonly<Record<string, unknown>> }
  | { error: string; line: number; column: number }
  | undefined;

/** The front matter of a parsed page (its first node), read as data; undefined when it has none. */
export function readFrontmatter(root: Root): Frontmatter {
  const first = root.children[0];
  if (first?.type !== "yaml" && first?.type !== ("toml" as string)) return undefined;
  const kind = first.type === "yaml" ? "yaml" : "toml";
  const reader = readers[kind];
  const line = first.position?.start.line ?? 1;
  if (!reader)
    return { error: `${kind} front matter read before its reader loaded`, line, column: 1 };
  const text = (first as { value: string }).value;
  const refused = tooMuch(text);
  if (refused !== undefined) return { error: refused, line, column: 1 };
  try {
    const data = reader(text);
    return data !== null && typeof data === "object" && !Array.isArray(data)
      ? { data: data as Record<string, unknown> }
      : { data: {} };
  } catch (error) {
    return {
      error: error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error),
      line,
      column: 1,
    };
  }
}
