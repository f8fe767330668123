/**
 * Reads a docs site's page into its models: a model is a heading followed by its table(s), a field
 * table making an object and a value table an enum. The model's id is the page and the section's
 * anchor (the heading's slug), with the anchors written before its heading as further names; a
 * `###### X Structure` table under a `### X Object` heading is the `X Object` section's model, as the
 * site links it. Tables of other things and pages without such tables are skipped with an info.
 */
import type { Table } from "mdast";
import type { Decl, EnumMemberModel, Origin } from "../../core/model.js";
import type { PageResult, ReadPageOptions } from "../../model/build.js";
import { PageContext } from "../../model/page-context.js";
import { dialectRules } from "../../dialects/dialect-rules.js";
import { originOf, plainText } from "../../parse/inline.js";
import { readTable } from "../../parse/table.js";
import { pageIdOf } from "../../core/decl-ref.js";
import { decodeCellText } from "../../dialects/tokens.js";
import { readHeadingOutline, type OutlineHeading } from "../common/heading-outline.js";
import type { ParsedPage } from "../family.js";
import { isFieldColumns, readDocsFieldTable, usesQuestionMarks } from "./read-fields.js";
import { isValueColumns, PLACEHOLDER_WORDS, readValueTable, valueColumnOf } from "./read-values.js";
import { modelName, namesNoSubject, sameSubject } from "./section-names.js";

/** One model being read: its section, and the tables under it. */
interface Section {
  heading: number | undefined;
  kind: "object" | "enum";
  tables: Table[];
}

/** Words that say every field of a section may be absent. */
const ALL_OPTIONAL =
  /\b(?:all|every) (?:of (?:the|its) )?(?:parameters|params|fields|properties|attributes)\b[^.\n]*\b(?:are|is) optional\b/i;

/** Why a table is no model, for the info. */
function tableKind(table: Table): "object" | "enum" | undefined {
  const read = readTable(table);
  if (isValueColumns(read) || (isFieldColumns(read) && valueColumnOf(read) >= 0)) return "enum";
  if (isFieldColumns(read)) return "object";
  return undefined;
}

/** Reads one page of a docs site. */
export function readDocsSitePage(page: ParsedPage, options: ReadPageOptions): PageResult {
  const { file, root, source } = page;
  const context = new PageContext(
    file,
    source,
    dialectRules("docs-site"),
    options.typeMap ?? {},
    options.maxTypeDepth,
  );
  const outline = readHeadingOutline(root);
  const { headings } = outline;
  const sections: Section[] = [];
  let questionMarks = false;
  for (const block of outline.blocks) {
    if (block.node.type !== "table") continue;
    const table = block.node;
    const kind = tableKind(table);
    if (kind === undefined) {
      const read = readTable(table);
      const under =
        block.heading === undefined ? "" : ` under \`${headings[block.heading]?.text}\``;
      context.report(
        originOf(table, file),
        "info",
        "not-a-model",
        `Unexpected table with columns ${read.headers.map((h) => `\`${h}\``).join(", ")}${under}, expected a field table (a name and a type column) or a value table (a Value column); not a model, skipped`,
      );
      continue;
    }
    if (kind === "object") questionMarks ||= usesQuestionMarks(table);
    const last = sections.at(-1);
    if (last && last.heading === block.heading && last.kind === kind) last.tables.push(table);
    else sections.push({ heading: block.heading, kind, tables: [table] });
  }
  if (sections.length === 0) {
    context.report(
      originOf(root.children[0] ?? root, file),
      "info",
      "not-a-model",
      "Unexpected page without a field or value table, expected a reference section (a heading followed by its table); a guide or overview, skipped",
    );
    return { decls: [], dialect: "docs-site", diagnostics: context.diagnostics };
  }
  const pageId = pageIdOf(file);
  const used = new Set<string>();
  const claimed = new Set<string>();
  const owned = new Set(sections.map((s) => s.heading));
  const title = typeof page.frontmatter?.title === "string" ? page.frontmatter.title : undefined;
  const decls: Decl[] = [];
  for (const section of sections) {
    const heading = section.heading === undefined ? undefined : headings[section.heading];
    const parentIndex = heading?.parent;
    const parent = parentIndex === undefined ? undefined : headings[parentIndex];
    // `### Parcel Object` > `###### Parcel Structure`: the table is the parent section's model.
    const inParent =
      heading !== undefined &&
      parent !== undefined &&
      !owned.has(parentIndex) &&
      sameSubject(heading.text, parent.text) &&
      !used.has(parent.slug);
    const named: OutlineHeading | undefined = inParent ? parent : heading;
    const anchor = named?.slug ?? "";
    if (used.has(anchor)) continue;
    used.add(anchor);
    // `## Create Parcel` > `###### JSON Params`, `### Parcel Object` > `###### Default Parcel
    // Settings` + table: a link to a section without a table of its own means its first field table
    // (or, for a heading that names no subject, its first table).
    const partOfParent =
      !inParent &&
      heading !== undefined &&
      parent !== undefined &&
      !owned.has(parentIndex) &&
      (section.kind === "object" || namesNoSubject(heading.text));
    const parentAnchors =
      partOfParent && !claimed.has(parent.slug) ? [parent.slug, ...parent.anchors] : [];
    const anchors = [
      ...(named?.anchors ?? []),
      ...(inParent && heading ? [heading.slug, ...heading.anchors] : []),
      ...parentAnchors,
    ].filter((a, i, all) => a !== anchor && all.indexOf(a) === i);
    for (const a of [anchor, ...anchors]) claimed.add(a);
    const fromPage = title ?? pageId.split("/").pop() ?? pageId;
    const name =
      modelName(heading?.text ?? fromPage, parent?.text) || modelName(fromPage, undefined);
    const origin = originOf(named?.node ?? section.tables[0], file);
    const base = {
      id: anchor === "" ? pageId : `${pageId}#${anchor}`,
      ...(anchors.length > 0 ? { anchors } : {}),
      name,
      origin,
    };
    if (section.kind === "object") {
      const seen = new Map<string, Origin>();
      // "All parameters to this endpoint are optional." in the section or the one it belongs to.
      const allOptional = ALL_OPTIONAL.test(
        `${sectionWords(outline.blocks, section.heading)}\n${sectionWords(outline.blocks, parentIndex)}`,
      );
      const fields = section.tables.flatMap((t) =>
        readDocsFieldTable(context, t, questionMarks && !allOptional, seen),
      );
      decls.push({ ...base, kind: "object", fields, open: fields.length === 0 });
      continue;
    }
    const members = uniqueMembers(
      context,
      section.tables.flatMap((t) => readValueTable(context, t)),
    );
    if (members.length === 0) {
      context.report(
        origin,
        "warning",
        "empty-enum",
        "Unexpected value table without values, expected at least one; skipped",
      );
      continue;
    }
    const words = sectionWords(outline.blocks, section.heading);
    decls.push({ ...base, kind: "enum", members, open: PLACEHOLDER_WORDS.test(words) });
  }
  return { decls, dialect: "docs-site", diagnostics: context.diagnostics };
}

/** The text of a section's paragraphs and tables, where its words say what its values are. */
function sectionWords(
  blocks: ReturnType<typeof readHeadingOutline>["blocks"],
  heading: number | undefined,
): string {
  return blocks
    .filter((block) => block.heading === heading)
    .map((block) => decodeCellText(plainText(block.node)))
    .join("\n");
}

/** Members with their values once: a repeated value is reported and dropped. */
function uniqueMembers(context: PageContext, members: EnumMemberModel[]): EnumMemberModel[] {
  const seen = new Set<string>();
  return members.filter((member) => {
    const key = `${typeof member.value}:${String(member.value)}`;
    if (member.value === "") {
      context.report(
        member.origin,
        "warning",
        "enum-value",
        "Unexpected empty enum value, expected a value; skipped",
      );
      return false;
    }
    if (!seen.has(key)) {
      seen.add(key);
      return true;
    }
    context.report(
      member.origin,
      "warning",
      "duplicate-enum-value",
      `Unexpected second enum value ${JSON.stringify(member.value)}, expected each value once; ignored`,
    );
    return false;
  });
}
