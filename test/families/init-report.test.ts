/**
 * `init` names the families that read a docs folder's pages (with counts when several), and `report`
 * has a `family` column: the family that reads most of the folder's pages. Pages of two families
 * (jsonschema2md and protoc-gen-doc), written for this test.
 */
import { describe, expect, it } from "vitest";
import { initProject } from "../../src/commands/init.js";
import { formatReports, reportFolder } from "../../src/commands/report.js";
import { countFamilies, rankFamilies } from "../../src/families/registry.js";
import { tempDir, writeTree } from "../support/helpers.js";

/** A jsonschema2md page of an object schema with one string property. */
const schemaPage = (name: string, property: string) => `# ${name} Schema

\`\`\`txt
https://example.test/schemas/${name}.schema.json
\`\`\`

A ${name.toLowerCase()} in the depot.

## ${name} Type

\`object\` ([${name}](${name.toLowerCase()}.md))

# ${name} Properties

| Property | Type | Required | Nullable | Defined by |
| :-- | :-- | :-- | :-- | :-- |
| [${property}](#${property}) | \`string\` | Required | cannot be null | [${name}](${name.toLowerCase()}-properties-${property}.md "https://example.test/schemas/${name}.schema.json#/properties/${property}") |

## ${property}

\`${property}\`

* is required

* Type: \`string\`

* cannot be null
`;

/** A protoc-gen-doc page of one message. */
const PROTO_PAGE = `# Protocol Documentation

<a name="top"></a>

## depot/v1/forklift.proto

<a name="depot.v1.Forklift"></a>

### Forklift

| Field | Type | Label | Description |
| ----- | ---- | ----- | ----------- |
| forklift_id | [uint64](#uint64) |  | The forklift's number. |
| driver | [string](#string) |  |  |

## Scalar Value Types

| .proto Type | Notes | C++ | Java |
| ----------- | ----- | --- | ---- |
| <a name="string" /> string | A string. | string | String |
| <a name="uint64" /> uint64 | An integer. | uint64 | long |
`;

/** A project whose docs/ holds two jsonschema2md pages and, in proto/, one protoc-gen-doc page. */
function mixedProject(): string {
  const project = tempDir("docs2ts-families-");
  writeTree(project, {
    "package.json": '{ "name": "depot", "type": "module" }\n',
    "docs/schemas/crate.md": schemaPage("Crate", "barcode"),
    "docs/schemas/pallet.md": schemaPage("Pallet", "bay"),
    "docs/proto/forklift.md": PROTO_PAGE,
  });
  return project;
}

describe("families in init and report", () => {
  it("counts pages per family, most pages first", () => {
    const counts = countFamilies(["protobuf", "json-schema-docs", "json-schema-docs"]);
    expect(counts).toEqual({ "json-schema-docs": 2, protobuf: 1 });
    expect(rankFamilies(counts).map(({ family, pages }) => [family.id, pages])).toEqual([
      ["json-schema-docs", 2],
      ["protobuf", 1],
    ]);
    expect(rankFamilies({})).toEqual([]);
  });

  it("init names each family that reads the folder's pages, with counts when several", async () => {
    const project = mixedProject();
    const run = await initProject({ cwd: project, input: "docs" });
    expect(run.code).toBe(0);
    expect(run.surveys[0]?.families).toEqual({ "json-schema-docs": 2, protobuf: 1 });
    // Right under the folder's line, before the dialects.
    expect(run.text).toMatch(
      /^Docs folder docs\/: 3 pages, 3 models .*\n {2}Families: JSON Schema docs \(2 pages\), protobuf docs \(1 page\)\.\n {2}Dialects by folder:\n/,
    );
  });

  it("init names the one family of a folder without counts", async () => {
    const project = mixedProject();
    const run = await initProject({ cwd: project, input: "docs/proto" });
    expect(run.text).toMatch(
      /^Docs folder docs\/proto\/: 1 page, .*\n {2}Family: protobuf docs\.\n/,
    );
  });

  it("report has the dominant family in its family column", async () => {
    const project = mixedProject();
    const report = await reportFolder({ input: `${project}/docs` });
    expect(report.families).toEqual({ "json-schema-docs": 2, protobuf: 1 });
    expect(report.family).toBe("json-schema-docs");
    const [header, row] = formatReports([report]).split("\n");
    expect(header).toMatch(/^folder {2}family {12}pages/);
    expect(row).toMatch(/^docs {4}JSON Schema docs {2}\s*3 /);
  });
});
