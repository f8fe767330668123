/**
 * `docs2ts report`: properties typed `unknown` counted by cause, the unread share, the most frequent
 * unread spellings, and the text table.
 */
import { describe, expect, it } from "vitest";
import { diagnosticAt, type Diagnostic } from "../../src/core/diagnostics.js";
import type { Decl, TypeRef } from "../../src/core/model.js";
import {
  formatReports,
  reportFolder,
  unknownCause,
  unreadSpellings,
  type FolderReport,
} from "../../src/commands/report.js";
import { tempDir, writeTree } from "../support/helpers.js";

const WIDGET = `# Widget

## Fields

| Field | Type | Required | Description |
| ----- | ---- | -------- | ----------- |
| \`a\` | *any* | :heavy_check_mark: | any value |
| \`b\` | *Foo<Bar>* | :heavy_check_mark: | unread |
| \`c\` | [Gadget](gadget.md) | :heavy_check_mark: | undocumented |
| \`d\` | [HttpResponse](https://example.com/x) | :heavy_check_mark: | external |
| \`e\` | *string* | :heavy_check_mark: | plain |
| \`f\` | List<[Gadget](gadget.md)> | :heavy_minus_sign: | undocumented list |
| \`g\` | *Foo<Bar>* | :heavy_minus_sign: | unread again |
| \`h\` | *Baz[Qux]* | :heavy_minus_sign: | unread other |
| \`i\` | [Thing](thing.md) | :heavy_minus_sign: | documented |
| \`j\` | *Map<string, any>* | :heavy_minus_sign: | map of any |
`;

const THING = `# Thing

## Fields

| Field | Type | Required | Description |
| ----- | ---- | -------- | ----------- |
| \`id\` | *string* | :heavy_check_mark: | id |
`;

async function widgetReport(): Promise<FolderReport> {
  const root = tempDir("docs2ts-report-");
  writeTree(root, {
    "models/widget.md": WIDGET,
    "models/gadget.md": "# Gadget\n",
    "models/thing.md": THING,
  });
  return reportFolder({ input: root });
}

describe("report", () => {
  it("counts unknown properties by cause and lists the unread spellings", async () => {
    const report = await widgetReport();
    expect(report.fields).toBe(11);
    expect(report.unknownFields).toEqual({ any: 2, external: 1, undocumented: 2, unread: 3 });
    expect(report.unreadShare).toBeCloseTo(3 / 11);
    expect(report.unreadSpellings).toEqual([
      { spelling: "Foo<Bar>", count: 2 },
      { spelling: "Baz[Qux]", count: 1 },
    ]);
  });

  it("prints the causes in the table and the spellings under the diagnostics", async () => {
    const report = await widgetReport();
    const text = formatReports([{ ...report, input: "/tmp/docs/widgets/" }]);
    expect(text).toBe(
      [
        "folder   family    pages  objects  enums  unions  fields  errors  warnings  any  external  undocumented  unread  unread %",
        "widgets  SDK docs      3        2      0       1      11       0         5    2         1             2       3    27.27%",
        "",
        "widgets:",
        "  warning:external-type            1",
        "  warning:undocumented-model       1",
        "  warning:unknown-type             3",
        "  unread: 2 × `Foo<Bar>`",
        "  unread: 1 × `Baz[Qux]`",
        "",
      ].join("\n"),
    );
  });

  it("quotes a spelling that holds backticks with a longer fence", async () => {
    const report = await widgetReport();
    const text = formatReports([
      {
        ...report,
        unreadSpellings: [
          { spelling: '`"backoff"', count: 12 },
          { spelling: "a", count: 3 },
        ],
      },
    ]);
    expect(text).toContain('\n  unread: 12 × `` `"backoff" ``\n  unread:  3 × `a`\n');
  });

  it("lists ten skipped pages per folder, and every one with --verbose", async () => {
    const report = await widgetReport();
    const skipped = Array.from({ length: 12 }, (_, i) => ({
      file: `p${String(i).padStart(2, "0")}.md`,
      line: 1,
      message: "a page of one property",
    }));
    const lines = (verbose: boolean) =>
      formatReports([{ ...report, skipped }], { verbose })
        .split("\n")
        .filter((line) => line.startsWith("  skipped: "));
    expect(lines(false)).toHaveLength(11);
    expect(lines(false)[9]).toBe("  skipped: p09.md:1: a page of one property");
    expect(lines(false)[10]).toBe("  skipped: ... and 2 more (--verbose lists every one)");
    expect(lines(true)).toHaveLength(12);
  });

  it("labels two folders of one name by their parents", async () => {
    const report = await widgetReport();
    const text = formatReports([
      { ...report, input: "/tmp/a/docs" },
      { ...report, input: "/tmp/b/docs/" },
      { ...report, input: "/tmp/widgets" },
    ]);
    const labels = text.split("\n").filter((line) => /^\S+:$/.test(line));
    expect(labels).toEqual(["a/docs:", "b/docs:", "widgets:"]);
  });

  it("keeps the JSON form of a report equal to its data", async () => {
    const report = await widgetReport();
    const parsed = JSON.parse(JSON.stringify(report)) as FolderReport;
    expect(parsed.unknownFields).toEqual(report.unknownFields);
    expect(parsed.unreadSpellings).toEqual(report.unreadSpellings);
  });
});

describe("unknownCause", () => {
  const origin = { file: "x.md", line: 1, column: 1, endLine: 1, endColumn: 2 };
  const alias = (id: string, type: TypeRef): Decl => ({
    id,
    name: id,
    kind: "union",
    members: [{ type, origin }],
    origin,
  });
  const decls = new Map<string, Decl>(
    [
      alias("gadget", { kind: "unknown", reason: "undocumented" }),
      alias("gizmo", { kind: "ref", name: "Gadget", target: "gadget" }),
      alias("loop", { kind: "ref", name: "Loop", target: "loop" }),
      alias("anything", { kind: "unknown", reason: "any" }),
    ].map((d) => [d.id, d]),
  );
  const cause = (type: TypeRef) => unknownCause(type, decls);
  const nullable = (type: TypeRef): TypeRef => ({
    kind: "union",
    members: [type, { kind: "null" }],
  });

  it("reads the reason of unknown, through null, arrays and maps", () => {
    expect(cause({ kind: "unknown", reason: "any" })).toBe("any");
    expect(cause({ kind: "unknown", reason: "external" })).toBe("external");
    expect(cause({ kind: "unknown", reason: "unrecognised" })).toBe("unread");
    expect(cause({ kind: "unknown" })).toBe("unread");
    expect(cause(nullable({ kind: "unknown", reason: "external" }))).toBe("external");
    expect(cause({ kind: "array", items: nullable({ kind: "unknown", reason: "any" }) })).toBe(
      "any",
    );
    expect(cause({ kind: "map", values: { kind: "unknown", reason: "undocumented" } })).toBe(
      "undocumented",
    );
    expect(cause(nullable({ kind: "string" }))).toBeUndefined();
    expect(cause({ kind: "open-object" })).toBeUndefined();
  });

  it("counts refs to undocumented declarations and unresolved refs", () => {
    expect(cause({ kind: "ref", name: "Gadget", target: "gadget" })).toBe("undocumented");
    expect(cause({ kind: "ref", name: "Gizmo", target: "gizmo" })).toBe("undocumented");
    expect(cause({ kind: "ref", name: "Loop", target: "loop" })).toBeUndefined();
    expect(cause({ kind: "ref", name: "Anything", target: "anything" })).toBeUndefined();
    expect(cause({ kind: "ref", name: "Missing" })).toBe("unread");
  });

  it("gives a union with several members the first cause in column order", () => {
    const union: TypeRef = {
      kind: "union",
      members: [
        { kind: "unknown", reason: "any" },
        { kind: "string" },
        { kind: "unknown", reason: "unrecognised" },
      ],
    };
    expect(cause(union)).toBe("unread");
    expect(cause({ kind: "union", members: [{ kind: "string" }, { kind: "number" }] })).toBe(
      undefined,
    );
  });
});

describe("unreadSpellings", () => {
  const warning = (spelling: string): Diagnostic =>
    diagnosticAt(
      { file: "x.md", line: 1, column: 1 },
      "warning",
      "unknown-type",
      `Unexpected type \`${spelling}\`, expected a primitive, a list, a map or a link to a model; using \`unknown\``,
    );

  it("counts spellings, most frequent first, ties in code-point order, at most ten", () => {
    const spellings = ["b", "a", "B", "a", "`x`", ...Array.from({ length: 12 }, (_, i) => `t${i}`)];
    const top = unreadSpellings([
      ...spellings.map(warning),
      { ...warning("ignored"), ruleId: "external-type" },
    ]);
    expect(top.slice(0, 5)).toEqual([
      { spelling: "a", count: 2 },
      { spelling: "B", count: 1 },
      { spelling: "`x`", count: 1 },
      { spelling: "b", count: 1 },
      { spelling: "t0", count: 1 },
    ]);
    expect(top).toHaveLength(10);
  });
});
