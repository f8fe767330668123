/**
 * Modules skip prettier when docs2ts lays them out as prettier would (emit/type-layout.ts for the
 * imports and types, emit/validator-layout.ts for the validators). These tests hold that promise: the
 * output must equal, byte for byte, the output with prettier formatting everything (`formatAll`), on
 * every module of every corpus, under the options that change the code, and on a sweep of names and
 * descriptions around the 100-column boundaries, while the shortcut is actually taken.
 */
import { describe, expect, it } from "vitest";
import type { GenerateOptions } from "../../src/index.js";
import { runPipeline } from "../../src/pipeline/generate.js";
import { layoutTypes } from "../../src/emit/type-layout.js";
import { isPrettierLayout, layoutCode } from "../../src/emit/validator-layout.js";
import { formatModule } from "../../src/emit/format.js";
import { runtimeFiles } from "../../src/emit/validator-runtime.js";
import { resolveOptions } from "../../src/core/options.js";
import { memoryFs } from "../parse/fuzz-pages.js";
import { CORPORA, corpus, itShared } from "../support/helpers.js";

/** Generates twice, with and without the shortcut; returns the files that differ and the counts. */
async function compare(options: GenerateOptions, fs?: ReturnType<typeof memoryFs>) {
  const hooks = fs ? { fs } : {};
  const fast = await runPipeline({ cache: false, ...options }, {}, hooks);
  const slow = await runPipeline({ cache: false, ...options }, {}, { ...hooks, formatAll: true });
  expect(fast.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const slowFiles = new Map(slow.files.map((file) => [file.path, file.content]));
  const differing = fast.files
    .filter((file) => slowFiles.get(file.path) !== file.content)
    .map((file) => file.path);
  expect(slow.stats.laidOutModules + slow.stats.laidOutValidators).toBe(0);
  return { differing, fast, files: fast.files.length };
}

describe("validator layout equals prettier's", () => {
  for (const name of CORPORA)
    itShared(
      `on every module of ${name}`,
      async () => {
        const { differing, fast } = await compare({ input: corpus(name) });
        expect(differing).toEqual([]);
        // The shortcut must be the common case, or this comparison proves nothing.
        expect(fast.stats.laidOutModules).toBeGreaterThan(fast.stats.modules * 0.9);
        expect(fast.stats.laidOutValidators).toBeGreaterThanOrEqual(fast.stats.laidOutModules);
      },
      120_000,
    );

  itShared(
    "under the options that change validator code",
    async () => {
      for (const options of [
        { unknownKeys: "reject", optionalUndefined: "reject", int64: "bigint", dates: "Date" },
        { fieldNames: "snake_case", enumStyle: "enum", maxDepth: 100_000 },
        { fieldNames: "camelCase", enumStyle: "union", validators: false, importExtension: ".ts" },
      ] as const) {
        const { differing, fast } = await compare({
          input: corpus("speakeasy-go-openai"),
          ...options,
        });
        expect(differing).toEqual([]);
        expect(fast.stats.laidOutModules).toBeGreaterThan(fast.stats.modules * 0.9);
      }
    },
    300_000,
  );

  it("on names of every length around the 100-column boundaries", async () => {
    const pages: string[] = [];
    const name = (stem: string, length: number) =>
      `${stem}${"x".repeat(Math.max(0, length - stem.length))}`;
    for (let length = 4; length <= 96; length += 1) {
      const base = pages.length;
      const object = name("Obj", length);
      const member = name("Mem", length);
      const choice = name("Enu", length);
      const field = name("f", length);
      // Descriptions of every length, some with a line break; a quoted key now and then.
      const words = "word "
        .repeat(Math.ceil(length / 5))
        .slice(0, length)
        .trim();
      const suffix = length % 3 === 0 ? "<br/>second line" : "";
      const row = (cell: string, type: string, required: boolean) =>
        `| \`${cell}\` | ${type} | ${required ? ":heavy_check_mark:" : ":heavy_minus_sign:"} | ${words}${suffix} |`;
      pages.push(
        [
          `# ${object}`,
          "",
          "## Fields",
          "",
          "| Field | Type | Required | Description |",
          "| ----- | ---- | -------- | ----------- |",
          row(field, "*string*", true),
          row(`${field}B`, `[*components.${choice}](page${base + 2}.md)`, false),
          row(`${field}C`, `[][components.${member}](page${base + 1}.md)`, true),
          row(length % 7 === 0 ? `${field}-quoted` : `${field}D`, "map[string]*int64*", false),
          row(`${field}E`, `[components.${member}](page${base + 1}.md)`, true),
          "",
        ].join("\n"),
        [
          `# ${member}`,
          "",
          "## Fields",
          "",
          "| Field | Type | Required | Description |",
          "| ----- | ---- | -------- | ----------- |",
          row("Kind", `[components.${choice}](page${base + 2}.md)`, true),
          row(field, "**float64*", false),
          "",
        ].join("\n"),
        [
          `# ${choice}`,
          "",
          "## Values",
          "",
          "| Name | Value |",
          "| ---- | ----- |",
          `| \`${choice}One\` | ${name("v", length)} |`,
          `| \`${choice}Two\` | ${name("w", Math.max(1, 100 - length))} |`,
          "",
        ].join("\n"),
        [
          `# ${name("Uni", length)}`,
          "",
          "## Supported Types",
          "",
          ...[object, member].flatMap((type) => [
            `### ${type}`,
            "",
            "```go",
            `u := components.CreateU${type}(components.${type}{/* values here */})`,
            "```",
            "",
          ]),
        ].join("\n"),
      );
    }
    const { differing, fast } = await compare(
      { input: "/fuzz", out: "/fuzz-out" },
      memoryFs(pages),
    );
    expect(differing).toEqual([]);
    expect(fast.stats.modules).toBe(pages.length);
    // Both paths are taken: short names are laid out, the longest are left to prettier.
    expect(fast.stats.laidOutValidators).toBeGreaterThan(pages.length / 3);
    expect(fast.stats.laidOutValidators).toBeLessThan(pages.length);
    expect(fast.stats.laidOutModules).toBeGreaterThan(pages.length / 4);
    expect(fast.stats.laidOutModules).toBeLessThan(fast.stats.laidOutValidators);
  }, 120_000);
});

describe("isPrettierLayout", () => {
  it("accepts ASCII code whose lines fit, and over-long comments", () => {
    expect(isPrettierLayout(`export function f(v: unknown): boolean {\n  return true;\n}\n`)).toBe(
      true,
    );
    expect(isPrettierLayout(`/** ${"long comment ".repeat(20)}*/\nconst a = 1;\n`)).toBe(true);
  });

  it("rejects a line over 100 columns, a double quote in a string, and non-ASCII text", () => {
    expect(isPrettierLayout(`const a = ${"1 + ".repeat(30)}1;\n`)).toBe(false);
    expect(isPrettierLayout(`const a = "say \\"hi\\"";\n`)).toBe(false);
    expect(isPrettierLayout(`const a = "名前";\n`)).toBe(false);
  });
});

describe("the runtime files", () => {
  it("are in prettier's layout as docs2ts fills in its own templates, so they skip prettier", async () => {
    for (const options of [
      {},
      { maxIssues: 0, maxDepth: 1, unknownKeys: "reject", optionalUndefined: "reject" },
      { maxIssues: 123_456_789, maxDepth: 9_007_199_254_740_991, importExtension: ".ts" },
    ] as const)
      for (const file of runtimeFiles(resolveOptions({ input: "docs", ...options })))
        expect(await formatModule(file.text), file.path).toBe(file.text);
  });
});

describe("layoutCode", () => {
  const long = (stem: string) => `${stem}${"X".repeat(40)}`;
  const cases: Array<[string, string[]]> = [
    [
      "a shape list entry too wide: one element per line, an object inside broken again",
      [
        "export const $sA: DeclShape = {",
        'kind: "object",',
        `fields: [["${long("AccountExperienceCustomTranslations")}", 0, { arr: () => $s${long("Revision")} }], ["b", 1, { or: [() => $s${"R".repeat(69)}, "null"] }]],`,
        "};",
      ],
    ],
    [
      "a conditional whose object consequent is too wide",
      [
        "export function validateA(value: unknown): ValidationResult<A> {",
        `return $isA(value, 0) ? { success: true, value: value as ${long("CreateThreadRequestChunkingStrategy")} } : $collect(value, $sA);`,
        "}",
      ],
    ],
    [
      "an operand of a chain that is a chain in parentheses",
      [
        "function f(o: object, x: unknown, foreign: boolean): boolean {",
        `if (typeof x !== "string" || ((foreign || "${long("DeviceAuthorization")}" in $objectProto) && !$own(o, "${long("DeviceAuthorization")}"))) return false;`,
        "return true;",
        "}",
      ],
    ],
    [
      "a signature and a schema assignment whose first line cannot break",
      [
        `export function is${long(long("ListPartnersFieldsResponse"))}(value: unknown): value is A {`,
        "return true;",
        "}",
        `export const ${long(long("ListPartnersFieldsResponse"))}Schema: StandardSchemaV1<unknown, ${long("A")}> = $standard(validateA);`,
      ],
    ],
  ];
  for (const [name, lines] of cases)
    it(`lays out ${name} as prettier does`, async () => {
      const flat = `${lines.join("\n")}\n`;
      const laidOut = layoutCode(flat);
      expect(isPrettierLayout(laidOut)).toBe(true);
      expect(laidOut).toBe(await formatModule(flat));
    });

  it("leaves a chain nested twice in parentheses to prettier", () => {
    const flat = `if (a || (b && (c || "${long(long("Key"))}" in o))) return false;\n`;
    expect(isPrettierLayout(layoutCode(flat))).toBe(false);
  });
});

describe("layoutTypes", () => {
  it("breaks a wide import one name per line, as prettier does", async () => {
    const names = Array.from({ length: 12 }, (_, index) => `name${index}`).join(", ");
    const printed = `import { ${names} } from "./somewhere.js";\n`;
    const laidOut = layoutTypes(printed);
    expect(laidOut?.split("\n").length).toBe(15);
    expect(laidOut).toBe(await formatModule(printed));
  });

  it("re-indents ts-morph's 4 spaces to 2, JSDoc included, and ends an empty body on its line", async () => {
    const printed = [
      "export interface A {",
      "    /**",
      "     * First line, ending in a Markdown line break.   ",
      "     * Second line, with one trailing space. ",
      "     *  ",
      "     */",
      "    b?: string | null;",
      "}",
      "",
      "export interface Empty {",
      "}",
      "",
    ].join("\n");
    const laidOut = layoutTypes(printed);
    expect(laidOut).toContain("export interface Empty {}");
    expect(laidOut).toBe(await formatModule(printed));
  });

  it("leaves to prettier what it does not know: quoted keys, quotes in strings, non-ASCII", () => {
    expect(layoutTypes('export interface A {\n    "a-b": string;\n}\n')).toBeUndefined();
    expect(layoutTypes('export type A = "say \\"hi\\"";\n')).toBeUndefined();
    expect(layoutTypes('export type A = "名前";\n')).toBeUndefined();
    expect(layoutTypes(`export type A = Record<string, ${"B".repeat(100)}>;\n`)).toBeUndefined();
  });

  it("breaks a wide alias of one name or string, and a wide property's union, as prettier does", async () => {
    const name = "T".repeat(50);
    for (const printed of [
      `export type ${name} = ${"E".repeat(50)};\n`,
      `export type ${name} = "${"s".repeat(50)}";\n`,
      `export interface A {\n    ${"f".repeat(46)}?: ${"E".repeat(45)} | Other;\n}\n`,
      `export interface A {\n    ${"f".repeat(46)}?: ${"E".repeat(45)} | undefined;\n}\n`,
      `export interface A {\n    ${"f".repeat(46)}?: "${"a".repeat(40)}" | "${"b".repeat(40)}" | "c";\n}\n`,
    ]) {
      const laidOut = layoutTypes(printed);
      expect(laidOut, printed).toBeDefined();
      expect(laidOut).toBe(await formatModule(printed));
    }
    // Prettier keeps `Name | null` on the property's line however wide: left to prettier.
    expect(
      layoutTypes(`export interface A {\n    ${"f".repeat(46)}?: ${"E".repeat(45)} | null;\n}\n`),
    ).toBeUndefined();
  });

  it("lays out JSDoc with non-ASCII text and quotes as prettier does: it keeps comment text", async () => {
    const printed = [
      "export interface A {",
      "    /**",
      '     * The key\'s fingerprint — hex(SHA-256) of the “public” key, \\"quoted\\"; 名前 §4.1.',
      "     */",
      "    b?: string;",
      "}",
      "",
    ].join("\n");
    const laidOut = layoutTypes(printed);
    expect(laidOut).toBeDefined();
    expect(laidOut).toBe(await formatModule(printed));
    expect(isPrettierLayout(`/** — “名前” \\"x\\" */\nconst a = "x";\n`)).toBe(true);
    // The same text in code still goes to prettier, and so does a string that only looks like a comment.
    expect(isPrettierLayout(`const a = "/* — */";\n`)).toBe(false);
    expect(isPrettierLayout(`/* unclosed —\nconst a = 1;\n`)).toBe(false);
  });
});
