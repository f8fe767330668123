/**
 * The runtime module docs2ts writes beside the generated modules: `templates/runtime.ts` (or the
 * user's override) with the validator options filled in.
 */
import { readFileSync } from "node:fs";
import type { ResolvedOptions } from "../core/options.js";
import { stringLiteral } from "./escape.js";
import { templatePath } from "./templates.js";

/** Where the runtime module goes, relative to the output root. */
export const RUNTIME_PATH = "runtime.ts";

/** The runtime's public names, re-exported from the root index. */
export const RUNTIME_PUBLIC_NAMES: ReadonlyArray<{ name: string; typeOnly: boolean }> = [
  { name: "ValidationError", typeOnly: false },
  { name: "describeValue", typeOnly: false },
  { name: "formatPath", typeOnly: false },
  { name: "Issue", typeOnly: true },
  { name: "StandardSchemaV1", typeOnly: true },
  { name: "ValidationResult", typeOnly: true },
];

/** The runtime templates import each other with `.js` specifiers; `.ts` output rewrites exactly those. */
function withExtension(text: string, extension: ".js" | ".ts"): string {
  if (extension === ".js") return text;
  const names = [RUNTIME_PATH, ...RUNTIME_SUPPORT_PATHS].map((p) => p.replace(/\.ts$/, ""));
  return text.replace(
    /(from\s+")\.\/([\w-]+)\.js(")/g,
    (match, open: string, name: string, close: string) =>
      names.includes(name) ? `${open}./${name}.ts${close}` : match,
  );
}

/** The marked options object in the runtime template. */
const OPTIONS_PATTERN = /\/\* docs2ts:options \*\/ \{[^}]*\}/;

/** The options the runtime reads, as the text of an object literal. */
export function runtimeOptionsText(
  options: Pick<ResolvedOptions, "maxIssues" | "maxDepth" | "unknownKeys" | "optionalUndefined">,
): string {
  return `/* docs2ts:options */ {\n  maxIssues: ${options.maxIssues},\n  maxDepth: ${options.maxDepth},\n  unknownKeys: ${stringLiteral(options.unknownKeys)},\n  optionalUndefined: ${stringLiteral(options.optionalUndefined)},\n}`;
}

/** The modules `runtime.ts` imports (the checks, the Standard Schema types), copied as they are. */
export const RUNTIME_SUPPORT_PATHS = ["runtime-checks.ts", "standard-schema.ts"] as const;

function readTemplate(name: string, options: Pick<ResolvedOptions, "templates">): string {
  return readFileSync(templatePath(name, options.templates), "utf8").replace(/\r\n?/g, "\n");
}

/**
 * The runtime module's text (without banner): the template with the options filled in.
 * @throws Error when the template has lost its marked options object.
 */
export function runtimeModuleText(options: ResolvedOptions): string {
  const template = readTemplate(RUNTIME_PATH, options);
  if (!OPTIONS_PATTERN.test(template))
    throw new Error(
      `The runtime template ${templatePath(RUNTIME_PATH, options.templates)} must keep its /* docs2ts:options */ object`,
    );
  return template.replace(OPTIONS_PATTERN, () => runtimeOptionsText(options));
}

/** Every runtime file (output path and text without banner): `runtime.ts` and the modules it imports. */
export function runtimeFiles(options: ResolvedOptions): { path: string; text: string }[] {
  return [
    {
      path: RUNTIME_PATH,
      text: withExtension(runtimeModuleText(options), options.importExtension),
    },
    ...RUNTIME_SUPPORT_PATHS.map((path) => ({
      path,
      text: withExtension(readTemplate(path, options), options.importExtension),
    })),
  ];
}
