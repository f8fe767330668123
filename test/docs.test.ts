/**
 * The README and the reference pages in docs/ hold together: every relative link (and its `#anchor`,
 * slugged as GitHub slugs headings) resolves, every flag of every command (read from the built
 * dist/cli.js's `--help`, as `npm test` builds first) is in docs/cli.md, and every rule id has a heading
 * of its own in docs/rules.md, the anchor `ruleUrl` links.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Heading, Nodes, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { RULES_BY_SECTION, ruleUrl } from "../src/core/diagnostics.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const CLI = join(ROOT, "dist/cli.js");

/** README.md, CONTRIBUTING.md and every page of docs/, as paths from the repository root. */
const PAGES = [
  "README.md",
  "CONTRIBUTING.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`),
];

const parse = (text: string): Root => unified().use(remarkParse).use(remarkGfm).parse(text);

/** The text of a node as GitHub reads a heading: inline code and link text included, markup not. */
function plainText(node: Nodes): string {
  if ("value" in node && typeof node.value === "string")
    return node.type === "html" ? "" : node.value;
  return "children" in node ? node.children.map((child) => plainText(child as Nodes)).join("") : "";
}

/** GitHub's heading slug (github-slugger): lowercase, punctuation dropped, each space a hyphen. */
export function githubSlug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
    .replace(/ /g, "-");
}

/** Every anchor of a page: its headings' slugs (repeats numbered -1, -2, ...) and `<a id|name>`s. */
function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const visit = (node: Nodes) => {
    if (node.type === "heading") {
      const base = githubSlug(plainText(node as Heading));
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
    if (node.type === "html")
      for (const match of node.value.matchAll(/<a\s+(?:id|name)="([^"]+)"/g))
        anchors.add(match[1]!);
    if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(parse(text));
  return anchors;
}

const anchorsByFile = new Map<string, Set<string>>();
function anchorsOfFile(file: string): Set<string> {
  let anchors = anchorsByFile.get(file);
  if (anchors === undefined)
    anchorsByFile.set(file, (anchors = anchorsOf(readFileSync(file, "utf8"))));
  return anchors;
}

/** The link and definition targets of a page, outside code (where remark makes no links). */
function linksOf(text: string): string[] {
  const urls: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === "link" || node.type === "definition" || node.type === "image")
      urls.push(node.url);
    if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(parse(text));
  return urls;
}

/**
 * The relative links of `page` (a path from `root`, its text `text`) that lead nowhere: a file that does
 * not exist, or an anchor its page does not have. Links with a scheme (`https:`, `mailto:`) are not
 * followed.
 */
function brokenLinks(root: string, page: string, text: string): string[] {
  return linksOf(text).flatMap((url) => {
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return [];
    const hash = url.indexOf("#");
    const path = hash === -1 ? url : url.slice(0, hash);
    const anchor = hash === -1 ? undefined : decodeURIComponent(url.slice(hash + 1));
    if (path === "")
      return anchorsOf(text).has(anchor!) ? [] : [`${page}: ${url} (no anchor #${anchor})`];
    const target = join(root, dirname(page), decodeURI(path));
    if (!existsSync(target)) return [`${page}: ${url} (no file ${relative(root, target)})`];
    if (anchor === undefined || statSync(target).isDirectory() || !target.endsWith(".md"))
      return [];
    return anchorsOfFile(target).has(anchor) ? [] : [`${page}: ${url} (no anchor #${anchor})`];
  });
}

describe("links in the README and docs/", () => {
  it("slug headings as GitHub does", () => {
    expect(githubSlug("`docs2ts diff`: what changed between two versions of the docs")).toBe(
      "docs2ts-diff-what-changed-between-two-versions-of-the-docs",
    );
    expect(githubSlug("Limits (checked before a page is parsed; the page is not read)")).toBe(
      "limits-checked-before-a-page-is-parsed-the-page-is-not-read",
    );
    expect(githubSlug("OpenAPI Generator (Go, Python, …)")).toBe("openapi-generator-go-python-");
    expect([...anchorsOf('# A\n\n## A\n\n<a id="x"></a>\n\n### `b_c`\n')]).toEqual([
      "a",
      "a-1",
      "x",
      "b_c",
    ]);
  });

  it("finds a missing page, a missing anchor, and no link inside code", () => {
    const text =
      "[a](README.md#architecture) [b](nope.md) [c](README.md#nope) [d](#here)\n\n" +
      "## Here\n\n`[e](gone.md)`\n\n```md\n[f](gone.md)\n```\n\n[g](https://example.test/x.md)\n";
    expect(brokenLinks(ROOT, "page.md", text)).toEqual([
      "page.md: nope.md (no file nope.md)",
      "page.md: README.md#nope (no anchor #nope)",
    ]);
  });

  it.each(PAGES)("%s: every relative link resolves", (page) => {
    expect(brokenLinks(ROOT, page, readFileSync(join(ROOT, page), "utf8"))).toEqual([]);
  });

  it("the README starts with the two commands of a fresh clone and fits on a few screens", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme.split("\n").slice(0, 6).join("\n")).toMatch(
      /^# docs2ts\n\n```sh\nnpm install && npm run generate .*\nnpm test .*\n```$/,
    );
    expect(readme.split("\n").length).toBeLessThanOrEqual(250);
  });
});

/** The commands `docs2ts --help` lists, and the flags of each (`-i`, `--input`, ...). */
function helpOf(args: string[]): string {
  const result = spawnSync(process.execPath, [CLI, ...args, "--help"], { encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

function section(help: string, title: string): string[] {
  const start = help.indexOf(`${title}:\n`);
  if (start === -1) return [];
  const rest = help.slice(start + title.length + 2);
  const end = rest.search(/\n\n|$/);
  return rest.slice(0, end).split("\n");
}

describe("docs/cli.md", () => {
  const page = readFileSync(join(ROOT, "docs/cli.md"), "utf8");
  let listed: string[] | undefined;
  /** The commands `docs2ts --help` lists, read once, inside the first test that needs them. */
  const commandsOf = () =>
    (listed ??= section(helpOf([]), "Commands")
      .map((line) => /^ {2}(\S+)/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined && name !== "help"));

  it("reads the commands from --help", () => {
    expect(commandsOf()).toEqual(expect.arrayContaining(["generate", "check", "init", "diff"]));
  });

  it.each(["", "generate", "check", "init", "examples", "diff", "report"])(
    "names every flag of `docs2ts %s`",
    (command) => {
      expect(command === "" || commandsOf().includes(command)).toBe(true);
      // An option's line starts two spaces in; its flags end where the description starts.
      const names = section(helpOf(command === "" ? [] : [command]), "Options")
        .filter((line) => line.startsWith("  -"))
        .flatMap(
          (line) =>
            line
              .trim()
              .split(/ {2,}/)[0]!
              .match(/(?<![\w-])--?[a-zA-Z][\w-]*/g) ?? [],
        );
      expect(names.length).toBeGreaterThan(1);
      const missing = names.filter(
        (flag) => !new RegExp(`(?<![\\w-])${flag}(?![\\w-])`).test(page),
      );
      expect(missing).toEqual([]);
      if (command !== "") expect(page).toContain(`docs2ts ${command}`);
    },
  );

  it("covers every command --help lists", () => {
    expect(commandsOf().filter((name) => !page.includes(`docs2ts ${name}`))).toEqual([]);
  });
});

describe("docs/rules.md", () => {
  const path = join(ROOT, "docs/rules.md");
  const text = readFileSync(path, "utf8");
  const anchors = anchorsOf(text);
  const ids = Object.values(RULES_BY_SECTION).flat();

  it("has a heading of its own for every rule id, the anchor ruleUrl links", () => {
    expect(ids.length).toBeGreaterThan(40);
    expect(ids.filter((id) => !anchors.has(id))).toEqual([]);
    // The index at the top of the rule ids links each one.
    expect(ids.filter((id) => !text.includes(`[\`${id}\`](#${id})`))).toEqual([]);
    for (const id of ids) {
      const url = new URL(ruleUrl(id)!);
      expect(fileURLToPath(url)).toBe(path);
      expect(url.hash).toBe(`#${id}`);
    }
  });

  it("ships with the package, so ruleUrl's page exists where docs2ts is installed", () => {
    const files = (
      JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { files: string[] }
    ).files;
    expect(files).toContain("docs");
  });
});
