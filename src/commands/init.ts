/**
 * `docs2ts init`: looks at a project, finds its docs folder, says what a first run would read (pages,
 * dialect per folder, models, the diagnostics), writes `docs2ts.config.json` and adds the `generate`
 * and `check:generated` scripts to package.json. It asks nothing and changes nothing that exists: a
 * second run reports and writes nothing. Returns data and text; the CLI prints it.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { CONFIG_FILES, loadConfig, type ProjectConfig } from "../pipeline/config.js";
import type { Diagnostic } from "../core/diagnostics.js";
import { byCodePoint } from "../core/text.js";
import { buildModel } from "../pipeline/generate.js";
import { DEFAULT_OUT, resolveOptions, type GenerateOptions } from "../core/options.js";
import { ContentCache } from "../write/cache.js";
import { countFamilies, rankFamilies, type FamilyCounts } from "../families/registry.js";
import {
  findMarkdownFolder,
  inspectFolder,
  nodePageFileSystem,
  scanPages,
} from "../parse/files.js";

/** What `initProject` needs. */
export interface InitOptions {
  /** The project folder (where the config and package.json are). */
  cwd: string;
  /** The docs folder, relative to `cwd` (default: the config's, else the folder with the most pages). */
  input?: string;
}

/** What a first run would read in one docs folder. */
export interface FolderSurvey {
  /** The folder, relative to the project (`/`-separated). */
  input: string;
  pages: number;
  models: { object: number; enum: number; union: number };
  /** Pages skipped as not models (`not-a-model`). */
  skipped: number;
  /** Pages per family that reads them (keys in the registry's order). */
  families: FamilyCounts;
  /** Pages per dialect, per folder (relative to the docs folder, "" for its root), folders sorted. */
  dialects: Array<{ folder: string; counts: Record<string, number> }>;
  /** The errors and warnings a first run would print, sorted. */
  diagnostics: Diagnostic[];
  /** Whether pages spell field names as an SDK does (the `sdk-field-names` note of a first run). */
  sdkFieldNames: boolean;
}

/** The outcome of `initProject`. */
export interface InitResult {
  /** 0: set up (or already set up); 1: no docs found; 2: a path given that is no folder. */
  code: 0 | 1 | 2;
  /** The docs folders looked at (one per project). */
  surveys: FolderSurvey[];
  /** The files written (relative to the project), empty on a second run. */
  written: string[];
  /** What the run said, as lines (the CLI prints them). */
  text: string;
}

/** The scripts init adds to package.json. */
export const INIT_SCRIPTS = {
  generate: "docs2ts",
  "check:generated": "docs2ts check",
} as const;

/** The CI steps init suggests (GitHub Actions). */
export const CI_SNIPPET = [
  "# .github/workflows/generated.yml: fail when generated/ is stale",
  "on: [push, pull_request]",
  "jobs:",
  "  generated:",
  "    runs-on: ubuntu-latest",
  "    steps:",
  "      - uses: actions/checkout@v4",
  "      - uses: actions/setup-node@v4",
  "        with: { node-version: 20 }",
  "      - run: npm ci",
  "      - run: npm run check:generated",
].join("\n");

const slash = (path: string) => path.split(sep).join("/");
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Reads a docs folder as a first run would, with the project's options (overrides and rules
 * included): the model `generate` builds, without emitting.
 */
export async function surveyFolder(
  cwd: string,
  input: string,
  project: GenerateOptions = {},
): Promise<FolderSurvey> {
  const options = resolveOptions({ ...project, input: resolve(cwd, input), cache: false }, cwd);
  const built = await buildModel(options, {
    fs: nodePageFileSystem,
    cache: ContentCache.memory(),
    timings: { read: 0, parse: 0, model: 0, emit: 0, format: 0 },
  });
  const byFolder = new Map<string, Record<string, number>>();
  built.read.results.forEach((result, index) => {
    const file = built.pages[index]?.file ?? "";
    const folder = file.includes("/") ? dirname(file) : "";
    const counts = byFolder.get(folder) ?? {};
    const dialect = result.dialect ?? "unread";
    counts[dialect] = (counts[dialect] ?? 0) + 1;
    byFolder.set(folder, counts);
  });
  const models = { object: 0, enum: 0, union: 0 };
  // The models as emitted: an anonymous union is written into its references, not counted.
  for (const decl of built.resolved.decls) models[decl.kind] += 1;
  return {
    input: slash(input),
    pages: built.pages.length,
    models,
    skipped: built.diagnostics.filter((d) => d.ruleId === "not-a-model").length,
    families: countFamilies(built.read.families),
    dialects: [...byFolder]
      .sort(([a], [b]) => byCodePoint(a, b))
      .map(([folder, counts]) => ({ folder, counts })),
    diagnostics: built.diagnostics.filter((d) => d.severity !== "info"),
    sdkFieldNames: built.diagnostics.some((d) => d.ruleId === "sdk-field-names"),
  };
}

/** How many folders the text lists before "... and N more". */
const SHOWN_FOLDERS = 8;

/** A survey as indented lines. */
function describeSurvey(survey: FolderSurvey): string[] {
  const { models } = survey;
  const total = models.object + models.enum + models.union;
  const lines = [
    `Docs folder ${survey.input}/: ${plural(survey.pages, "page")}, ${plural(total, "model")} (${plural(models.object, "object")}, ${plural(models.enum, "enum")}, ${plural(models.union, "union")}), ${plural(survey.skipped, "page")} that ${survey.skipped === 1 ? "is not a model" : "are not models"}.`,
  ];
  const families = rankFamilies(survey.families);
  if (families.length === 1) lines.push(`  Family: ${families[0]?.family.label}.`);
  if (families.length > 1)
    lines.push(
      `  Families: ${families.map(({ family, pages }) => `${family.label} (${plural(pages, "page")})`).join(", ")}.`,
    );
  if (survey.dialects.length > 0) lines.push("  Dialects by folder:");
  for (const { folder, counts } of survey.dialects.slice(0, SHOWN_FOLDERS)) {
    const dialects = Object.entries(counts)
      .sort(([a, m], [b, n]) => n - m || byCodePoint(a, b))
      .map(([dialect, n]) => `${dialect} (${n})`)
      .join(", ");
    lines.push(`    ${survey.input}/${folder === "" ? "" : `${folder}/`}: ${dialects}`);
  }
  if (survey.dialects.length > SHOWN_FOLDERS)
    lines.push(`    ... and ${plural(survey.dialects.length - SHOWN_FOLDERS, "more folder")}`);
  const errors = survey.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = survey.diagnostics.length - errors;
  lines.push(
    `  A first run would give ${plural(errors, "error")} and ${plural(warnings, "warning")}${survey.diagnostics.length > 0 ? ":" : "."}`,
  );
  const byRule = new Map<string, number>();
  for (const d of survey.diagnostics)
    byRule.set(`${d.severity} ${d.ruleId}`, (byRule.get(`${d.severity} ${d.ruleId}`) ?? 0) + 1);
  for (const [rule, n] of [...byRule].sort(([a], [b]) => byCodePoint(a, b)))
    lines.push(`    ${rule}: ${n}`);
  // Rule ids, not messages: `npm run generate` lists each one at its page, line and column.
  if (survey.diagnostics.length > 0) lines.push("    (`npm run generate` lists each at its cell)");
  return lines;
}

/** The JSON indentation of `text` (two spaces when it has none to copy). */
function indentOf(text: string): string {
  return /^\{\s*\n([ \t]+)"/.exec(text)?.[1] ?? "  ";
}

/** Adds the scripts package.json lacks; returns what it said and whether it wrote the file. */
function addScripts(cwd: string): { lines: string[]; wrote: boolean } {
  const file = join(cwd, "package.json");
  const wanted = Object.entries(INIT_SCRIPTS);
  const listed = wanted.map(([name, command]) => `"${name}": "${command}"`).join(", ");
  if (!existsSync(file))
    return {
      lines: [`No package.json here: add the scripts yourself (${listed}).`],
      wrote: false,
    };
  const text = readFileSync(file, "utf8");
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { lines: [`package.json is not valid JSON: left it alone (${listed}).`], wrote: false };
  }
  const scripts = (pkg["scripts"] ?? {}) as Record<string, unknown>;
  if (typeof scripts !== "object" || scripts === null || Array.isArray(scripts))
    return { lines: ['package.json\'s "scripts" is not an object: left it alone.'], wrote: false };
  const lines: string[] = [];
  const added: string[] = [];
  for (const [name, command] of wanted) {
    if (!Object.hasOwn(scripts, name)) {
      scripts[name] = command;
      added.push(`"${name}": "${command}"`);
    } else if (scripts[name] === command) {
      lines.push(`package.json already has the "${name}" script.`);
    } else {
      lines.push(
        `package.json's "${name}" script is \`${String(scripts[name])}\`: left it unchanged (docs2ts would use \`${command}\`).`,
      );
    }
  }
  if (added.length === 0) return { lines, wrote: false };
  pkg["scripts"] = scripts;
  const newline = text.endsWith("\n") ? "\n" : "";
  writeFileSync(file, `${JSON.stringify(pkg, null, indentOf(text))}${newline}`);
  return {
    lines: [`Added to package.json's scripts: ${added.join(", ")}.`, ...lines],
    wrote: true,
  };
}

/**
 * The docs folder as the config will name it: an absolute path to a folder inside the project becomes
 * relative to it (the config then works in every clone); any other path stays as given.
 */
function projectPath(cwd: string, input: string): string {
  if (!isAbsolute(input)) return input;
  const inside = relative(cwd, input);
  if (inside === "") return ".";
  return inside.startsWith("..") || isAbsolute(inside) ? input : slash(inside);
}

/** What a user should know of the config init just wrote: an input outside the project, SDK names. */
function newConfigNotes(input: string, surveys: readonly FolderSurvey[]): string[] {
  const notes: string[] = [];
  if (isAbsolute(input))
    notes.push(
      '  Its "input" is outside this project (an absolute path): CI and other clones of the project will not have it. Keep the docs inside the project, or set "input" on each machine.',
    );
  const sdk = surveys.filter((survey) => survey.sdkFieldNames);
  if (sdk.length > 0)
    notes.push(
      '  The pages name fields as an SDK does (`ID`, `createdAt`): to validate the API\'s JSON, add "fieldNames": "snake_case" (or "camelCase", as the JSON spells them) to it.',
    );
  // `fieldNames` renames every page's fields: the other families already write the JSON's names.
  if (sdk.some((survey) => rankFamilies(survey.families).some(({ family }) => family.id !== "sdk")))
    notes.push(
      '  Not every page there is an SDK\'s: "fieldNames" renames the fields of every page, and the other families\' pages already name fields as the JSON does. Give the SDK pages a project of their own ("projects", docs/config.md) and set "fieldNames" on that one.',
    );
  return notes;
}

/**
 * A project whose package.json does not say `"type": "module"` (as `npm init` writes it) reads its own
 * `.ts` and `.js` files as CommonJS, and its `import` of the generated ES modules then fails to compile
 * under `verbatimModuleSyntax` or to run; the generated folder itself is ESM either way.
 */
function moduleTypeNote(cwd: string): string[] {
  let type: unknown;
  try {
    type = (JSON.parse(readFileSync(join(cwd, "package.json"), "utf8")) as { type?: unknown }).type;
  } catch {
    return [];
  }
  return type === "module"
    ? []
    : [
        'package.json has no "type": "module": your files that import the generated ES modules must be ES modules too (".mts" files, or "type": "module"), or use `import x = require(...)`; and when tsc compiles into an "outDir", copy the output folder\'s package.json there after each build. The README\'s "Generated code in your build" has both.',
      ];
}

/** The output folder for a new config: `src/generated` in a project with `src/`, else `generated`. */
function defaultOut(cwd: string): string {
  return inspectFolder(join(cwd, "src")) === "folder" ? "src/generated" : "generated";
}

/** Sets up docs2ts in the project at `options.cwd` (see the module comment). */
export async function initProject(options: InitOptions): Promise<InitResult> {
  const { cwd } = options;
  const lines: string[] = [];
  const written: string[] = [];
  const done = (code: InitResult["code"], surveys: FolderSurvey[] = []): InitResult => ({
    code,
    surveys,
    written,
    text: `${lines.join("\n")}\n`,
  });

  const existing = CONFIG_FILES.find((name) => existsSync(join(cwd, name)));
  const config = await loadConfig(undefined, cwd);
  const inputs: Array<{ input: string; project?: ProjectConfig }> = [];
  if (options.input !== undefined) {
    // An absolute path too (join would put it below the project).
    const state = inspectFolder(resolve(cwd, options.input));
    if (state !== "folder") {
      lines.push(
        `docs2ts: cannot read the docs folder ${options.input}: ${state === "missing" ? "it does not exist" : state === "file" ? "it is a file" : "it cannot be read"}; expected a folder of Markdown pages.`,
      );
      return done(2);
    }
    // Read with the config's options as `generate --input` would: the project that reads that folder,
    // else the first (`report` picks the same way).
    const given = resolve(cwd, options.input);
    const project =
      config.projects.find((p) => resolve(cwd, p.input ?? "input") === given) ?? config.projects[0];
    inputs.push({ input: projectPath(cwd, options.input), ...(project ? { project } : {}) });
  } else if (config.source !== undefined) {
    inputs.push(
      ...config.projects.map((project) => ({ input: project.input ?? "input", project })),
    );
  } else {
    // docs2ts's default folder first, then the folder with the most pages.
    const found =
      inspectFolder(join(cwd, "input")) === "folder" &&
      (await scanPages(join(cwd, "input"))).files.length > 0
        ? "input"
        : (await findMarkdownFolder(cwd))?.folder;
    if (found === undefined) {
      lines.push(
        "Found no folder of Markdown pages here (dot-folders and node_modules are not searched).",
        "Put the docs in a folder (docs/, say) and run `docs2ts init --input docs`. Nothing was written.",
      );
      return done(1);
    }
    inputs.push({ input: slash(isAbsolute(found) ? relative(cwd, found) : found) });
  }

  const surveys: FolderSurvey[] = [];
  for (const { input, project } of inputs) {
    const state = inspectFolder(resolve(cwd, input));
    if (state !== "folder") {
      lines.push(
        `The config's docs folder ${input} ${state === "file" ? "is a file" : state === "missing" ? "does not exist" : "cannot be read"}: fix "input" in ${config.source ?? "the config"}.`,
      );
      continue;
    }
    const survey = await surveyFolder(cwd, input, project);
    surveys.push(survey);
    // Several projects: each block says which one it is, as `--project` names it.
    if (inputs.length > 1 && project)
      lines.push(`Project ${project.name ?? project.out ?? DEFAULT_OUT}:`);
    lines.push(...describeSurvey(survey));
  }
  lines.push("");

  if (config.source !== undefined) {
    lines.push(`Kept ${existing ?? config.source} as it is.`);
    const given = options.input;
    if (
      given !== undefined &&
      config.projects.every((p) => resolve(cwd, p.input ?? "input") !== resolve(cwd, given))
    )
      lines.push(
        `  Its "input" is not ${options.input}: edit it there to read ${options.input} by default.`,
      );
  } else {
    const settings = { input: inputs[0]?.input as string, out: defaultOut(cwd) };
    writeFileSync(join(cwd, "docs2ts.config.json"), `${JSON.stringify(settings, null, 2)}\n`);
    written.push("docs2ts.config.json");
    lines.push(
      `Wrote docs2ts.config.json: ${JSON.stringify(settings)}.`,
      ...newConfigNotes(settings.input, surveys),
    );
  }
  const scripts = addScripts(cwd);
  if (scripts.wrote) written.push("package.json");
  lines.push(...scripts.lines, ...moduleTypeNote(cwd));
  if (written.length === 0) lines.push("Nothing to change: docs2ts is set up here.");
  lines.push(
    "",
    "Next: `npm run generate` writes the TypeScript; commit it. In CI, `npm run check:generated` fails when it is stale:",
    "",
    CI_SNIPPET,
  );
  return done(0, surveys);
}
