/**
 * The static parts of the output, read from `templates/` (or the user's `templates` folder) at
 * generation time: the banner on every generated file and the validators' runtime modules.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { GENERATED_MARKER } from "../core/text.js";
import { jsdocText } from "./escape.js";

/** The folder with docs2ts's own templates (next to `src/` and `dist/`). */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

export interface Templates {
  banner: string;
}

const cache = new Map<string, Templates>();

/**
 * The path of one template: the user's override folder wins when it holds the file, so a folder with
 * only `banner.txt` still gets docs2ts's own runtime helpers.
 */
export function templatePath(name: string, overrideDir: string | undefined): string {
  if (overrideDir !== undefined && existsSync(join(overrideDir, name)))
    return join(overrideDir, name);
  return join(DEFAULT_TEMPLATES_DIR, name);
}

/** Reads (once per folder) the templates: docs2ts's own, each overridable from `overrideDir`. */
export function loadTemplates(overrideDir?: string): Templates {
  const key = overrideDir ?? "";
  let templates = cache.get(key);
  if (!templates) {
    if (overrideDir !== undefined && !existsSync(overrideDir)) {
      throw Object.assign(new Error(`The templates folder ${overrideDir} does not exist`), {
        code: "ENOENT",
        path: overrideDir,
      });
    }
    const bannerPath = templatePath("banner.txt", overrideDir);
    const banner = readFileSync(bannerPath, "utf8").replace(/\r\n?/g, "\n");
    if (!banner.startsWith(GENERATED_MARKER)) {
      throw new Error(`The banner template ${bannerPath} must start with "${GENERATED_MARKER}"`);
    }
    templates = { banner };
    cache.set(key, templates);
  }
  return templates;
}

/** Text made safe for a `//` line comment: one line, no control or bidi characters. */
function lineCommentText(text: string): string {
  return jsdocText(text).replace(/\n/g, " ");
}

/** The banner with its placeholders filled in (values escaped for a line comment). */
export function renderBanner(
  template: string,
  values: { source: string; command: string },
): string {
  const text = template
    .replace(/\{\{source\}\}/g, () => lineCommentText(values.source))
    .replace(/\{\{command\}\}/g, () => lineCommentText(values.command));
  return text.endsWith("\n") ? text : `${text}\n`;
}
