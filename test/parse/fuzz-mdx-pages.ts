/**
 * Random docs-site pages for fuzzing the MDX syntax and front matter: YAML or TOML front matter with
 * tags, anchors, aliases and brackets; `import`/`export` lines, expressions and JSX elements (closed,
 * self-closing, unclosed, nested) holding code that must never run; `<a id>` anchors with hostile ids;
 * `### X Object` sections with field tables in a docs site's words, linking each other's anchors.
 */
import fc from "fast-check";
import { HOSTILE } from "./fuzz-pages.js";

const word = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/),
  fc.string({ maxLength: 6 }),
);
const text = fc.array(word, { maxLength: 4 }).map((w) => w.join(" "));
/** One line, no pipes: for table cells and attribute values. */
const line = (s: string) => s.replace(/\r?\n|\r/g, " ").replace(/\|/g, "\\|");

const yamlValue = fc.oneof(
  text.map((t) => JSON.stringify(t)),
  fc.constantFrom(
    "!!js/function 'function () { globalThis.docs2tsRan = 1 }'",
    "!!js/regexp /x/",
    "!!python/object/apply:os.system ['exit 3']",
    "&a [1, 2, 3]",
    "*a",
    "[*a, *a, *a]",
    "{ <<: *a }",
    "[[[[[[[[",
    "|\n  block\n  text",
    "'unclosed",
    "",
  ),
);
const yamlFrontmatter = fc
  .tuple(fc.option(text), fc.array(fc.tuple(word, yamlValue), { maxLength: 4 }))
  .map(
    ([title, pairs]) =>
      `---\n${title === null ? "" : `title: ${JSON.stringify(title)}\n`}${pairs.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join("\n")}\n---\n`,
  );
const tomlFrontmatter = fc
  .tuple(text, fc.constantFrom('x = "y"', "[t]\na = 1", "a = {b = {c = 1}}", "= =", 'a = """'))
  .map(([title, rest]) => `+++\ntitle = ${JSON.stringify(title)}\n${rest}\n+++\n`);

const code = fc.constantFrom(
  "process.exit(1)",
  "globalThis.docs2tsRan = 1",
  "() => { throw new Error('ran') }",
  "{ a: { b: 1 } }",
  "`${process.exit(2)}`",
  "</script>",
  "",
);
const anchorId = fc.oneof(word, fc.constantFrom("__proto__", "constructor", "../../x", "*/ x /*"));
const mdxBlock = fc.oneof(
  code.map((c) => `import x from "node:child_process"; ${c}`),
  code.map((c) => `export const y = ${c}`),
  code.map((c) => `{${c}}`),
  fc
    .tuple(code, text)
    .map(([c, t]) => `<Warning onClick={${c}} title="${line(t)}">\n${line(t)}\n</Warning>`),
  fc
    .tuple(anchorId, fc.boolean())
    .map(([id, jsx]) =>
      jsx
        ? `<SectionAnchor id="${line(id).replace(/"/g, "")}" />`
        : `<a id="${line(id).replace(/"/g, "")}"></a>`,
    ),
  fc.constantFrom(
    "<Tabs>",
    "</Tabs>",
    "<br>",
    "<Info>\n\nText\n\n</Info>",
    "{",
    "}",
    "<>",
    "<A><B>",
  ),
  fc.integer({ min: 1, max: 120 }).map((n) => `${"<Tab>".repeat(n)}\n${"</Tab>".repeat(n)}`),
  fc.integer({ min: 1, max: 120 }).map((n) => `{${"{a:".repeat(n)}1${"}".repeat(n)}}`),
  text,
);

const subject = fc.oneof(fc.constantFrom("Parcel", "Shelf", "Courier"), word);
const typeCell = fc.oneof(
  fc.constantFrom(
    "string",
    "integer",
    "?string",
    "boolean",
    "snowflake",
    "ISO8601 timestamp",
    "array of [Shelf](#shelf-object) objects",
    "[Parcel](#parcel-object)",
    "[Courier](other#courier-object)",
    "map of string",
    "?[Shelf](#__proto__)",
    "{process.exit(3)}",
    "<Tag />",
    "",
  ),
  word.map(line),
);
const fieldRow = fc
  .tuple(word, typeCell, text)
  .map(([n, t, d]) => `| ${line(n)} | ${t} | ${line(d)} |`);
const section = fc
  .tuple(subject, fc.array(fieldRow, { minLength: 1, maxLength: 4 }))
  .map(
    ([s, rows]) =>
      `### ${line(s)} Object\n\n| Field | Type | Description |\n| --- | --- | --- |\n${rows.join("\n")}\n`,
  );

const page = fc
  .tuple(
    fc.oneof(yamlFrontmatter, yamlFrontmatter, tomlFrontmatter, fc.constant("")),
    fc.array(fc.oneof(mdxBlock, section, section), { minLength: 1, maxLength: 6 }),
  )
  .map(([front, blocks]) => `${front}${blocks.join("\n\n")}\n`);

/** A folder of 1 to 3 MDX pages (`page0.mdx`, ...). */
export const mdxPagesArbitrary = fc.array(page, { minLength: 1, maxLength: 3 });
