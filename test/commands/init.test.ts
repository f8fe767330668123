/**
 * `docs2ts init` (issue 15): on three docs folders of ../shared/corpus, on an empty project and on one
 * that already has a config and scripts. The output and the files it writes are goldens
 * (test/commands/snapshots/init/); a second run writes nothing and says so.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { initProject } from "../../src/commands/init.js";
import { ROOT, corpus, tempDir, writeTree } from "../support/helpers.js";

/** The text of every file in the project that init may write, for the golden. */
function filesOf(project: string): string {
  return ["docs2ts.config.json", "package.json"]
    .map((file) => {
      const path = join(project, file);
      return `--- ${file}\n${existsSync(path) ? readFileSync(path, "utf8") : "(none)\n"}`;
    })
    .join("");
}

/** Runs init twice; returns the golden text of both runs and the files after each. */
async function initTwice(project: string, input?: string) {
  const options = { cwd: project, ...(input !== undefined ? { input } : {}) };
  const first = await initProject(options);
  const afterFirst = filesOf(project);
  const second = await initProject(options);
  const afterSecond = filesOf(project);
  return {
    first,
    second,
    afterFirst,
    afterSecond,
    golden: [
      `$ docs2ts init${input !== undefined ? ` --input ${input}` : ""}`,
      `(exit ${first.code})`,
      first.text,
      afterFirst,
      `$ docs2ts init${input !== undefined ? ` --input ${input}` : ""}  # again`,
      `(exit ${second.code})`,
      second.text,
    ].join("\n"),
  };
}

const CORPUS_CASES = [
  // Auto-detected: the only folder with pages.
  { name: "speakeasy-php-fastpix", input: undefined },
  // Named on the command line, in a project with src/ (output under src/generated).
  { name: "speakeasy-ruby-fastpix", input: "docs", src: true },
  { name: "speakeasy-go-dub", input: "docs" },
] as const;

describe.each(CORPUS_CASES)("init on the corpus folder $name", (entry) => {
  it.skipIf(!existsSync(corpus(entry.name)))(
    "says what it found, writes the config and scripts, then changes nothing",
    async () => {
      const project = tempDir("docs2ts-init-");
      writeTree(project, { "package.json": '{\n  "name": "demo",\n  "private": true\n}\n' });
      if ("src" in entry) mkdirSync(join(project, "src"));
      // A link, not a copy: the corpus is read where it is.
      symlinkSync(corpus(entry.name), join(project, "docs"));
      const run = await initTwice(project, entry.input);
      expect([run.first.code, run.second.code]).toEqual([0, 0]);
      expect(run.first.written).toEqual(["docs2ts.config.json", "package.json"]);
      expect(run.second.written).toEqual([]);
      expect(run.afterSecond).toBe(run.afterFirst);
      await expect(run.golden).toMatchFileSnapshot(`./snapshots/init/${entry.name}.txt`);
    },
  );
});

describe("init on a project", () => {
  it("with no Markdown says so, writes nothing and exits 1", async () => {
    const project = tempDir("docs2ts-init-");
    writeTree(project, { "package.json": '{ "name": "empty" }\n', "README.md": "# Empty\n" });
    const run = await initTwice(project);
    expect([run.first.code, run.second.code]).toEqual([1, 1]);
    expect(run.first.written).toEqual([]);
    expect(run.afterFirst).toBe(
      '--- docs2ts.config.json\n(none)\n--- package.json\n{ "name": "empty" }\n',
    );
    await expect(run.golden).toMatchFileSnapshot("./snapshots/init/empty-project.txt");
  });

  it("with a config and scripts keeps both as they are", async () => {
    const project = tempDir("docs2ts-init-");
    const pkg = [
      "{",
      '    "name": "mine",',
      '    "scripts": {',
      '        "generate": "docs2ts --enum-style union",',
      '        "check:generated": "docs2ts check"',
      "    }",
      "}",
      "",
    ].join("\n");
    writeTree(project, {
      "package.json": pkg,
      "docs2ts.config.json": '{ "input": "docs/schemas", "out": "src/gen" }\n',
    });
    // A copy: links out of the docs folder are never followed.
    cpSync(join(ROOT, "input"), join(project, "docs/schemas"), { recursive: true });
    const run = await initTwice(project);
    expect([run.first.code, run.second.code]).toEqual([0, 0]);
    expect([run.first.written, run.second.written]).toEqual([[], []]);
    expect(readFileSync(join(project, "package.json"), "utf8")).toBe(pkg);
    await expect(run.golden).toMatchFileSnapshot("./snapshots/init/existing-config.txt");
  });

  it("adds only the missing script, keeping package.json's indentation", async () => {
    const project = tempDir("docs2ts-init-");
    writeTree(project, {
      "package.json": '{\n\t"name": "tabs",\n\t"scripts": { "generate": "make gen" }\n}',
      "input/user.md": "# User\n\n| Field | Type |\n| --- | --- |\n| id | string |\n",
    });
    const run = await initProject({ cwd: project });
    expect(run.code).toBe(0);
    expect(readFileSync(join(project, "package.json"), "utf8")).toBe(
      '{\n\t"name": "tabs",\n\t"scripts": {\n\t\t"generate": "make gen",\n\t\t"check:generated": "docs2ts check"\n\t}\n}',
    );
    expect(run.text).toContain(
      'package.json\'s "generate" script is `make gen`: left it unchanged (docs2ts would use `docs2ts`).',
    );
    expect(JSON.parse(readFileSync(join(project, "docs2ts.config.json"), "utf8"))).toEqual({
      input: "input",
      out: "generated",
    });
  });

  it("refuses an --input that is not a folder (exit 2)", async () => {
    const project = tempDir("docs2ts-init-");
    writeTree(project, { "README.md": "# Readme\n" });
    const run = await initProject({ cwd: project, input: "README.md" });
    expect(run.code).toBe(2);
    expect(run.text).toBe(
      "docs2ts: cannot read the docs folder README.md: it is a file; expected a folder of Markdown pages.\n",
    );
    expect(run.written).toEqual([]);
  });
});

describe("init --input with an absolute path", () => {
  const page = "# User\n\n| Field | Type |\n| --- | --- |\n| id | string |\n";

  it("reads a folder outside the project, and the config names it as given", async () => {
    const docs = tempDir("docs2ts-init-docs-");
    writeTree(docs, { "user.md": page });
    const project = tempDir("docs2ts-init-");
    writeTree(project, { "package.json": '{ "name": "abs" }\n' });
    const run = await initProject({ cwd: project, input: docs });
    expect(run.code).toBe(0);
    expect(run.surveys.map((s) => [s.input, s.pages, s.models.object])).toEqual([
      [docs.split(sep).join("/"), 1, 1],
    ]);
    expect(JSON.parse(readFileSync(join(project, "docs2ts.config.json"), "utf8"))).toEqual({
      input: docs,
      out: "generated",
    });
    // Said, since other clones of the project (CI's) will not have that folder.
    expect(run.text).toContain('Its "input" is outside this project (an absolute path)');
    // The package says no "type": "module": its own files importing the output need to be ESM.
    expect(run.text).toContain('package.json has no "type": "module"');
    writeTree(project, { "package.json": '{ "name": "abs", "type": "module" }\n' });
    expect((await initProject({ cwd: project })).text).not.toContain("package.json has no");
  });

  it("names a folder inside the project relative to it, so the config works in every clone", async () => {
    const project = tempDir("docs2ts-init-");
    writeTree(project, { "package.json": '{ "name": "abs" }\n', "docs/api/user.md": page });
    const run = await initProject({ cwd: project, input: join(project, "docs", "api") });
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(project, "docs2ts.config.json"), "utf8"))).toEqual({
      input: "docs/api",
      out: "generated",
    });
    // A second run with the same absolute path: the config's input is that folder.
    const again = await initProject({ cwd: project, input: join(project, "docs", "api") });
    expect(again.written).toEqual([]);
    expect(again.text).not.toContain('Its "input" is not');
    expect(run.text).not.toContain("outside this project");
  });
});

describe("init on docs that name fields as an SDK does", () => {
  const goPage = (field: string) =>
    `# User\n\n## Fields\n\n| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n| \`${field}\` | *string* | :heavy_check_mark: | The id. |\n`;

  it("suggests the fieldNames option in the config it writes, and not for JSON names", async () => {
    for (const [field, hinted] of [
      ["UserID", true],
      ["user_id", false],
    ] as const) {
      const project = tempDir("docs2ts-init-");
      writeTree(project, { "docs/user.md": goPage(field) });
      const run = await initProject({ cwd: project, input: "docs" });
      expect(run.text.includes('add "fieldNames": "snake_case"'), field).toBe(hinted);
      expect(run.text).not.toContain("Not every page there is an SDK's");
    }
  });

  it("with pages of another family beside them, says to give the SDK pages a project of their own", async () => {
    const project = tempDir("docs2ts-init-");
    writeTree(project, {
      "docs/sdk/user.md": goPage("UserID"),
      "docs/proto/depot.md": readFileSync(
        fileURLToPath(new URL("../fixtures/families/protobuf/depot.md", import.meta.url)),
        "utf8",
      ),
    });
    const run = await initProject({ cwd: project, input: "docs" });
    expect(run.text).toContain('add "fieldNames": "snake_case"');
    expect(run.text).toContain(
      'Not every page there is an SDK\'s: "fieldNames" renames the fields of every page',
    );
  });
});
