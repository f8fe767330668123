/**
 * `docs2ts report` on a folder generate fails on (errors, no model read): no share of unread fields
 * is printed as if all were read, the folder says why it failed, and the command exits 1.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatReports, reportFolder } from "../../src/commands/report.js";
import { ROOT, tempDir, writeTree } from "../support/helpers.js";

const PARCEL =
  "# Parcel\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `id` | *string* | :heavy_check_mark: | The id |\n";

function docs2ts(args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, "dist/cli.js"), ...args], {
    cwd: tempDir(),
    encoding: "utf8",
    env: { ...process.env, CI: "" },
  });
  return { code: result.status, stdout: result.stdout };
}

describe("report on a folder that fails", () => {
  it("a folder without models: no unread share, the reason, and exit 1", async () => {
    const empty = tempDir();
    writeTree(empty, { "guide.md": "Words only, no title and no table.\n" });
    const report = await reportFolder({ input: empty });
    expect(report.failed).toBe("generate exits 1: 1 error, no model read");
    const [, row] = formatReports([report]).split("\n");
    expect(row?.trim().split(/\s+/).at(-1)).toBe("-");
    expect(formatReports([report])).toContain(
      "\n  failed: generate exits 1: 1 error, no model read\n",
    );

    const good = tempDir();
    writeTree(good, { "parcel.md": PARCEL });
    expect((await reportFolder({ input: good })).failed).toBeUndefined();
    const both = docs2ts(["report", good, empty]);
    expect(both.code).toBe(1);
    expect(both.stdout).toMatch(/ 0\.00%\n/);
    expect(docs2ts(["report", good]).code).toBe(0);
  });

  it("a folder with models and errors keeps its share and says it fails", async () => {
    const docs = tempDir();
    writeTree(docs, {
      "parcel.md": PARCEL,
      "shelf.md": "## Fields\n\n| Field | Type |\n| --- | --- |\n| a | *string* |\n",
    });
    const report = await reportFolder({ input: docs });
    expect(report.models.object).toBeGreaterThan(0);
    expect(report.failed).toMatch(/^generate exits 1: \d+ errors?$/);
    expect(formatReports([report])).toMatch(/ 0\.00%\n/);
  });
});
