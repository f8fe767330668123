/**
 * Issue 17, what generate and check say: a `stale-output` diagnostic per stale file at its first
 * differing line; each page skipped as not a model named with what it lacked (a table without a type
 * column is a warning at the table); the one `sdk-field-names` note of a run over docs that spell
 * fields as an SDK does; character references decoded in page introductions too.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check, writeOutput } from "../../src/pipeline/api.js";
import { generate } from "../../src/pipeline/generate.js";
import type { GenerateOptions } from "../../src/core/options.js";
import { formatReports, reportFolder } from "../../src/commands/report.js";
import { firstDifference, staleOutputDiagnostics } from "../../src/write/stale.js";
import { tempDir, writeTree } from "../support/helpers.js";

const goPage = (title: string, rows: string[], intro = "") =>
  [
    `# ${title}`,
    "",
    ...(intro ? [intro, ""] : []),
    "## Fields",
    "",
    "| Field | Type | Required | Description |",
    "| ----- | ---- | -------- | ----------- |",
    ...rows,
    "",
  ].join("\n");

const GO_PET = goPage("Pet", [
  "| `ID` | *string* | :heavy_check_mark: | The id. |",
  "| `CreatedAt` | *int64* | :heavy_minus_sign: | When. |",
]);

describe("firstDifference", () => {
  it.each([
    ["a\nbcd\n", "a\nbxd\n", { line: 2, column: 2 }],
    ["a\n", "a\nb\n", { line: 2, column: 1 }],
    ["a\nb\n", "a\n", { line: 2, column: 1 }],
    ["same", "same", { line: 1, column: 1 }],
  ])("%j vs %j", (written, wanted, want) => {
    expect(firstDifference(written, wanted)).toEqual(want);
  });
});

describe("stale-output diagnostics", () => {
  it("one error per missing, stale and extra file, at the first differing line", () => {
    const found = staleOutputDiagnostics(
      "gen/",
      {
        added: [{ path: "new.ts", content: "x\n" }],
        changed: [
          {
            path: "a/pet.ts",
            previous: "// top\nconst a = 1;\n",
            content: "// top\nconst a = 2;\n",
          },
        ],
        removed: [{ path: "old.ts", content: "y\n" }],
        unchanged: 3,
      },
      "npm run generate",
    );
    expect(found).toEqual([
      {
        file: "gen/new.ts",
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        severity: "error",
        ruleId: "stale-output",
        message:
          "Unexpected missing file, expected the file generate writes; run `npm run generate`",
      },
      {
        file: "gen/a/pet.ts",
        line: 2,
        column: 11,
        endLine: 2,
        endColumn: 11,
        severity: "error",
        ruleId: "stale-output",
        message: "Unexpected `const a = 1;`, expected `const a = 2;`; run `npm run generate`",
      },
      expect.objectContaining({ file: "gen/old.ts", line: 1, column: 1, ruleId: "stale-output" }),
    ]);
    expect(found[2]?.message).toMatch(/^Unexpected file that generate no longer writes/);
  });

  it("check() returns them beside the diffs, and none when the output is current", async () => {
    const root = tempDir("docs2ts-stale-");
    writeTree(root, { "docs/pet.md": GO_PET });
    const options = { input: join(root, "docs"), out: join(root, "gen"), cache: false };
    await writeOutput(options);
    expect((await check(options)).stale).toEqual([]);
    writeFileSync(join(root, "docs/pet.md"), GO_PET.replace("The id.", "The pet's id."));
    const status = await check(options);
    expect(status.stale).toHaveLength(1);
    expect(status.stale[0]).toMatchObject({
      file: `${join(root, "gen")}/pet.ts`,
      ruleId: "stale-output",
    });
    const line = readFileSync(join(root, "gen/pet.ts"), "utf8").split("\n")[
      status.stale[0]!.line - 1
    ];
    expect(line).toContain("The id.");
    expect(status.stale[0]?.message).toContain("expected `/** The pet's id. */`");
  });
});

describe("pages skipped as not models", () => {
  it("names what each lacked; a table without a type column is a warning at the table", async () => {
    const root = tempDir("docs2ts-skipped-");
    writeTree(root, {
      "pet.md": GO_PET,
      "README.md": "# Models\n\nAn index.\n",
      "PetApi.md": "# PetApi\n\n## List\n\nText.\n",
      "guide.md": "# Guide\n\n## Install\n\nText.\n\n## Usage\n\nMore.\n",
      "owner.md":
        "# Owner\n\n| Field | Class | Notes |\n| --- | --- | --- |\n| name | text | x |\n",
      "later.md": "# Later\n\n## Schema\n\n| Name | Type |\n| --- | --- |\n| a | string |\n",
    });
    const result = await generate({ input: root, cache: false });
    const skipped = result.diagnostics.filter((d) => d.ruleId === "not-a-model");
    expect(skipped.map((d) => [d.file, d.line, d.severity, d.message])).toEqual([
      [
        "PetApi.md",
        1,
        "info",
        "Unexpected API operations page (`PetApi.md`), expected a model page; skipped",
      ],
      [
        "README.md",
        1,
        "info",
        "Unexpected index page (`README.md`), expected a model page; skipped",
      ],
      [
        "guide.md",
        1,
        "info",
        "Unexpected page without a field table or `## Fields`, `## Properties`, `## Values`, `## Enum` or `## Supported Types` (its sections: `Install`, `Usage`), expected a model page; skipped",
      ],
      [
        "later.md",
        5,
        "info",
        "Unexpected field table under `## Schema`, expected it under `## Fields`, `## Properties`, `## Values`, `## Enum` or `## Supported Types` (or, in hand-written pages, before the first `##`); page skipped",
      ],
      [
        "owner.md",
        3,
        "warning",
        "Unexpected table with columns `Field`, `Class`, `Notes` and no type column (`Type`, `Kind`, `Data type`, ...), expected a field table with a name and a type column; page skipped",
      ],
    ]);
  });

  it("report lists the pages skipped for their content, not README.md or *Api.md", async () => {
    const root = tempDir("docs2ts-skipped-report-");
    writeTree(root, {
      "pet.md": GO_PET,
      "README.md": "# Models\n",
      "guide.md": "# Guide\n\n## Usage\n\nText.\n",
    });
    const report = await reportFolder({ input: root });
    expect(report.skipped.map((s) => s.file)).toEqual(["guide.md"]);
    expect(formatReports([report])).toContain(
      "\n  skipped: guide.md:1: Unexpected page without a field table",
    );
  });
});

describe("the sdk-field-names note", () => {
  const run = async (pages: Record<string, string>, fieldNames?: "snake_case") => {
    const root = tempDir("docs2ts-sdk-names-");
    writeTree(root, pages);
    const result = await generate({
      input: root,
      cache: false,
      ...(fieldNames ? { fieldNames } : {}),
    });
    return result.diagnostics.filter((d) => d.ruleId === "sdk-field-names");
  };

  it("says once per run, at the first such field, which flavour spells names as an SDK", async () => {
    const notes = await run({ "a/pet.md": GO_PET, "b/toy.md": GO_PET.replace("# Pet", "# Toy") });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ file: "a/pet.md", line: 7, column: 3, severity: "info" });
    expect(notes[0]?.message).toContain("(`ID`, `CreatedAt`, ...) on 2 pages read as speakeasy-go");
    expect(notes[0]?.message).toContain("--field-names snake_case or camelCase");
    expect(notes[0]?.message).toContain('"overrides"');
  });

  it("is silent under another fieldNames mode, for snake_case names, and for hand-written tables", async () => {
    expect(await run({ "pet.md": GO_PET }, "snake_case")).toEqual([]);
    expect(
      await run({
        "pet.md": GO_PET.replace("`ID`", "`id`").replace("`CreatedAt`", "`created_at`"),
      }),
    ).toEqual([]);
    const handWritten =
      "# Pet\n\n| Field | Type | Description |\n| --- | --- | --- |\n| petId | string | The id. |\n";
    expect(await run({ "pet.md": handWritten })).toEqual([]);
  });
});

describe("the sdk-field-names note under snake_case: a digit after a letter", () => {
  const PARCEL = goPage("Parcel", [
    "| `ShipDate` | *string* | :heavy_check_mark: | The day. |",
    "| `Label2` | *string* | :heavy_minus_sign: | A second label. |",
    "| `Zip4Code` | *string* | :heavy_minus_sign: | The ZIP+4 code. |",
  ]);
  const notes = async (pages: Record<string, string>, options: GenerateOptions = {}) => {
    const root = tempDir("docs2ts-digits-");
    writeTree(root, pages);
    const result = await generate({ input: root, cache: false, ...options });
    return result.diagnostics.filter((d) => d.ruleId === "sdk-field-names");
  };

  it("says once, at the first such field, how snake_case writes them", async () => {
    const [note, ...rest] = await notes({ "parcel.md": PARCEL }, { fieldNames: "snake_case" });
    expect(rest).toEqual([]);
    expect(note).toMatchObject({ file: "parcel.md", line: 8, column: 3, severity: "info" });
    expect(note?.message).toContain(
      "in 2 SDK field names (`Label2` as `label2`, `Zip4Code` as `zip4_code`)",
    );
    expect(note?.message).toContain('"overrides"');
  });

  it("leaves out fields an override names, and is silent for JSON names and other modes", async () => {
    const overrides = { "parcel.md": { fields: { Label2: { name: "label_2" } } } };
    const [note] = await notes({ "parcel.md": PARCEL }, { fieldNames: "snake_case", overrides });
    expect(note?.message).toContain("in 1 SDK field name (`Zip4Code` as `zip4_code`)");
    const json = PARCEL.replace("`ShipDate`", "`ship_date`")
      .replace("`Label2`", "`label_2`")
      .replace("`Zip4Code`", "`zip4`");
    expect(await notes({ "parcel.md": json }, { fieldNames: "snake_case" })).toEqual([]);
    expect(await notes({ "parcel.md": PARCEL }, { fieldNames: "camelCase" })).toEqual([]);
  });
});

describe("page introductions", () => {
  it("decode character references and backslash escapes as description cells do", async () => {
    const root = tempDir("docs2ts-intro-");
    writeTree(root, {
      "pet.md": goPage(
        "Pet",
        ["| `ID` | *string* | :heavy_check_mark: | N/A |"],
        "The pet&#39;s record, see &#x60;ID&#x60; and \\*stars\\*.",
      ),
    });
    const result = await generate({ input: root, cache: false });
    const pet = result.decls.find((decl) => decl.name === "Pet");
    expect(pet?.description).toBe("The pet's record, see `ID` and *stars*.");
  });
});
