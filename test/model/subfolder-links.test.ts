/**
 * Pointing docs2ts at a subfolder of the docs (issue 16): links are followed against the input folder's
 * real path, so one that climbs out and comes back in names a page inside, while one that really leaves
 * is refused (or stands for a same-named model inside, with a warning) and nothing outside is read.
 */
import { mkdirSync, realpathSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outsideOf, spyingFs } from "../support/spying-fs.js";
import { generate, runPipeline, type GenerateResult } from "../../src/pipeline/generate.js";
import type { Decl } from "../../src/core/model.js";
import { linkTarget } from "../../src/model/link-target.js";
import {
  corpus,
  describeShared,
  strictTypeErrors,
  tempDir,
  writeTree,
} from "../support/helpers.js";

const HEADER = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";
const page = (title: string, rows: Array<[string, string]>) =>
  `# ${title}\n\n## Fields\n\n${HEADER}${rows.map(([n, t]) => `| \`${n}\` | ${t} | :heavy_check_mark: | x |\n`).join("")}`;

/** The type of field `field` of model `id`, as resolved. */
function fieldType(result: GenerateResult, id: string, field: string) {
  const decl = result.decls.find((d) => d.id === id);
  return decl?.kind === "object" ? decl.fields.find((f) => f.name === field)?.type : undefined;
}

describe("links followed against the input folder's real path", () => {
  const base = realpathSync(tempDir("docs2ts-subfolder-"));
  const docs = join(base, "docs");
  const components = join(docs, "models", "components");
  writeTree(docs, {
    "models/components/holder.md": page("Holder", [
      ["back", "[components.Target](../../models/components/target.md)"],
      ["backDeep", "[Target](../../../docs/models/components/target.md)"],
      ["backEncoded", "[Target](..%2F..%2Fmodels%2Fcomponents%2Ftarget.md)"],
      // Markdown reads `\\` as one backslash (`\.` alone would be an escaped dot): the link is
      // `..\..\models\components\target.md`.
      ["windows", "[components.Target](..\\\\..\\\\models\\\\components\\\\target.md)"],
      ["windowsSub", "[Nested](..\\components\\sub\\nested.md)"],
      ["sibling", "[operations.Request](../../models/operations/request.md)"],
      ["siblingNamed", "[operations.Target](../operations/target.md)"],
      ["windowsSibling", "[Request](..\\operations\\request.md)"],
      ["lookalike", "[Target](../../models/components-old/target.md)"],
    ]),
    "models/components/target.md": page("Target", [["id", "*string*"]]),
    "models/components/sub/nested.md": page("Nested", [
      ["up", "[Target](../../components/target.md)"],
    ]),
    // Outside the input folder when it is `models/components`: never read.
    "models/operations/request.md": page("Request", [["secret", "*string*"]]),
    "models/operations/target.md": page("Target", [["secret", "*string*"]]),
    "models/components-old/target.md": page("Target", [["secret", "*string*"]]),
  });

  const expectResolved = (result: GenerateResult) => {
    for (const field of ["back", "backDeep", "backEncoded", "windows"])
      expect(fieldType(result, "holder", field), field).toMatchObject({ target: "target" });
    expect(fieldType(result, "holder", "windowsSub")).toMatchObject({ target: "sub/nested" });
    expect(fieldType(result, "sub/nested", "up")).toMatchObject({ target: "target" });
    // Climbing out to a sibling folder: refused, or the same-named model inside with a warning.
    expect(fieldType(result, "holder", "sibling")).toEqual({
      kind: "unknown",
      reason: "unrecognised",
    });
    expect(fieldType(result, "holder", "windowsSibling")).toEqual({
      kind: "unknown",
      reason: "unrecognised",
    });
    expect(fieldType(result, "holder", "siblingNamed")).toMatchObject({ target: "target" });
    expect(fieldType(result, "holder", "lookalike")).toMatchObject({ target: "target" });
    const diagnostics = result.diagnostics
      .filter((d) => d.severity !== "info")
      .map((d) => [d.file, d.line, d.severity, d.ruleId]);
    expect(diagnostics).toEqual([
      ["holder.md", 12, "error", "link-outside-root"],
      ["holder.md", 13, "warning", "link-outside-resolved"],
      ["holder.md", 14, "error", "link-outside-root"],
      ["holder.md", 15, "warning", "link-outside-resolved"],
    ]);
    const named = result.diagnostics.find((d) => d.line === 13);
    // The warning names both the link and the page used.
    expect(named?.message).toContain("`../operations/target.md`");
    expect(named?.message).toContain("target.md");
    expect(named?.message).toMatch(/resolved `Target` by name to target\.md/);
  };

  it("resolves links that climb out and back in, refuses the ones that leave, and reads nothing outside", async () => {
    const spy = spyingFs();
    const result = await runPipeline(
      { input: components, out: join(base, "out1"), cache: false },
      {},
      { fs: spy.fs },
    );
    expect(result.decls.map((d) => d.id)).toEqual(["holder", "sub/nested", "target"]);
    expectResolved(result);
    expect(spy.touched.length).toBeGreaterThan(0);
    expect(outsideOf(components, spy.touched)).toEqual([]);
  });

  it("a symlinked input folder is followed from its real path", async () => {
    // `base/alias` -> `docs/models/components`: `../../models/components` from the alias's own path
    // would be `base/../models/components`; from its real path it is the folder itself.
    const alias = join(base, "alias");
    symlinkSync(components, alias);
    const spy = spyingFs();
    const result = await runPipeline(
      { input: alias, out: join(base, "out2"), cache: false },
      {},
      { fs: spy.fs },
    );
    expectResolved(result);
    expect(outsideOf(components, spy.touched)).toEqual([]);
  });

  it("a link that climbs back in through an outward symlink is still refused", async () => {
    const root = join(base, "guarded", "models", "components");
    writeTree(root, {
      "a.md": page("A", [["leak", "[Request](../../models/components/leak.md)"]]),
    });
    mkdirSync(join(base, "guarded", "secret"));
    writeTree(join(base, "guarded", "secret"), {
      "request.md": page("Request", [["s", "*string*"]]),
    });
    symlinkSync(join(base, "guarded", "secret", "request.md"), join(root, "leak.md"));
    const spy = spyingFs();
    const result = await runPipeline(
      { input: root, out: join(base, "out3"), cache: false },
      {},
      { fs: spy.fs },
    );
    expect(result.diagnostics.map((d) => [d.file, d.ruleId])).toEqual([
      ["a.md", "link-outside-root"],
    ]);
    expect(outsideOf(root, spy.touched)).toEqual([]);
  });

  it("linkTarget: path arithmetic on the root, either separator, drives and shares", () => {
    const posixRoot = "/docs/models/components";
    expect(linkTarget("x.md", "../../models/components/y.md", posixRoot)).toEqual({ id: "y" });
    expect(linkTarget("x.md", "..\\..\\models\\components\\y.md", posixRoot)).toEqual({ id: "y" });
    expect(linkTarget("a/x.md", "../../../models/components/b/y.md", posixRoot)).toEqual({
      id: "b/y",
    });
    // A relative link that leaves says where it leads, relative to the input folder.
    expect(linkTarget("x.md", "../../models/operations/y.md", posixRoot)).toEqual({
      outside: true,
      path: "../../models/operations/y.md",
    });
    expect(linkTarget("x.md", "../components", posixRoot)).toEqual({
      outside: true,
      path: "../components",
    });
    expect(linkTarget("x.md", "../components-old/y.md", posixRoot)).toEqual({
      outside: true,
      path: "../components-old/y.md",
    });
    // Without the root, any climb past it is outside (the old, stricter reading).
    expect(linkTarget("x.md", "../../models/components/y.md")).toEqual({
      outside: true,
      path: "../../models/components/y.md",
    });
    const windowsRoot = "C:\\docs\\models\\components";
    expect(linkTarget("x.md", "..\\..\\models\\components\\y.md", windowsRoot)).toEqual({
      id: "y",
    });
    expect(linkTarget("x.md", "../../models/operations/y.md", windowsRoot)).toEqual({
      outside: true,
      path: "../../models/operations/y.md",
    });
    expect(linkTarget("x.md", "..\\..\\..\\..\\x.md", windowsRoot)).toEqual({
      outside: true,
      path: "../../../../x.md",
    });
    expect(linkTarget("x.md", "../components/y.md", "\\\\server\\share\\components")).toEqual({
      id: "y",
    });
    expect(linkTarget("x.md", "../../share/components/y.md", "//server/share/components")).toEqual({
      outside: true,
      path: "../../share/components/y.md",
    });
    // At the file system's root every climb stays inside it.
    expect(linkTarget("x.md", "../x/y.md", "/")).toEqual({ id: "x/y" });
    // A path from `/` is a link of the docs site: the pages it may name are the tails of its path,
    // looked up inside the folder (the root is never consulted). Drives and `file:` URLs stay outside.
    expect(linkTarget("x.md", `${posixRoot}/y.md`, posixRoot)).toEqual({
      site: ["docs/models/components/y", "models/components/y", "components/y", "y"],
    });
    expect(linkTarget("x.md", "//host/share/y.md", posixRoot)).toEqual({ outside: true });
    expect(
      linkTarget("x.md", "C:\\docs\\models\\components\\y.md", windowsRoot),
    ).not.toHaveProperty("id");
    expect(linkTarget("x.md", `file://${posixRoot}/y.md`, posixRoot)).toEqual({ outside: true });
  });
});

/**
 * The Speakeasy folders of ../shared/corpus and the folder holding their component models. FastPix's
 * TypeScript docs and Mistral's Python docs keep them flat in `models/` (FastPix's with `operations/`
 * below it, Mistral's with `utils/`).
 */
const SUBFOLDERS: Array<[string, string]> = [
  ["speakeasy-go-openai", "models/components"],
  ["speakeasy-ts-openai", "models/components"],
  ["speakeasy-go-dub", "models/components"],
  ["speakeasy-ts-fastpix", "models"],
  ["speakeasy-java-fastpix", "models/components"],
  ["speakeasy-ruby-fastpix", "models/components"],
  ["speakeasy-csharp-fastpix", "Models/Components"],
  ["speakeasy-php-fastpix", "Models/Components"],
  ["speakeasy-py-mistral", "models"],
];

/**
 * A declaration with its page ids, reference targets and origins made relative to `prefix` (the
 * components folder in a whole-folder run, `""` in a components-only run). A target outside the
 * prefix keeps its whole id behind `outside:`.
 */
function normalise(decl: Decl, prefix: string): unknown {
  const strip = (id: string) =>
    prefix === "" ? id : id.startsWith(prefix) ? id.slice(prefix.length) : `outside:${id}`;
  return JSON.parse(
    JSON.stringify(decl, (key, value: unknown) =>
      typeof value === "string" && (key === "id" || key === "target" || key === "file")
        ? strip(value)
        : value,
    ),
  );
}

/** Every reference target in a declaration. */
function targets(decl: Decl): string[] {
  const found: string[] = [];
  JSON.stringify(decl, (key, value: unknown) => {
    if (key === "target" && typeof value === "string") found.push(value);
    return value;
  });
  return found;
}

const count = (result: GenerateResult, severity: string) => {
  const rules: Record<string, number> = {};
  for (const d of result.diagnostics)
    if (d.severity === severity) rules[d.ruleId] = (rules[d.ruleId] ?? 0) + 1;
  return rules;
};

describeShared.each(SUBFOLDERS)("corpus %s from %s alone", (name, sub) => {
  it("has zero errors, strict-tsc-clean output and the whole-folder run's declarations", async () => {
    const whole = await generate({ input: corpus(name), cache: false, validators: false });
    const part = await generate({ input: join(corpus(name), sub), cache: false });
    expect(part.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // Only Ruby's links leave the folder: to `models/shared/`, which does not exist (a whole-folder run
    // resolves them by name too, with `ref-by-name`).
    expect(count(part, "warning")["link-outside-resolved"] ?? 0).toBe(
      name === "speakeasy-ruby-fastpix" ? 71 : 0,
    );
    expect(strictTypeErrors(part.files)).toEqual([]);

    const prefix = `${sub}/`;
    const inFolder = whole.decls.filter((d) => d.id.startsWith(prefix));
    expect(part.decls.map((d) => d.id)).toEqual(inFolder.map((d) => d.id.slice(prefix.length)));
    // No component page of these folders links out of its folder to a page that exists: a whole-folder
    // run resolves every reference of them to a page inside.
    expect(inFolder.flatMap(targets).filter((t) => !t.startsWith(prefix))).toEqual([]);
    expect(part.decls.map((d) => normalise(d, ""))).toEqual(
      inFolder.map((d) => normalise(d, prefix)),
    );
  });
});
