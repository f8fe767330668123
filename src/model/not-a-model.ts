/**
 * What a page that is not a model lacked, for the `not-a-model` diagnostic: an API operations page or
 * an index page is named as such; a page with a table that has a field-name column but no type column
 * (or the reverse) is pointed at that table with its headers (a hand-written table with an unexpected
 * header is the likeliest model docs2ts skipped, so it is a warning); a field table under a section of
 * another name is named with its section; any other page is named with the sections it has.
 */
import type { Root, Table } from "mdast";
import type { Severity } from "../core/diagnostics.js";
import { originOf } from "../parse/inline.js";
import type { PageOutline } from "../parse/outline.js";
import { readTable } from "../parse/table.js";
import type { Origin } from "../core/model.js";

/** The `not-a-model` diagnostic of a skipped page. */
export interface SkippedPage {
  /** The diagnostic's severity (built by the page's `report`, the one diagnostic constructor). */
  level: Severity;
  origin: Origin;
  message: string;
}

/** `README.md`, `index.md`: a folder's index, never a model. */
export const INDEX_PAGE = /^(readme|index)\.md$/i;

/** `PetApi.md`: OpenAPI Generator's page of one API's operations. */
const API_PAGE = /api\.md$/i;

/** An API operations page (`PetApi.md`) or a folder's index: skipped by its name alone. */
export function isNamedNonModel(file: string): boolean {
  const base = file.slice(file.lastIndexOf("/") + 1);
  return API_PAGE.test(base) || INDEX_PAGE.test(base);
}

const MODEL_SECTIONS =
  "`## Fields`, `## Properties`, `## Values`, `## Enum` or `## Supported Types`";
const SKIPPED = "expected a model page; skipped";

const quoted = (words: readonly string[]) => words.map((word) => `\`${word}\``).join(", ");

/** The title of the `##` section holding `table`, or undefined when it comes before the first one. */
function sectionOf(table: Table, outline: PageOutline): string | undefined {
  return outline.sections.find((section) => section.nodes.includes(table))?.title;
}

/** Why page `file` (relative to the input root) is skipped, and where to look. */
export function skippedPage(file: string, root: Root, outline: PageOutline): SkippedPage {
  const base = file.slice(file.lastIndexOf("/") + 1);
  const title = originOf(outline.titleHeading ?? root, file);
  const info = (message: string, origin = title): SkippedPage => ({
    level: "info",
    origin,
    message,
  });
  if (API_PAGE.test(base)) return info(`Unexpected API operations page (\`${base}\`), ${SKIPPED}`);
  if (INDEX_PAGE.test(base)) return info(`Unexpected index page (\`${base}\`), ${SKIPPED}`);
  const tables = root.children.filter((node): node is Table => node.type === "table");
  for (const table of tables) {
    const { columns, headers } = readTable(table);
    const hasName = columns.includes("name");
    const hasType = columns.includes("type");
    if (hasName === hasType) continue;
    return {
      level: "warning",
      origin: originOf(table, file),
      message: `Unexpected table with columns ${quoted(headers)} and no ${hasName ? "type column (`Type`, `Kind`, `Data type`, ...)" : "field-name column (`Field`, `Name`, `Property`, ...)"}, expected a field table with a name and a type column; page skipped`,
    };
  }
  const fieldTable = tables.find((table) => {
    const { columns } = readTable(table);
    return columns.includes("name") && columns.includes("type");
  });
  if (fieldTable !== undefined) {
    const section = sectionOf(fieldTable, outline);
    return info(
      `Unexpected field table ${section === undefined ? "before the first section" : `under \`## ${section}\``}, expected it under ${MODEL_SECTIONS} (or, in hand-written pages, before the first \`##\`); page skipped`,
      originOf(fieldTable, file),
    );
  }
  const sections = outline.sections.map((section) => section.title);
  const has =
    sections.length > 0
      ? ` (its sections: ${quoted(sections.slice(0, 5))}${sections.length > 5 ? ", ..." : ""})`
      : "";
  return info(`Unexpected page without a field table or ${MODEL_SECTIONS}${has}, ${SKIPPED}`);
}
