/**
 * Which sections of a page the model is read from, decided on the source before any parsing: the
 * lines before the first section and the first section (title, introduction, a hand-written page's
 * loose field table), every section whose title may be one of `SECTION_KINDS` or an in-page enum, and
 * the section before an in-page enum (its `<a id>` anchor names the enum). The other sections keep their
 * heading line and their top-level fence lines (the flavour reads section titles and code languages)
 * and lose the rest, so remark parses a fraction of a page whose bulk is code samples or method lists.
 */
import { reduceSource, splitSections, type ReducedSource } from "../parse/sections.js";
import { SECTION_KINDS } from "./build.js";

/** The letters of each model section title: `supportedtypes`, `enum`, ... (`enum` also covers `Enum: X`). */
const TITLE_LETTERS = Object.keys(SECTION_KINDS).map((title) => title.replace(/[^a-z]/g, ""));

/**
 * True when a heading's raw text may read as a model section title. Over-approximates: the letters of
 * the title in any markup (`**Fields**`, `` `Fields` ``) contain the title's letters, and a heading with
 * a link, an HTML tag or a character reference (whose text the raw line does not show) is kept.
 */
export function mayBeModelSection(headingText: string): boolean {
  if (/[[<&]/.test(headingText)) return true;
  const letters = headingText.toLowerCase().replace(/[^a-z]/g, "");
  return TITLE_LETTERS.some((title) => letters.includes(title));
}

/** The page with only what the model reads (see the module comment), or undefined to parse it all. */
export function modelSectionsOnly(source: string): ReducedSource | undefined {
  const lines = source.split("\n");
  const sections = splitSections(source, lines);
  if (sections.length <= 2) return undefined;
  const model = sections.map(
    (section, index) =>
      index <= 1 || (section.heading !== undefined && mayBeModelSection(section.heading.text)),
  );
  const enumNext = sections.map((_, index) => {
    const next = sections[index + 1]?.heading?.text;
    return (
      next !== undefined && (/[[<&]/.test(next) || /enum/i.test(next.replace(/[^A-Za-z]/g, "")))
    );
  });
  // A page with no model section is skipped, and its not-a-model finding names a field table under
  // another title: keep the sections that may hold a table (a line starting with `|` or a delimiter
  // row) so that the finding is the same with section skipping on and off.
  const modelPage = model.some((kept, index) => index > 1 && kept);
  const mayHoldTable = (section: { startLine: number; endLine: number }) =>
    lines
      .slice(section.startLine, section.endLine)
      .some((line) => /^\s{0,3}\|/.test(line) || /^\s{0,3}:?-+:?\s*\|/.test(line));
  return reduceSource(
    source,
    sections,
    (section, index) =>
      !!model[index] || !!enumNext[index] || (!modelPage && mayHoldTable(section)),
    lines,
  );
}
