/**
 * Which Markdown syntax a page is written in, decided from its name and first line before anything is
 * parsed: MDX for `.mdx` pages (JSX and `import`/`export` lines are read as syntax, never run), and
 * YAML (`---`) or TOML (`+++`) front matter at the very start of any page. The parser loads what a
 * syntax needs only when a page needs it (parse/markdown.ts).
 */

/** The syntax of one page. */
export interface PageSyntax {
  /** MDX: JSX elements, expressions and ESM lines (`.mdx` pages). */
  mdx: boolean;
  /** The page starts with front matter (`---` YAML or `+++` TOML). */
  frontmatter: "yaml" | "toml" | undefined;
}

/** The syntax of the page at `file` (relative path) whose normalised text is `source`. */
export function pageSyntax(file: string, source: string): PageSyntax {
  const frontmatter = /^---[ \t]*\n/.test(source)
    ? "yaml"
    : /^\+\+\+[ \t]*\n/.test(source)
      ? "toml"
      : undefined;
  return { mdx: /\.mdx$/i.test(file), frontmatter };
}
