/**
 * `docs2ts diff` as a reviewer reads it: a removed enum value names the code that stops compiling,
 * a change lists the models that hold the changed one with the path to it, `order-changed` names
 * only what moved, a renamed page is one change, versions that share no page path warn, a revision
 * without the docs folder is an empty version, and the docs' errors come out as JSON. Own fixture
 * pages (Parcel, Shipment, Depot, Status), in the SDK generators' page format.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { diff, type Change } from "../../src/diff/diff.js";
import { failsOn } from "../../src/diff/command.js";
import { formatReport } from "../../src/diff/format.js";
import { movedEntries } from "../../src/diff/order.js";
import { MAX_USES } from "../../src/diff/uses.js";
import { tempDir, writeTree } from "../support/helpers.js";

const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

/** A page with a field table: `rows` as [name, type, required]. */
function objectPage(title: string, rows: [string, string, boolean][]): string {
  return [
    `# ${title}`,
    "",
    "| Property | Type | Required | Description |",
    "| --- | --- | --- | --- |",
    ...rows.map(
      ([name, type, required]) => `| ${name} | ${type} | ${required ? "yes" : "no"} | x |`,
    ),
    "",
  ].join("\n");
}

const enumPage = (title: string, values: string[]) =>
  [`# ${title}`, "", "## Values", "", ...values.map((value) => `- \`${value}\``), ""].join("\n");

/** Two folders, base and head, each written from its page texts. */
function versions(
  base: Record<string, string>,
  head: Record<string, string>,
): { base: string; head: string } {
  const dir = tempDir("docs2ts-diff-review-");
  writeTree(join(dir, "base"), base);
  writeTree(join(dir, "head"), head);
  return { base: join(dir, "base"), head: join(dir, "head") };
}

async function changesOf(
  base: Record<string, string>,
  head: Record<string, string>,
  options: Parameters<typeof diff>[0] extends infer O ? Partial<O> : never = {},
): Promise<Change[]> {
  const folders = versions(base, head);
  const report = await diff({ ...options, input: folders.head, ...folders });
  expect(report.warning).toBeUndefined();
  return report.changes;
}

describe("a removed enum value", () => {
  const base = { "status.md": enumPage("Status", ["active", "expired", "pending"]) };
  const head = { "status.md": enumPage("Status", ["active", "pending"]) };

  it.each([
    ["const-object", ['=== "expired"', "Status.Expired"]],
    ["enum", ["Status.Expired"]],
    ["union", ['=== "expired"']],
  ] as const)("under enumStyle %s names the code that stops compiling", async (style, names) => {
    const changes = await changesOf(base, head, { enumStyle: style });
    const removed = changes.find((change) => change.kind === "enum-value-removed");
    expect(removed?.breaks).toEqual({ readers: false, writers: true });
    expect(removed?.stopsCompiling).toEqual(names);
    const text = formatReport({ base: "a", head: "b", changes }, "text");
    expect(text).toContain("[breaks writers, code that names it]");
    expect(text).toContain(`stops compiling: ${names.join(", ")}`);
  });

  it("fails --fail-on breaking where no value breaks (an open enum under const-object)", async () => {
    // "open enum" in the section: the SDK generators' sentence for an enum that takes other values.
    const open = (values: string[]) =>
      `# Status\n\n## Values\n\nThis is an open enum.\n\n${values.map((v) => `- \`${v}\``).join("\n")}\n`;
    const changes = await changesOf(
      { "status.md": open(["active", "expired"]) },
      { "status.md": open(["active"]) },
    );
    const removed = changes.find((change) => change.kind === "enum-value-removed");
    expect(removed?.breaks).toEqual({ readers: false, writers: false });
    expect(removed?.stopsCompiling).toEqual(["Status.Expired"]);
    expect(failsOn({ base: "a", head: "b", changes }, "breaking")).toBe(true);
  });
});

describe("models that hold the changed one", () => {
  const parcel = (weight: string) =>
    objectPage("Parcel", [
      ["weight", weight, true],
      ["label", "string", false],
    ]);
  const pages = (weight: string) => ({
    "parcel.md": parcel(weight),
    "shipment.md": objectPage("Shipment", [
      ["parcels", "array of [Parcel](parcel.md)", true],
      ["depot", "[Depot](depot.md)", false],
    ]),
    // Depot and Shipment hold each other: the walk must end.
    "depot.md": objectPage("Depot", [
      ["shipment", "[Shipment](shipment.md)", false],
      ["neighbours", "map of [Depot](depot.md)", false],
    ]),
  });

  it("are listed under the change, nearest first, with the path to the changed field", async () => {
    const changes = await changesOf(pages("number"), pages("string"));
    const retyped = changes.find((change) => change.kind === "type-changed");
    expect(retyped?.path).toBe("weight");
    expect(retyped?.usedBy).toEqual([
      { declaration: "Shipment", file: "shipment.md", path: "parcels[].weight" },
      { declaration: "Depot", file: "depot.md", path: "shipment.parcels[].weight" },
    ]);
    const text = formatReport({ base: "a", head: "b", changes }, "text");
    expect(text).toContain("used by: Shipment parcels[].weight, Depot shipment.parcels[].weight");
  });

  it("are not listed for a change that alters no type (a description)", async () => {
    const base = pages("number");
    const head = { ...base, "parcel.md": base["parcel.md"].replace("| x |", "| y |") };
    const changes = await changesOf(base, head);
    expect(changes.map((change) => change.kind)).toEqual(["description-changed"]);
    expect(changes[0]?.usedBy).toBeUndefined();
  });

  it("stop at MAX_USES and count the rest", async () => {
    const chain = (weight: string) => {
      const files: Record<string, string> = { "parcel.md": parcel(weight) };
      for (let i = 0; i < MAX_USES + 5; i += 1)
        files[`holder${i}.md`] = objectPage(`Holder${i}`, [
          ["inner", i === 0 ? "[Parcel](parcel.md)" : `[Holder${i - 1}](holder${i - 1}.md)`, true],
        ]);
      return files;
    };
    const changes = await changesOf(chain("number"), chain("string"));
    const retyped = changes.find((change) => change.kind === "type-changed");
    expect(retyped?.usedBy).toHaveLength(MAX_USES);
    expect(retyped?.usedByMore).toBe(5);
    expect(retyped?.usedBy?.[2]?.path).toBe("inner.inner.inner.weight");
    // Text shows the five nearest and counts the rest.
    const text = formatReport({ base: "a", head: "b", changes }, "text");
    expect(text).toContain(
      `used by: Holder0 inner.weight, Holder1 inner.inner.weight, Holder2 inner.inner.inner.weight, Holder3 inner.inner.inner.inner.weight, Holder4 inner.inner.inner.inner.inner.weight, ${MAX_USES} more`,
    );
  });
});

describe("order-changed", () => {
  it("names only the fields that moved", async () => {
    const fields = (names: string[]) =>
      objectPage(
        "Parcel",
        names.map((name): [string, string, boolean] => [name, "string", true]),
      );
    const changes = await changesOf(
      { "parcel.md": fields(["a", "b", "c", "d", "e"]) },
      { "parcel.md": fields(["b", "c", "d", "e", "a"]) },
    );
    expect(changes).toMatchObject([
      { kind: "order-changed", path: "a", before: "position 1", after: "position 5" },
    ]);
  });

  it("finds the fewest moves", () => {
    expect(movedEntries(["a", "b", "c", "d"], ["d", "a", "b", "c"]).map((m) => m.key)).toEqual([
      "d",
    ]);
    expect(movedEntries(["a", "b", "c"], ["c", "b", "a"])).toHaveLength(2);
    expect(movedEntries(["a", "x", "b"], ["a", "b", "y"])).toEqual([]);
  });
});

describe("a page renamed with the same exported name", () => {
  it("is one page-renamed change, and the models that refer to it do not change", async () => {
    const shipment = objectPage("Shipment", [["parcels", "array of [Parcel](parcel.md)", true]]);
    const moved = objectPage("Shipment", [["parcels", "array of [Parcel](crate.md)", true]]);
    const parcel = objectPage("Parcel", [["weight", "number", true]]);
    const changes = await changesOf(
      { "parcel.md": parcel, "shipment.md": shipment },
      { "crate.md": parcel, "shipment.md": moved },
    );
    expect(changes).toMatchObject([
      { kind: "page-renamed", file: "crate.md", declaration: "Parcel", before: "parcel.md" },
    ]);
    expect(changes).toHaveLength(1);
  });
});

describe("versions that share no page path", () => {
  it("warn, with the folder the pages sit in, instead of listing every model removed and added", async () => {
    const parcel = objectPage("Parcel", [["weight", "number", true]]);
    const folders = versions({ "models/parcel.md": parcel }, { "parcel.md": parcel });
    const report = await diff({ input: folders.head, ...folders });
    expect(report.changes).toEqual([]);
    expect(report.warning).toMatch(/share no page path .*under models\//);
    const cli = spawnSync(
      process.execPath,
      [CLI, "diff", "--base", folders.base, "--head", folders.head, "--input", folders.head],
      { encoding: "utf8" },
    );
    expect(cli.status).toBe(2);
    expect(cli.stdout).toMatch(/warning: .*share no page path/);
  }, 120_000);
});

describe("git revisions", () => {
  it("read a revision without the docs folder as an empty version: everything added", async () => {
    const dir = tempDir("docs2ts-diff-review-repo-");
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd: dir });
    git("init", "--quiet");
    writeTree(dir, { "notes.txt": "no docs yet\n" });
    git("add", ".");
    git("commit", "--quiet", "-m", "before the docs");
    git("tag", "empty");
    writeTree(join(dir, "docs"), {
      "parcel.md": objectPage("Parcel", [["weight", "number", true]]),
      "status.md": enumPage("Status", ["active"]),
    });
    const report = await diff({ input: join(dir, "docs"), base: "empty" });
    expect(report.changes.map((change) => [change.kind, change.declaration])).toEqual([
      ["declaration-added", "Parcel"],
      ["declaration-added", "Status"],
    ]);
  }, 120_000);
});

describe("--reporter json", () => {
  it("prints the docs' errors of either version as JSON on stdout", () => {
    const parcel = objectPage("Parcel", [["weight", "number", true]]);
    // A field listed twice: an error of the head's docs (duplicate-field).
    const broken = objectPage("Parcel", [
      ["weight", "number", true],
      ["weight", "number", true],
    ]);
    const folders = versions({ "parcel.md": parcel }, { "parcel.md": broken });
    mkdirSync(folders.head, { recursive: true });
    for (const flags of [
      ["--reporter", "json"],
      ["--format", "json"],
    ]) {
      const cli = spawnSync(
        process.execPath,
        [
          CLI,
          "diff",
          "--base",
          folders.base,
          "--head",
          folders.head,
          "--input",
          folders.head,
          ...flags,
        ],
        { encoding: "utf8" },
      );
      expect(cli.status).toBe(1);
      const json = JSON.parse(cli.stdout) as {
        changes: unknown[];
        diagnostics: { side: string; file: string; severity: string }[];
      };
      expect(json.changes).toEqual([]);
      expect(json.diagnostics.length).toBeGreaterThan(0);
      expect(json.diagnostics.every((d) => d.side === "head" && d.severity === "error")).toBe(true);
      expect(json.diagnostics[0]?.file).toBe("parcel.md");
    }
  }, 120_000);
});

describe("inherited fields (a page that says it inherits from another)", () => {
  const parcel = (weight: string) => objectPage("Parcel", [["weight", weight, true]]);
  const fragile = `${objectPage("Fragile", [["note", "string", true]])}\nInherits from [Parcel](parcel.md).\n`;
  const shipment = (item: string) => objectPage("Shipment", [["item", item, true]]);

  it("count in what breaks: an object that inherits a field has it", async () => {
    const changes = await changesOf(
      {
        "parcel.md": parcel("number"),
        "fragile.md": fragile,
        "shipment.md": shipment("[Fragile](fragile.md)"),
      },
      {
        "parcel.md": parcel("number"),
        "fragile.md": fragile,
        "shipment.md": shipment("[Parcel](parcel.md)"),
      },
    );
    const retyped = changes.find((change) => change.kind === "type-changed");
    expect(retyped?.path).toBe("item");
    // A Fragile has the weight a Parcel needs (inherited); a Parcel lacks the note a Fragile needs.
    expect(retyped?.breaks).toEqual({ readers: true, writers: false });
  });

  it("reach the objects that inherit the changed one", async () => {
    const changes = await changesOf(
      {
        "parcel.md": parcel("number"),
        "fragile.md": fragile,
        "shipment.md": shipment("[Fragile](fragile.md)"),
      },
      {
        "parcel.md": parcel("string"),
        "fragile.md": fragile,
        "shipment.md": shipment("[Fragile](fragile.md)"),
      },
    );
    expect(changes.map((change) => change.file)).toEqual(["parcel.md"]);
    expect(changes[0]?.usedBy).toEqual([
      { declaration: "Fragile", file: "fragile.md", path: "weight" },
      { declaration: "Shipment", file: "shipment.md", path: "item.weight" },
    ]);
  });
});

describe("a page that holds several declarations", () => {
  const change = (declaration: string, path: string): Change => ({
    file: "site/orders.md",
    declaration,
    path,
    kind: "field-removed",
    before: "string",
    after: null,
    breaks: { readers: false, writers: false },
  });
  const changes = [change("Order", "note"), change("OrderLine", "sku"), change("Order", "memo")];

  it("lists each declaration's changes under its own heading, and counts each declaration", () => {
    const text = formatReport({ base: "a", head: "b", changes }, "text");
    expect(text).toContain("site/orders.md (Order)\n    field-removed note");
    expect(text).toContain("    field-removed memo");
    expect(text).toContain("site/orders.md (OrderLine)\n    field-removed sku");
    expect(text.indexOf("memo")).toBeLessThan(text.indexOf("(OrderLine)"));
    const markdown = formatReport({ base: "a", head: "b", changes }, "markdown");
    expect(markdown).toContain("3 changes in 2 declarations");
    expect(markdown.match(/#### <code>/g)).toHaveLength(2);
  });
});
