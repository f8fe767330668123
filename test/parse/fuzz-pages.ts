/**
 * Random doc pages for fuzzing, built from real fragments (Speakeasy tables, type cells, links) and
 * hostile strings, plus the property every page must satisfy: `generate` never throws, and what it
 * writes parses as TypeScript and holds only declarations. Shared by test/parse/fuzz.test.ts (1,000 cases)
 * and scripts/fuzz.mjs (100,000).
 */
import type { Dirent } from "node:fs";
import fc from "fast-check";
import ts from "typescript";
import { runPipeline } from "../../src/pipeline/generate.js";
import type { PageFileSystem } from "../../src/parse/files.js";

/** Strings that have broken code generators: comment ends, quotes, template holes, line separators. */
export const HOSTILE = [
  "*/",
  "/*",
  "*/ export const pwned = 1; /*",
  '"',
  "'",
  "`",
  "${process.exit(1)}",
  "\\",
  "\\u0000",
  "\u2028",
  "\u2029",
  "\u0000",
  "\u202E",
  "\u2066",
  "\uFEFF",
  "__proto__",
  "constructor",
  "prototype",
  "hasOwnProperty",
  "class",
  "default",
  "await",
  "enum",
  "let",
  "yield",
  "eval",
  "arguments",
  "undefined",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "9007199254740993",
  "0x10",
  "</script>",
  "<!--",
  "@param",
  "{@link x}",
  "é",
  "😀",
  "a-b",
  "1abc",
  "",
  " ",
  "  ",
  "<br/>",
  "x".repeat(120),
];

const word = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/),
  fc.string({ maxLength: 6 }),
);
const text = fc.array(word, { minLength: 0, maxLength: 4 }).map((w) => w.join(" "));
/** Table cells may not hold raw newlines or pipes; escape pipes the way docs do. */
const cell = (s: string) => s.replace(/\r?\n|\r/g, " ").replace(/\|/g, "\\|");

const typeCell = fc.oneof(
  fc.constantFrom(
    "*string*",
    "**string*",
    "*int64*",
    "*float64*",
    "*bool*",
    "*any*",
    "`*string`",
    "[]*string*",
    "map[string]*any*",
    "map[string][]*string*",
    "*Optional[str]*",
    "*Nullable[int]*",
    "*number*",
    "Record<string, *any*>",
    '*"function"*',
    "*true*",
    "[Date](https://developer.mozilla.org/Date)",
    "[File](https://x) \\| [Blob](https://y)",
    "**map[string]interface{}**",
    "[*components.Page0](page0.md)",
    "[components.Page1](./page1.md)",
    "[][components.Page2](page2.md)",
    "[Page1](../../outside.md)",
    "[Page0](/etc/passwd)",
    "[Page0](file:///etc/passwd)",
    "[Page0](%2e%2e/x.md)",
    "[Missing](missing.md)",
    "`time.Time`",
    "*",
    "[]",
    "",
  ),
  text.map(cell),
  fc.integer({ min: 1, max: 40 }).map((n) => `${"[]".repeat(n)}*string*`),
);
const required = fc.constantFrom(":heavy_check_mark:", ":heavy_minus_sign:", "yes", "");
const name = fc.oneof(
  word.map((w) => `\`${w}\``),
  word,
  fc.constant("~~`Old`~~"),
);
const longCell = fc.constantFrom("x".repeat(10_000), "*/".repeat(5_000), "`".repeat(10_000));
const description = fc.oneof({ weight: 8, arbitrary: text }, { weight: 1, arbitrary: longCell });

const fieldRow = fc
  .tuple(name, typeCell, required, description, fc.boolean())
  .map(([n, t, r, d, short]) =>
    short ? `| ${cell(n)} | ${t} |` : `| ${cell(n)} | ${t} | ${r} | ${cell(d)} |`,
  );
const title = fc.oneof(
  fc.constantFrom("Page", "~~Old~~", "Batch", "class", "__proto__", "Page0"),
  word,
);
const intro = fc.oneof(fc.constant(""), text, fc.constant("> :warning: **DEPRECATED**: gone"));

const objectPage = fc
  .tuple(title, intro, fc.array(fieldRow, { maxLength: 6 }))
  .map(
    ([t, i, rows]) =>
      `# ${t}\n\n${i}\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n${rows.join("\n")}\n`,
  );
const enumValue = fc.oneof(
  fc.constantFrom("-0", "NaN", "Infinity", "1e309", "9007199254740993", "true", "1.50", "0x1F", ""),
  word,
);
const enumPage = fc
  .tuple(title, fc.array(fc.tuple(word, enumValue), { maxLength: 6 }))
  .map(
    ([t, rows]) =>
      `# ${t}\n\n## Values\n\n| Name | Value |\n| --- | --- |\n${rows.map(([n, v]) => `| \`${cell(n)}\` | ${cell(v)} |`).join("\n")}\n`,
  );
const unionPage = fc
  .tuple(title, fc.array(fc.tuple(fc.oneof(typeCell, word), text), { maxLength: 4 }))
  .map(
    ([t, members]) =>
      `# ${t}\n\n## Supported Types\n\n${members.map(([m, code]) => `### ${m}\n\n\`\`\`go\n${code}\n\`\`\`\n`).join("\n")}`,
  );
const junkPage = fc.oneof(
  text,
  fc.constantFrom("", "# \n\n## Fields\n", "## Fields\n\n| a |\n|---|\n| b |\n", "* ".repeat(200)),
);

/** A folder of 1 to 3 pages: `page0.md`, `page1.md`, ... */
export const pagesArbitrary = fc.array(
  fc.oneof(objectPage, objectPage, enumPage, unionPage, junkPage),
  {
    minLength: 1,
    maxLength: 3,
  },
);

/** An in-memory docs folder at `/fuzz` (no disk I/O per case): `page0.md`, or `.mdx` pages. */
export function memoryFs(pages: readonly string[], extension = ".md"): PageFileSystem {
  const files = new Map(pages.map((text, i) => [`/fuzz/page${i}${extension}`, text]));
  const dirent = (entry: string, file: boolean) =>
    ({
      name: entry,
      isFile: () => file,
      isDirectory: () => !file,
      isSymbolicLink: () => false,
    }) as unknown as Dirent;
  return {
    readdir: async () => [...files.keys()].map((path) => dirent(path.slice("/fuzz/".length), true)),
    readFile: async (path) => {
      const text = files.get(path);
      if (text === undefined) throw Object.assign(new Error(`ENOENT ${path}`), { code: "ENOENT" });
      return text;
    },
    realpath: async (path) => path.replace(/\/+$/, "").replace(/\/\.\//g, "/"),
    stat: async (path) => ({ isFile: () => files.has(path), isDirectory: () => path === "/fuzz" }),
  };
}

const ALLOWED = new Set([
  ts.SyntaxKind.ImportDeclaration,
  ts.SyntaxKind.ExportDeclaration,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.VariableStatement,
  ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.ModuleDeclaration,
]);

/** Why a generated module is not acceptable, or undefined when it is. */
export function moduleProblem(path: string, content: string): string | undefined {
  const source = ts.createSourceFile(path, content, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const syntax = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  if (syntax.length > 0)
    return `${path}: syntax error: ${ts.flattenDiagnosticMessageText(syntax[0]!.messageText, "\n")}`;
  for (const statement of source.statements) {
    if (!ALLOWED.has(statement.kind))
      return `${path}: unexpected ${ts.SyntaxKind[statement.kind]} at the top level`;
    if (
      ts.isVariableStatement(statement) &&
      !(statement.declarationList.flags & ts.NodeFlags.Const)
    )
      return `${path}: unexpected non-const variable`;
  }
  return undefined;
}

/** Runs one case; throws (failing the property) when generate throws or writes a bad module. */
export async function checkCase(pages: readonly string[], extension = ".md") {
  const result = await runPipeline(
    { input: "/fuzz", out: "/fuzz-out", cache: false },
    {},
    { fs: memoryFs(pages, extension) },
  );
  if (result.diagnostics.some((d) => d.severity === "error")) return { result, written: false };
  for (const file of result.files) {
    if (!file.path.endsWith(".ts")) continue;
    const problem = moduleProblem(file.path, file.content);
    if (problem !== undefined) throw new Error(`${problem}\n--- module ---\n${file.content}`);
  }
  // Code that skipped prettier must be exactly what prettier would have made of it.
  if (result.stats.laidOutValidators + result.stats.laidOutModules > 0) {
    const formatted = await runPipeline(
      { input: "/fuzz", out: "/fuzz-out", cache: false },
      {},
      { fs: memoryFs(pages, extension), formatAll: true },
    );
    const expected = new Map(formatted.files.map((file) => [file.path, file.content]));
    for (const file of result.files)
      if (expected.get(file.path) !== file.content)
        throw new Error(
          `${file.path} differs from prettier's layout\n--- ours ---\n${file.content}\n--- prettier ---\n${expected.get(file.path)}`,
        );
  }
  return { result, written: true };
}
