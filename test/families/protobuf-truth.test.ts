/**
 * The protoc-gen-doc folder of ../shared/families against the `.proto` files it was made from
 * (../shared/specs/): every message with fields is found, at least 97% of the fields are named and
 * typed as the proto3 JSON mapping says (lowerCamelCase names; 64-bit integers and bytes as strings,
 * enums and messages as references to their declarations, well-known types as their JSON; types
 * that no page documents as `unknown`), every enum value is there; and as a user would see it, the
 * run has no errors, its output passes strict tsc and under 1% of properties are unread.
 *
 * The page was generated from an older state of the `.proto` files than the one kept beside it: some
 * messages, fields and enum values are not on the page at all, and some rows show another type. The
 * test tells those apart by reading the page's raw rows itself (its own regular expressions, not
 * docs2ts), asserts on what the page does show, and prints the figures against the `.proto` files as
 * they are.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { anchorOfId } from "../../src/core/decl-ref.js";
import type { Decl, TypeRef } from "../../src/core/model.js";
import { reportFolder } from "../../src/commands/report.js";
import { generate, type GenerateResult } from "../../src/pipeline/generate.js";
import { DEFAULT_LIMITS } from "../../src/core/options.js";
import { preparePage, readSourcePage } from "../../src/pipeline/read-source.js";
import { describeShared, SHARED, strictTypeErrors } from "../support/helpers.js";
import {
  readProto,
  type ProtoEnum,
  type ProtoField,
  type ProtoMessage,
} from "../support/proto-reader.js";

const FOLDER = join(SHARED, "families", "protoc-gen-doc-ununifi");
const PROTOS = join(SHARED, "specs", "ununifi-proto");

/** The proto3 JSON mapping of the scalar types, written out here rather than taken from src/. */
const SCALARS: Record<string, string> = {
  double: "number",
  float: "number",
  int32: "number",
  sint32: "number",
  sfixed32: "number",
  uint32: "number",
  fixed32: "number",
  int64: "string",
  sint64: "string",
  sfixed64: "string",
  uint64: "string",
  fixed64: "string",
  bool: "boolean",
  string: "string",
  bytes: "string",
};

/** The mapping of the well-known types this test knows by full name. */
const WELL_KNOWN: Record<string, string> = {
  "google.protobuf.Timestamp": "string(date-time)",
  "google.protobuf.Duration": "string",
  "google.protobuf.Any": "ref:google.protobuf.any",
  "google.protobuf.Struct": "object",
  "google.protobuf.Value": "any",
  "google.protobuf.Empty": "object",
  "google.protobuf.StringValue": "string|null",
  "google.protobuf.Int64Value": "string|null",
  "google.protobuf.BoolValue": "boolean|null",
};

function protoFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? protoFiles(join(dir, entry.name))
      : entry.name.endsWith(".proto")
        ? [join(dir, entry.name)]
        : [],
  );
}

/** A docs type as one comparable string (`array<ref:pkg.message>`, `string(date-time)`). */
function describe(type: TypeRef): string {
  switch (type.kind) {
    case "string":
      return type.format ? `string(${type.format})` : "string";
    case "number":
    case "boolean":
    case "null":
      return type.kind;
    case "array":
      return `array<${describe(type.items)}>`;
    case "map":
      return `map<${describe(type.values)}>`;
    case "union":
      return type.members.map(describe).join("|");
    case "open-object":
      return "object";
    case "unknown":
      return type.reason === "any" ? "any" : "unknown";
    case "literal":
      return JSON.stringify(type.value);
    case "ref":
      return type.target === undefined ? "unknown" : `ref:${anchorOfId(type.target)}`;
  }
}

const jsonName = (name: string) => name.replace(/_(.)/g, (_, c: string) => c.toUpperCase());

/** The full name a type written in `scope` (a message's full name) means, by protobuf's scoping. */
function resolveName(written: string, scope: string, known: ReadonlySet<string>): string {
  if (written.startsWith(".")) return written.slice(1);
  const parts = scope.split(".");
  for (let n = parts.length; n >= 0; n -= 1) {
    const candidate = [...parts.slice(0, n), written].join(".");
    if (known.has(candidate)) return candidate;
  }
  return written;
}

/** What the mapping says a field's JSON is, as `describe` writes it. */
function expectedType(field: ProtoField, scope: string, documented: ReadonlySet<string>): string {
  const value = (written: string): string => {
    if (Object.hasOwn(SCALARS, written)) return SCALARS[written] as string;
    if (Object.hasOwn(WELL_KNOWN, written)) return WELL_KNOWN[written] as string;
    const full = resolveName(written, scope, documented);
    return documented.has(full) ? `ref:${full.toLowerCase()}` : "unknown";
  };
  if (field.map) return `map<${value(field.type)}>`;
  return field.label === "repeated" ? `array<${value(field.type)}>` : value(field.type);
}

/** A row of the page as written: its type cell's text (the link text) and its label. */
interface PageRow {
  type: string;
  label: string;
}

/**
 * The rows of each section of a protoc-gen-doc page, by the section's anchor (lowercase) and the
 * row's first cell (field or value name), read with regular expressions over the raw Markdown.
 */
function pageRows(text: string): Map<string, Map<string, PageRow>> {
  const sections = new Map<string, Map<string, PageRow>>();
  let rows: Map<string, PageRow> | undefined;
  for (const line of text.split("\n")) {
    const anchor = /^<a name="([^"]+)"><\/a>/.exec(line)?.[1];
    if (anchor !== undefined) {
      rows = new Map();
      sections.set(anchor.toLowerCase(), rows);
      continue;
    }
    const cells = /^\|(.*)\|\s*$/
      .exec(line)?.[1]
      ?.split("|")
      .map((cell) => cell.trim());
    if (!rows || !cells || cells.length < 2) continue;
    const name = (cells[0] as string).replace(/`/g, "");
    const type = (cells[1] as string).replace(/^\[([^\]]*)\]\(.*\)$/, "$1");
    rows.set(name, { type, label: cells[2] ?? "" });
  }
  return sections;
}

/** Whether the page's row shows the field as the `.proto` file declares it (same type, same label). */
function sameOnPage(field: ProtoField, row: PageRow | undefined): boolean {
  if (!row) return false;
  const last = (name: string) => name.split(".").pop();
  if (field.map) return /Entry$/.test(row.type) && row.label === "repeated";
  return (
    last(row.type) === last(field.type) &&
    (row.label === "repeated") === (field.label === "repeated")
  );
}

describeShared("protoc-gen-doc docs against their .proto files", () => {
  const messages: ProtoMessage[] = [];
  const enums: ProtoEnum[] = [];
  let result: GenerateResult;
  let byAnchor: Map<string, Decl>;

  beforeAll(async () => {
    for (const file of protoFiles(PROTOS).sort()) {
      const read = readProto(readFileSync(file, "utf8"));
      messages.push(...read.messages);
      enums.push(...read.enums);
    }
    result = await generate({ input: FOLDER, cache: false });
    byAnchor = new Map(result.decls.map((decl) => [anchorOfId(decl.id) ?? decl.id, decl]));
  }, 300_000);

  it("finds every message with fields, and names and types at least 97% of the fields", () => {
    const rows = pageRows(readFileSync(join(FOLDER, "proto-docs.md"), "utf8"));
    const documented = new Set(
      [...messages, ...enums].map((m) => m.fullName).filter((n) => byAnchor.has(n.toLowerCase())),
    );
    const withFields = messages.filter((m) => m.fields.length > 0);
    const onPage = withFields.filter((m) => rows.has(m.fullName.toLowerCase()));
    const missing = onPage.filter((m) => byAnchor.get(m.fullName.toLowerCase())?.kind !== "object");
    const all = { fields: 0, wrong: 0 };
    const shown = { fields: 0, wrong: [] as string[] };
    for (const message of onPage) {
      const decl = byAnchor.get(message.fullName.toLowerCase());
      const section = rows.get(message.fullName.toLowerCase());
      for (const field of message.fields) {
        const found =
          decl?.kind === "object"
            ? decl.fields.find((f) => f.name === jsonName(field.name))
            : undefined;
        const want = expectedType(field, message.fullName, documented);
        const got = found ? describe(found.type) : "no field";
        const right = got === want && found?.required === (field.label === "required");
        all.fields += 1;
        if (!right) all.wrong += 1;
        if (!sameOnPage(field, section?.get(field.name))) continue;
        shown.fields += 1;
        if (!right)
          shown.wrong.push(`${message.fullName}.${field.name}: docs ${got}, .proto ${want}`);
      }
    }
    const share = 1 - shown.wrong.length / shown.fields;
    const pct = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;
    console.log(
      [
        `protoc-gen-doc: ${withFields.length} messages with fields in the .proto files, ${onPage.length} on the page, ${onPage.length - missing.length} found`,
        `  fields the page shows as the .proto declares them: ${shown.fields - shown.wrong.length}/${shown.fields} named and typed as the mapping says (${pct(shown.fields - shown.wrong.length, shown.fields)})`,
        `  every field of those messages, as the .proto files are now: ${all.fields - all.wrong}/${all.fields} (${pct(all.fields - all.wrong, all.fields)}; the rest differ on the page itself)`,
        ...shown.wrong.slice(0, 15).map((w) => `  ${w}`),
      ].join("\n"),
    );
    expect(onPage.length).toBeGreaterThan(100);
    expect(missing.map((m) => m.fullName)).toEqual([]);
    expect(shown.fields).toBeGreaterThan(250);
    expect(share, shown.wrong.slice(0, 30).join("\n")).toBeGreaterThanOrEqual(0.97);
  });

  it("has every value of every enum the page shows", () => {
    const rows = pageRows(readFileSync(join(FOLDER, "proto-docs.md"), "utf8"));
    const absent: string[] = [];
    let checked = 0;
    for (const protoEnum of enums) {
      const section = rows.get(protoEnum.fullName.toLowerCase());
      if (!section) continue;
      const decl = byAnchor.get(protoEnum.fullName.toLowerCase());
      const values = decl?.kind === "enum" ? decl.members.map((m) => m.value) : [];
      for (const value of protoEnum.values) {
        if (!section.has(value)) continue;
        checked += 1;
        if (!values.includes(value)) absent.push(`${protoEnum.fullName}.${value}`);
      }
    }
    expect(checked).toBeGreaterThan(5);
    expect(absent).toEqual([]);
  });

  it("runs without errors, and its output passes strict tsc", () => {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(strictTypeErrors(result.files)).toEqual([]);
  }, 120_000);

  it("reads the same with section skipping on and off", async () => {
    const page = {
      file: "proto-docs.md",
      text: readFileSync(join(FOLDER, "proto-docs.md"), "utf8"),
    };
    await preparePage(page);
    const read = (wholePages: boolean) =>
      readSourcePage(page, { limits: DEFAULT_LIMITS, read: {}, family: "protobuf", wholePages })
        .result;
    expect(read(false)).toEqual(read(true));
  }, 120_000);

  it("leaves under 1% of properties unread", async () => {
    const report = await reportFolder({ input: FOLDER, cache: false });
    expect(report.fields).toBeGreaterThan(1000);
    expect(report.unreadShare).toBeLessThan(0.01);
  }, 300_000);
});
