/**
 * `diff` on the 30 commits of a real docs history (../shared/history/mistral-python-docs.bundle):
 * each version against itself is empty; for consecutive versions the declarations reported are exactly
 * those whose generated module changes, what they break agrees with tsc's assignability of the old and
 * new types, git revisions and folders give the same result, and the repository is left as it was.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join, posix } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diff, type DiffReport } from "../../src/diff/diff.js";
import { runPipeline } from "../../src/pipeline/generate.js";
import { planModules, referencedIds } from "../../src/emit/plan.js";
import { ContentCache } from "../../src/write/cache.js";
import { SHARED, STRICT_OPTIONS, tempDir, writeTree } from "../support/helpers.js";

const BUNDLE = join(SHARED, "history/mistral-python-docs.bundle");
const describeHistory = existsSync(BUNDLE) ? describe : describe.skip;

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, { cwd, encoding: "utf8", maxBuffer: 1 << 28 });

/** What a commit generates: module text by page (banner aside), identifiers and references by page. */
interface Version {
  commit: string;
  folder: string;
  modules: Map<string, string>;
  identifiers: Map<string, string>;
  modulePaths: Map<string, string>;
  references: Map<string, string[]>;
  files: Record<string, string>;
}

/** The module text without its banner (the leading comment lines). */
const withoutBanner = (text: string) => text.replace(/^(?:\/\/[^\n]*\n)+\n?/, "");

/** Pages whose declarations reach, through references, a page in `changed` (the page itself too). */
function reaching(version: Version, changed: ReadonlySet<string>): Set<string> {
  const memo = new Map<string, boolean>();
  const visit = (page: string, path: Set<string>): boolean => {
    const known = memo.get(page);
    if (known !== undefined) return known;
    if (path.has(page)) return false;
    path.add(page);
    const result = (version.references.get(page) ?? []).some(
      (ref) => changed.has(ref) || visit(ref, path),
    );
    path.delete(page);
    memo.set(page, result);
    return result;
  };
  return new Set([...version.references.keys()].filter((page) => visit(page, new Set())));
}

describeHistory("diff on a real docs history", () => {
  let repo = "";
  let input = "";
  const versions: Version[] = [];
  const reports: DiffReport[] = [];
  const cache = ContentCache.memory();
  let objectsBefore = "";

  let root = "";
  // Some 60,000 small files: removed here with time to spare, not in the helpers' short hook.
  afterAll(() => rmSync(root, { recursive: true, force: true }), 600_000);

  beforeAll(async () => {
    root = tempDir("docs2ts-history-");
    repo = join(root, "repo");
    git(root, "clone", "--quiet", BUNDLE, repo);
    git(repo, "checkout", "--quiet", "main");
    input = join(repo, "docs");
    objectsBefore = git(repo, "count-objects", "-v");
    const commits = git(repo, "rev-list", "--reverse", "main").trim().split("\n");
    const generateCache = ContentCache.memory();
    for (const [index, commit] of commits.entries()) {
      const folder = join(root, `v${index}`);
      mkdirSync(folder);
      // A folder per version, from git's own archive (not from docs2ts's git reader).
      execFileSync("sh", ["-c", 'git archive "$1" docs | tar -x -C "$2"', "sh", commit, folder], {
        cwd: repo,
      });
      const result = await runPipeline(
        { input: join(folder, "docs") },
        {},
        { cache: generateCache },
      );
      const plan = planModules(result.decls, result.options.fieldNames);
      const pageOf = new Map(result.decls.map((decl) => [decl.id, decl.origin.file]));
      const files = Object.fromEntries(result.files.map((file) => [file.path, file.content]));
      versions.push({
        commit,
        folder: join(folder, "docs"),
        files,
        modules: new Map(
          plan.modules.map((m) => [m.decl.origin.file, withoutBanner(files[m.path] as string)]),
        ),
        identifiers: new Map(plan.modules.map((m) => [m.decl.origin.file, m.identifier])),
        modulePaths: new Map(plan.modules.map((m) => [m.decl.origin.file, m.path])),
        references: new Map(
          plan.modules.map((m) => [
            m.decl.origin.file,
            referencedIds(m.decl).flatMap((id) => pageOf.get(id) ?? []),
          ]),
        ),
      });
    }
    for (let i = 1; i < versions.length; i += 1)
      reports.push(
        await diff(
          {
            input,
            base: (versions[i - 1] as Version).commit,
            head: (versions[i] as Version).commit,
          },
          { cache },
        ),
      );
  }, 1_800_000);

  it("finds nothing between a version and itself, for every commit", async () => {
    for (const version of versions) {
      const report = await diff({ input, base: version.commit, head: version.commit }, { cache });
      expect(report.changes, version.commit).toEqual([]);
    }
  }, 600_000);

  it("reports exactly the declarations whose generated module changes", () => {
    for (const [index, report] of reports.entries()) {
      const [old, now] = [versions[index] as Version, versions[index + 1] as Version];
      const pages = new Set([...old.modules.keys(), ...now.modules.keys()]);
      const changed = [...pages].filter((page) => old.modules.get(page) !== now.modules.get(page));
      const reported = [...new Set(report.changes.map((change) => change.file))];
      expect(reported.sort(), `${old.commit}..${now.commit}`).toEqual(changed.sort());
    }
  });

  it("gives the same changes for folders as for git revisions", async () => {
    for (const [index, report] of reports.entries()) {
      const [old, now] = [versions[index] as Version, versions[index + 1] as Version];
      const folders = await diff({ input, base: old.folder, head: now.folder }, { cache });
      expect(folders.changes, `${old.commit}..${now.commit}`).toEqual(report.changes);
    }
  }, 600_000);

  it("agrees with tsc on what breaks readers and writers", () => {
    const root = tempDir("docs2ts-history-tsc-");
    // Each version's modules that the checks import, and the modules and runtime they import.
    const needed = versions.map(() => new Set<string>());
    const need = (index: number, path: string) => {
      const set = needed[index] as Set<string>;
      if (set.has(path)) return;
      set.add(path);
      const text = (versions[index] as Version).files[path] ?? "";
      for (const match of text.matchAll(/from "(\.{1,2}\/[^"]+)\.js"/g))
        need(index, posix.join(posix.dirname(path), `${match[1]}.ts`));
    };
    const lines: string[] = [];
    const expected: { line: number; what: string; breaks: boolean }[] = [];
    for (const [index, report] of reports.entries()) {
      const [old, now] = [versions[index] as Version, versions[index + 1] as Version];
      const pages = new Set(report.changes.map((change) => change.file));
      // A declaration whose references changed may break through them: only its own changes count.
      const skipped = new Set([...reaching(old, pages), ...reaching(now, pages)]);
      for (const page of pages) {
        if (skipped.has(page) || !old.modules.has(page) || !now.modules.has(page)) continue;
        const changes = report.changes.filter((change) => change.file === page);
        const n = lines.length;
        const spec = (v: number, version: Version) =>
          `./v${v}/${(version.modulePaths.get(page) as string).replace(/\.ts$/, ".js")}`;
        lines.push(
          `import type { ${old.identifiers.get(page)} as O${n} } from "${spec(index, old)}";`,
          `import type { ${now.identifiers.get(page)} as N${n} } from "${spec(index + 1, now)}";`,
          `declare const o${n}: O${n}; declare const n${n}: N${n};`,
          `export const r${n}: O${n} = n${n};`,
          `export const w${n}: N${n} = o${n};`,
        );
        need(index, old.modulePaths.get(page) as string);
        need(index + 1, now.modulePaths.get(page) as string);
        const what = `${page} ${old.commit.slice(0, 7)}..${now.commit.slice(0, 7)}`;
        expected.push(
          { line: n + 3, what: `${what} readers`, breaks: changes.some((c) => c.breaks.readers) },
          { line: n + 4, what: `${what} writers`, breaks: changes.some((c) => c.breaks.writers) },
        );
      }
    }
    expect(expected.length).toBeGreaterThan(20);
    for (const [index, paths] of needed.entries())
      writeTree(
        join(root, `v${index}`),
        Object.fromEntries(
          [...paths].flatMap((path) => {
            const text = (versions[index] as Version).files[path];
            return text === undefined ? [] : [[path, text]];
          }),
        ),
      );
    writeTree(root, { "package.json": '{ "type": "module" }\n' });
    const checkFile = join(root, "check.ts");
    writeTree(root, { "check.ts": `${lines.join("\n")}\n` });
    const program = ts.createProgram([checkFile], STRICT_OPTIONS);
    const source = program.getSourceFile(checkFile) as ts.SourceFile;
    const errorLines = new Set(
      program
        .getSemanticDiagnostics(source)
        .map((d) => source.getLineAndCharacterOfPosition(d.start ?? 0).line),
    );
    const disagreements = expected
      .filter((e) => errorLines.has(e.line) !== e.breaks)
      .map((e) => `${e.what}: diff says ${e.breaks ? "breaks" : "no break"}, tsc disagrees`);
    expect(disagreements).toEqual([]);
  }, 600_000);

  it("leaves the repository as it was: clean, no new objects, no worktrees", () => {
    expect(git(repo, "status", "--porcelain")).toBe("");
    expect(git(repo, "count-objects", "-v")).toBe(objectsBefore);
    expect(git(repo, "worktree", "list").trim().split("\n")).toHaveLength(1);
  });
});
