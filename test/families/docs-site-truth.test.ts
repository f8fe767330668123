/**
 * The docs-site family against its truth: a docs site written by hand (MDX) in ../shared/families and
 * the hand-kept TypeScript types of the same API (the `discord-api-types` package), whose interfaces
 * name the docs section they were written from in an `@see` link. Of the interfaces whose section holds
 * a field table, docs2ts must find the section's model and agree on the property names; the folder
 * must generate with no error, strict tsc must pass, and under 1% of properties may be unread.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Node, Project } from "ts-morph";
import { beforeAll, expect, it } from "vitest";
import { generate, type GenerateResult } from "../../src/index.js";
import type { Decl, ObjectDecl, TypeRef } from "../../src/core/model.js";
import { pageOfId, anchorOfId } from "../../src/core/decl-ref.js";
import { slug as slugOf } from "github-slugger";
import { DEFAULT_LIMITS } from "../../src/core/options.js";
import { preparePage, readSourcePage } from "../../src/pipeline/read-source.js";
import { reportFolder } from "../../src/commands/report.js";
import { describeShared, ROOT, SHARED, strictTypeErrors } from "../support/helpers.js";

const FOLDER = join(SHARED, "families", "docs-site-discord");
const SEE = /https:\/\/discord\.com\/developers\/docs\/([\w/-]+)#([\w-]+)/;

interface TruthInterface {
  name: string;
  page: string;
  anchor: string;
  properties: Map<string, { optional: boolean; nullable: boolean }>;
}

/** Every v10 interface of the types package that names its docs section, with its properties. */
function truthInterfaces(): TruthInterface[] {
  const root = join(ROOT, "node_modules", "discord-api-types");
  const project = new Project({ skipAddingFilesFromTsConfig: true });
  project.addSourceFilesAtPaths([
    join(root, "payloads/v10/**/*.d.ts"),
    join(root, "rest/v10/**/*.d.ts"),
    join(root, "gateway/v10.d.ts"),
  ]);
  const found: TruthInterface[] = [];
  for (const file of project.getSourceFiles())
    for (const iface of file.getInterfaces()) {
      const see = iface
        .getJsDocs()
        .flatMap((doc) => doc.getTags())
        .filter((tag) => tag.getTagName() === "see")
        .map((tag) => SEE.exec(tag.getText()))
        .find((match) => match !== null);
      if (!see) continue;
      const properties = new Map<string, { optional: boolean; nullable: boolean }>();
      for (const symbol of iface.getType().getProperties()) {
        const declaration = symbol.getDeclarations()[0];
        if (!declaration || !Node.isPropertySignature(declaration)) continue;
        properties.set(symbol.getName(), {
          optional: declaration.hasQuestionToken(),
          nullable:
            declaration
              .getType()
              .getUnionTypes()
              .some((t) => t.isNull()) || declaration.getType().isNull(),
        });
      }
      found.push({
        name: iface.getName(),
        page: see[1] as string,
        anchor: see[2] as string,
        properties,
      });
    }
  return found;
}

/**
 * Whether the docs section an anchor names holds a field table, read from the page's text: the
 * lines after its heading (the heading whose slug it is, or the heading after an element with that
 * id) up to the next heading of the same or a lower depth.
 */
function sectionHoldsFieldTable(page: string, anchor: string): boolean {
  const file = join(FOLDER, `${page}.mdx`);
  if (!existsSync(file)) return false;
  const lines = readFileSync(file, "utf8").split("\n");
  let start = lines.findIndex((line) => line.includes(`id="${anchor}"`));
  if (start >= 0) start = lines.findIndex((line, i) => i > start && /^#{1,6}\s/.test(line));
  else
    start = lines.findIndex(
      (line) => /^#{1,6}\s/.test(line) && slugOf(line.replace(/^#+\s*/, "").trim()) === anchor,
    );
  if (start < 0) return false;
  const depth = /^#+/.exec(lines[start] as string)?.[0].length ?? 6;
  for (const line of lines.slice(start + 1)) {
    const heading = /^(#{1,6})\s/.exec(line);
    if (heading && (heading[1] as string).length <= depth) return false;
    if (/^\|\s*(field|name|property|parameter)\??\s*\|\s*type\s*\|/i.test(line)) return true;
  }
  return false;
}

const hasNull = (type: TypeRef): boolean =>
  type.kind === "null" || (type.kind === "union" && type.members.some(hasNull));

describeShared("docs-site family: a hand-written MDX docs site against discord-api-types", () => {
  let result: GenerateResult;
  beforeAll(async () => {
    result = await generate({ input: FOLDER, cache: false });
  }, 600_000);

  it("reads the folder with no error and strict tsc passes on the output", () => {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(strictTypeErrors(result.files)).toEqual([]);
  }, 600_000);

  it("reads every page the same with section skipping on and off (the change-log is not parsed)", async () => {
    const files = [
      "resources/message.mdx",
      "resources/guild.mdx",
      "change-log.mdx",
      "topics/permissions.mdx",
    ];
    for (const file of files) {
      const page = { file, text: readFileSync(join(FOLDER, file), "utf8") };
      await preparePage(page);
      const read = (wholePages: boolean) =>
        readSourcePage(page, { limits: DEFAULT_LIMITS, read: {}, family: "docs-site", wholePages })
          .result;
      const skipping = read(false);
      if (file === "change-log.mdx") {
        // Parsed whole, the change-log is over the limits; reduced, it is a page without a table.
        expect(skipping.diagnostics.map((d) => d.ruleId)).toEqual(["not-a-model"]);
        continue;
      }
      expect(skipping).toEqual(read(true));
    }
  }, 120_000);

  it("leaves under 1% of the properties unread", async () => {
    const report = await reportFolder({ input: FOLDER });
    expect(report.unreadShare).toBeLessThan(0.01);
  }, 600_000);

  it("finds the model of at least 90% of the interfaces whose section holds a field table, with 95% of their property names", () => {
    const bySection = new Map<string, Decl>();
    for (const decl of result.decls) {
      const page = pageOfId(decl.id);
      for (const anchor of [anchorOfId(decl.id), ...(decl.anchors ?? [])])
        if (anchor !== undefined && !bySection.has(`${page}#${anchor}`))
          bySection.set(`${page}#${anchor}`, decl);
    }
    const truth = truthInterfaces().filter((t) => sectionHoldsFieldTable(t.page, t.anchor));
    let found = 0;
    let names = 0;
    let sameNames = 0;
    let optionalSame = 0;
    let nullableSame = 0;
    for (const iface of truth) {
      const decl = bySection.get(`${iface.page}#${iface.anchor}`);
      if (decl?.kind !== "object") {
        continue;
      }
      found += 1;
      const fields = new Map((decl as ObjectDecl).fields.map((f) => [f.name, f]));
      for (const [name, property] of iface.properties) {
        names += 1;
        const field = fields.get(name);
        if (!field) {
          continue;
        }
        sameNames += 1;
        if (!field.required === property.optional) optionalSame += 1;
        if (hasNull(field.type) === property.nullable) nullableSame += 1;
      }
    }
    const share = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
    console.log(
      `docs-site truth: ${found}/${truth.length} interfaces found (${share(found, truth.length)}), ` +
        `property names ${sameNames}/${names} (${share(sameNames, names)}), ` +
        `optional agrees ${share(optionalSame, sameNames)}, nullable agrees ${share(nullableSame, sameNames)}`,
    );
    expect(truth.length).toBeGreaterThan(100);
    expect(found / truth.length).toBeGreaterThanOrEqual(0.9);
    expect(sameNames / names).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
