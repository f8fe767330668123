/**
 * Front matter as plain data: the YAML (`---`) or TOML (`+++`) block that starts a docs-site page.
 * Read with the `yaml` package's core schema (no custom tags: nothing in the text can name a type or
 * run anything) and `smol-toml`; both load only when a page has front matter.
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
      parse(text, { schema: "core", customTags: [], merge: false, maxAliasCount: 100 });
  } else {
    const { parse } = await import("smol-toml");
    readers.toml = (text) => parse(text);
  }
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
  try {
    const data = reader((first as { value: string }).value);
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
