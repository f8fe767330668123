/**
 * `generate --watch`: the watcher on its own (which changes count, one batch at a time), then the CLI
 * spawned on a temporary docs folder through a change, a broken page and its fix, and through the saves
 * that replace a page's file (rename saves, delete and re-create, a branch switch, a new folder). Every
 * wait polls for the run's own output with a deadline; no sleep is an assertion.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isRelevantChange, watchFolders, type WatchChange } from "../../src/commands/watch.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
let dir: string;
let child: ChildProcess | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "docs2ts-watch-"));
  cpSync(join(repo, "input"), join(dir, "input"), { recursive: true });
});
afterEach(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  child = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Polls `condition` until it holds or the deadline passes (then fails with `describe()`). */
async function until(condition: () => boolean, describe: () => string, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("isRelevantChange", () => {
  it.each([
    ["models/a.md", true],
    ["models/A.MD", true],
    ["models", true],
    ["", true],
    ["models/a.ts", false],
    ["gen/index.ts", false],
    [".git/index", false],
    ["models/.a.md.swp", false],
    ["node_modules/x/readme.md", false],
  ])("%s -> %s", (file, want) => {
    expect(isRelevantChange(file)).toBe(want);
  });
});

describe("watchFolders", () => {
  it("hands over one batch at a time; changes during a run come in the next batch", async () => {
    const batches: string[][] = [];
    let active = 0;
    let maxActive = 0;
    let release: () => void = () => undefined;
    const errors: unknown[] = [];
    const watching = watchFolders({
      folders: [join(dir, "input")],
      debounceMs: 20,
      onChange: async (changes: WatchChange[]) => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        batches.push(changes.map((c) => c.file).sort());
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
        active -= 1;
      },
      onError: (error) => errors.push(error),
    });
    try {
      writeFileSync(join(dir, "input/a.md"), "# A\n");
      await until(
        () => batches.length === 1,
        () => JSON.stringify(batches),
      );
      writeFileSync(join(dir, "input/b.md"), "# B\n");
      writeFileSync(join(dir, "input/notes.txt"), "ignored\n");
      writeFileSync(join(dir, "input/models/c.md"), "# C\n");
      // The first run is still going: nothing new may start until it ends.
      await until(
        () => existsSync(join(dir, "input/models/c.md")),
        () => "write",
      );
      expect(batches).toHaveLength(1);
      release();
      await until(
        () => batches.flat().includes("b.md") && batches.flat().includes("models/c.md"),
        () => JSON.stringify(batches),
      );
      expect(batches[0]).toEqual(["a.md"]);
      expect(batches.slice(1).flat()).not.toContain("notes.txt");
      expect(maxActive).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      watching.close();
    }
  });

  it("throws when a folder cannot be watched", () => {
    expect(() =>
      watchFolders({
        folders: [join(dir, "missing")],
        onChange: async () => undefined,
        onError: () => undefined,
      }),
    ).toThrow(/ENOENT/);
  });
});

describe("docs2ts generate --watch", () => {
  it("regenerates on a change, survives a broken page, and recovers when it is fixed", async () => {
    let stderr = "";
    child = spawn(process.execPath, [join(repo, "dist/cli.js"), "generate", "--watch"], {
      cwd: dir,
      env: { ...process.env, CI: "" },
    });
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const seen = () => `stderr so far:\n${stderr}`;
    const count = (text: string) => stderr.split(text).length - 1;
    const status = join(dir, "generated/models/components/status.ts");
    const statusPage = join(dir, "input/models/components/status.md");
    const brokenPage = join(dir, "input/models/components/broken.md");

    await until(() => stderr.includes("Watching input for changes (Ctrl+C to stop)."), seen);
    expect(existsSync(status)).toBe(true);

    // 1. A change: the module is rewritten and the run says what changed and how long it took.
    const page = readFileSync(statusPage, "utf8");
    writeFileSync(statusPage, page.replace("Where the batch is in its lifecycle.", "Batch state."));
    await until(() => readFileSync(status, "utf8").includes("/** Batch state. */"), seen);
    await until(() => count("Regenerated generated/ in") === 1, seen);
    expect(stderr).toContain("Changed: models/components/status.md");
    expect(stderr).toMatch(
      /Regenerated generated\/ in \d+ ms \(1 of 7 pages parsed, \d+ modules? emitted\)\./,
    );

    // 2. A broken page: its diagnostics are printed and the last good output stays.
    writeFileSync(
      brokenPage,
      "# Broken\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n" +
        "| `A` | [components.Status](../../models/components/status.md) | :heavy_check_mark: | N/A |\n" +
        "| `A` | *string* | :heavy_check_mark: | N/A |\n",
    );
    await until(() => stderr.includes("Kept the last good output in generated/"), seen);
    expect(stderr).toContain("input/models/components/broken.md:8:");
    expect(stderr).toContain("[duplicate-field]");
    expect(existsSync(join(dir, "generated/models/components/broken.ts"))).toBe(false);
    expect(readFileSync(status, "utf8")).toContain("/** Batch state. */");

    // 3. The fix: the second field gets a name of its own, and the next run writes it.
    writeFileSync(
      brokenPage,
      readFileSync(brokenPage, "utf8").replace("| `A` | *string*", "| `B` | *string*"),
    );
    await until(() => existsSync(join(dir, "generated/models/components/broken.ts")), seen);
    await until(() => count("Regenerated generated/ in") === 2, seen);
    expect(readFileSync(join(dir, "generated/index.ts"), "utf8")).toContain(
      "./models/components/broken.js",
    );

    // Ctrl+C ends the watch cleanly.
    const exited = new Promise<number | null>((resolve) =>
      child!.on("exit", (code) => resolve(code)),
    );
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });
});

describe("docs2ts generate --watch after saves that replace the page's file", () => {
  it("regenerates once per rename save, delete and re-create, branch switch, and new folder", async () => {
    let stderr = "";
    child = spawn(process.execPath, [join(repo, "dist/cli.js"), "generate", "--watch"], {
      cwd: dir,
      env: { ...process.env, CI: "" },
    });
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const seen = () => `stderr so far:\n${stderr}`;
    const count = (text: string) => stderr.split(text).length - 1;
    const runs = () => count("Regenerated generated/ in") + count("Kept the last good output");
    const git = (...args: string[]) => {
      const result = spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], {
        cwd: dir,
        encoding: "utf8",
      });
      expect(result.status, result.stderr).toBe(0);
    };
    const statusPage = join(dir, "input/models/components/status.md");
    const status = join(dir, "generated/models/components/status.ts");
    const original = readFileSync(statusPage, "utf8");
    /** Waits for the output of run number `run`, then checks that no other run came with it. */
    const afterRun = async (run: number, outcome: () => boolean) => {
      await until(() => runs() >= run && outcome(), seen, 60_000);
      expect(runs(), seen()).toBe(run);
    };

    // A branch to switch to later: every page gets a new introduction.
    git("init", "-q", "-b", "main");
    writeFileSync(join(dir, ".gitignore"), "generated/\n");
    git("add", ".");
    git("commit", "-q", "-m", "docs");
    git("checkout", "-q", "-b", "other");
    const pages = readdirSync(join(dir, "input/models/components"));
    for (const name of pages) {
      const path = join(dir, "input/models/components", name);
      writeFileSync(
        path,
        readFileSync(path, "utf8").replace(/^# .*$/m, "$&\n\nOn the other branch."),
      );
    }
    git("commit", "-q", "-am", "other");
    git("checkout", "-q", "main");

    await until(() => stderr.includes("Watching input for changes (Ctrl+C to stop)."), seen);
    expect(runs()).toBe(0);

    // 1. Rename saves (vim, JetBrains' safe write, sed -i): a new file renamed over the page, twice.
    for (const [run, text] of [
      [1, "First rename save."],
      [2, "Second rename save."],
    ] as const) {
      writeFileSync(
        `${statusPage}.tmp`,
        original.replace("Where the batch is in its lifecycle.", text),
      );
      renameSync(`${statusPage}.tmp`, statusPage);
      await afterRun(run, () => readFileSync(status, "utf8").includes(`/** ${text} */`));
    }

    // 2. Delete (a page others link to: their links now warn, and the run removes its module), then
    // re-create.
    rmSync(statusPage);
    await afterRun(3, () => !existsSync(status) && stderr.includes("[unresolved-ref]"));
    writeFileSync(
      statusPage,
      original.replace("Where the batch is in its lifecycle.", "Restored."),
    );
    await afterRun(4, () => readFileSync(status, "utf8").includes("/** Restored. */"));

    // 3. A branch switch replaces every page at once: one run.
    git("commit", "-q", "-am", "restored"); // commits touch .git only, not the watched pages
    git("checkout", "-q", "other");
    await afterRun(5, () =>
      pages.every((name) =>
        readFileSync(
          join(dir, "generated/models/components", name.replace(/\.md$/, ".ts")),
          "utf8",
        ).includes("On the other branch."),
      ),
    );
    expect(stderr).toContain("Changed: ");

    // 4. A new page in a new folder, written as soon as the folder exists.
    mkdirSync(join(dir, "input/models/extra"));
    writeFileSync(
      join(dir, "input/models/extra/tag.md"),
      "# Tag\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n" +
        "| `Name` | *string* | :heavy_check_mark: | The tag. |\n",
    );
    const tag = join(dir, "generated/models/extra/tag.ts");
    await afterRun(6, () => existsSync(tag));
    // And a later edit of that page is seen too.
    writeFileSync(
      join(dir, "input/models/extra/tag.md"),
      readFileSync(join(dir, "input/models/extra/tag.md"), "utf8").replace(
        "The tag.",
        "The label.",
      ),
    );
    await afterRun(7, () => readFileSync(tag, "utf8").includes("/** The label. */"));
    expect(count("Kept the last good output")).toBe(0);

    const exited = new Promise<number | null>((resolve) =>
      child!.on("exit", (code) => resolve(code)),
    );
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  }, 180_000);
});

describe("docs2ts generate --watch and the config file", () => {
  it("reads a changed config again (overrides included), and keeps the last one while it is broken", async () => {
    const config = join(dir, "docs2ts.config.json");
    const withDescription = (description: string) =>
      JSON.stringify({
        overrides: {
          "models/components/status.md": { name: "BatchStatus" },
          "models/components/batch.md": { fields: { ID: { description } } },
        },
      });
    writeFileSync(config, withDescription("First override."));
    let stderr = "";
    child = spawn(process.execPath, [join(repo, "dist/cli.js"), "generate", "--watch"], {
      cwd: dir,
      env: { ...process.env, CI: "" },
    });
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const seen = () => `stderr so far:\n${stderr}`;
    const batch = join(dir, "generated/models/components/batch.ts");
    await until(
      () => stderr.includes("Watching input and docs2ts.config.json for changes (Ctrl+C to stop)."),
      seen,
    );
    expect(readFileSync(batch, "utf8")).toContain("First override.");
    expect(readFileSync(join(dir, "generated/models/components/status.ts"), "utf8")).toContain(
      "export type BatchStatus",
    );

    // A changed override: regenerated without a restart, only the module it touches emitted.
    writeFileSync(config, withDescription("Second override."));
    await until(() => readFileSync(batch, "utf8").includes("Second override."), seen);
    await until(() => stderr.includes("Regenerated generated/ in"), seen);
    expect(stderr).toContain("Changed: docs2ts.config.json");
    expect(stderr).toMatch(/\(0 of 7 pages parsed, 1 module emitted\)/);

    // A config that no longer loads: said so, the previous one kept; the fix is read again.
    writeFileSync(config, '{ "overrides": { "x.md": { "feilds": {} } } }');
    await until(() => stderr.includes("Kept the previous config; watching for a fix."), seen);
    expect(stderr).toContain('unknown option "overrides["x.md"].feilds" (did you mean "fields"?)');
    writeFileSync(config, withDescription("Third override."));
    await until(() => readFileSync(batch, "utf8").includes("Third override."), seen);

    const exited = new Promise<number | null>((resolve) =>
      child!.on("exit", (code) => resolve(code)),
    );
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });
});
