/**
 * What a protobuf page declares, for the type cells that name its types: its messages and enums by
 * anchor, full name and name, the `XEntry` messages that show map fields, and the well-known types,
 * whose JSON the mapping fixes whatever the page says of them.
 */
import type { FieldModel, Origin, TypeRef } from "../../core/model.js";
import { PROTOBUF_ANY, PROTOBUF_WELL_KNOWN } from "../../dialects/lexicon-protobuf.js";
import type { PageContext } from "../../model/page-context.js";
import { tokenizeText, type Token } from "../../dialects/tokens.js";
import { cellType, fragmentOf, type PageTypes } from "./field-type.js";
import { fieldOf, readFieldRows, type FieldRow } from "./read-tables.js";
import type { ProtoSection } from "./sections.js";

const ANY_LOWER = PROTOBUF_ANY.toLowerCase();

/** The types of one page, and the `google.protobuf.Any` its cells use. */
export class PageTypeIndex implements PageTypes {
  /** The primary anchor of each type, by each of its anchors. */
  private readonly byAnchor = new Map<string, string>();
  /** The primary anchor of each type, by full name and by name (lowercase); null when two share it. */
  private readonly byName = new Map<string, string | null>();
  private readonly rows = new Map<ProtoSection, FieldRow[]>();
  /** The `value` row of each map entry message, by the entry's anchor. */
  private readonly entries = new Map<string, FieldRow>();
  private readonly entrySections = new Set<ProtoSection>();
  private readonly mapValues = new Map<string, TypeRef>();
  private any: { anchor: string; origin: Origin } | undefined;
  /** Where the type cell being read starts (the Any model points at its first use). */
  private at: Origin | undefined;

  constructor(
    private readonly page: PageContext,
    sections: readonly ProtoSection[],
  ) {
    for (const section of sections) {
      if (section.kind !== "message" && section.kind !== "enum") continue;
      const primary = section.anchors[0] as string;
      for (const anchor of section.anchors)
        if (!this.byAnchor.has(anchor)) this.byAnchor.set(anchor, primary);
      for (const name of new Set([section.fullName.toLowerCase(), section.longName.toLowerCase()]))
        this.byName.set(name, this.byName.has(name) ? null : primary);
      if (section.kind !== "message") continue;
      const rows = section.table ? readFieldRows(page, section.table) : [];
      this.rows.set(section, rows);
      if (isMapEntry(section, rows)) {
        this.entries.set(primary, rows[1] as FieldRow);
        this.entrySections.add(section);
      }
    }
  }

  /** True for the `XEntry` message of a map field (read into the field's type, not a model). */
  isMapEntry(section: ProtoSection): boolean {
    return this.entrySections.has(section);
  }

  /**
   * True for a well-known type the page documents itself (`google.protobuf.Timestamp` as a message
   * of seconds and nanos): its JSON is the mapping's, not its fields.
   */
  isWellKnown(section: ProtoSection): boolean {
    const lower = section.fullName.toLowerCase();
    return lower === ANY_LOWER || Object.hasOwn(PROTOBUF_WELL_KNOWN, lower);
  }

  anchorOf(text: string, href: string | undefined): string | undefined {
    const fragment = fragmentOf(href);
    if (fragment !== undefined && this.byAnchor.has(fragment)) return this.byAnchor.get(fragment);
    return this.byName.get(text.toLowerCase()) ?? undefined;
  }

  mapped(text: string): TypeRef | undefined {
    const map = this.page.typeMap;
    const lower = text.toLowerCase();
    const key = Object.hasOwn(map, text)
      ? text
      : Object.keys(map).find((name) => name.toLowerCase() === lower);
    if (key === undefined) return undefined;
    const tokens: Token[] = [];
    tokenizeText(map[key] as string, tokens);
    return this.page.parseCell(tokens, this.here()).type;
  }

  mapValueOf(anchor: string): TypeRef | undefined {
    const known = this.mapValues.get(anchor);
    if (known) return known;
    const value = this.entries.get(anchor);
    if (!value) return undefined;
    // An entry's value is never an entry itself, so this does not recurse further.
    this.entries.delete(anchor);
    const type = cellType(value.typeCell, this);
    this.mapValues.set(anchor, type);
    return type;
  }

  anyAnchor(href: string | undefined): string {
    const anchor = fragmentOf(href) ?? ANY_LOWER;
    this.any ??= { anchor, origin: this.here() };
    return this.any.anchor;
  }

  /** Where the type cell being read is (the page's start before any is read). */
  private here(): Origin {
    return this.at ?? { file: this.page.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  }

  /** The `google.protobuf.Any` model the page's cells use, with its anchor and first use. */
  anyUse(): { anchor: string; origin: Origin } | undefined {
    return this.any;
  }

  /** The fields of a message section. */
  fieldsOf(section: ProtoSection): FieldModel[] {
    return (this.rows.get(section) ?? []).map((row) => {
      this.at = row.typeOrigin;
      return fieldOf(row, this);
    });
  }
}

/** A map field's entry: a nested `XEntry` message whose only fields are `key` and `value`. */
function isMapEntry(section: ProtoSection, rows: readonly FieldRow[]): boolean {
  return (
    section.longName.includes(".") &&
    /Entry$/.test(section.longName) &&
    rows.length === 2 &&
    rows[0]?.protoName === "key" &&
    rows[1]?.protoName === "value"
  );
}
