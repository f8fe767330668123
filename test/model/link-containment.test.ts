/**
 * Links stay inside the input folder: every way out is an error at the cell, and nothing outside the
 * root's real path is listed or read (checked with a spy on the injected file system).
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { outsideOf, spyingFs } from "../support/spying-fs.js";
import { generate, runPipeline } from "../../src/pipeline/generate.js";

const base = realpathSync(mkdtempSync(join(tmpdir(), "docs2ts-links-")));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const HEADER = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";
const page = (title: string, rows: string[]) =>
  `# ${title}\n\n## Fields\n\n${HEADER}${rows.map((r) => `${r}\n`).join("")}`;

// Outside the root: a secret page that must never be read, and a folder of them.
const secretDir = join(base, "secret");
mkdirSync(secretDir);
writeFileSync(
  join(secretDir, "secret.md"),
  page("Secret", ["| `s` | *string* | :heavy_check_mark: | x |"]),
);

const root = join(base, "docs");
mkdirSync(join(root, "models"), { recursive: true });
symlinkSync(join(secretDir, "secret.md"), join(root, "models", "evil.md"));
symlinkSync(secretDir, join(root, "models", "outdir"));
symlinkSync(join(root, "models"), join(root, "models", "loop")); // a cycle inside the root
const hrefs: Array<[string, string]> = [
  ["parent", "../../secret/secret.md"],
  ["absolute", `${secretDir}/secret.md`],
  ["fileUrl", `file://${secretDir}/secret.md`],
  ["encoded", "%2e%2e/%2E%2E/secret/secret.md"],
  ["symlinkFile", "evil.md"],
  ["symlinkDir", "outdir/secret.md"],
];
writeFileSync(
  join(root, "models", "holder.md"),
  page(
    "Holder",
    hrefs.map(([name, href]) => `| \`${name}\` | [Secret](${href}) | :heavy_check_mark: | x |`),
  ),
);
writeFileSync(
  join(root, "models", "inside.md"),
  page("Inside", ["| `a` | *string* | :heavy_check_mark: | x |"]),
);

describe("link containment", () => {
  it("every way out is a link-outside-root error at its cell, and nothing outside is read", async () => {
    const spy = spyingFs();
    const result = await runPipeline(
      { input: root, out: join(base, "out"), cache: false },
      {},
      { fs: spy.fs },
    );
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.file, d.line, d.column, d.ruleId])).toEqual(
      hrefs.map((_, i) => ["models/holder.md", 7 + i, expect.any(Number), "link-outside-root"]),
    );
    // The column is the type cell's: after `| \`name\` | `.
    expect(errors[0]?.column).toBe("| `parent` | ".length + 1);
    expect(spy.touched.length).toBeGreaterThan(0);
    expect(outsideOf(root, spy.touched)).toEqual([]);
    expect(result.decls.map((d) => d.id)).toEqual(["models/holder", "models/inside"]);
  });

  it("a symlinked root is read, but its links stay within its real path", async () => {
    const link = join(base, "docs-link");
    symlinkSync(root, link);
    const spy = spyingFs();
    const result = await runPipeline(
      { input: link, out: join(base, "out2"), cache: false },
      {},
      { fs: spy.fs },
    );
    expect(result.decls.map((d) => d.id)).toEqual(["models/holder", "models/inside"]);
    expect(result.diagnostics.filter((d) => d.ruleId === "link-outside-root")).toHaveLength(
      hrefs.length,
    );
    expect(outsideOf(root, spy.touched)).toEqual([]);
  });

  it("a link inside the root still resolves", async () => {
    const dir = join(base, "ok");
    mkdirSync(dir);
    writeFileSync(
      join(dir, "a.md"),
      page("A", ["| `b` | [B](./sub/../b.md) | :heavy_check_mark: | x |"]),
    );
    writeFileSync(join(dir, "b.md"), page("B", ["| `x` | *string* | :heavy_check_mark: | x |"]));
    const result = await generate({ input: dir, out: join(base, "out3"), cache: false });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("a link that climbs out of the root and back in is inside, and reads nothing outside", async () => {
    writeFileSync(
      join(root, "models", "climber.md"),
      page("Climber", ["| `i` | [Inside](../../docs/models/inside.md) | :heavy_check_mark: | x |"]),
    );
    try {
      const spy = spyingFs();
      const result = await runPipeline(
        { input: root, out: join(base, "out4"), cache: false },
        {},
        { fs: spy.fs },
      );
      const climber = result.decls.find((d) => d.id === "models/climber");
      expect(climber?.kind === "object" && climber.fields[0]?.type).toMatchObject({
        kind: "ref",
        target: "models/inside",
      });
      expect(result.diagnostics.filter((d) => d.file === "models/climber.md")).toEqual([]);
      expect(outsideOf(root, spy.touched)).toEqual([]);
    } finally {
      rmSync(join(root, "models", "climber.md"));
    }
  });
});
