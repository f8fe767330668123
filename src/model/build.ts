/**
 * Reads one parsed page into a declaration of the model: `## Fields` -> object, `## Values` -> enum,
 * `## Supported Types` -> union. Pages with none of these are not models.
 */
import type { Code, Heading, Root, RootContent, Table } from "mdast";
import type { Diagnostic, Severity } from "../diagnostics.js";
import {
  parseTypeTokens,
  withNull,
  type CellType,
  type GrammarOptions,
} from "../dialects/grammar.js";
import { tokenizeInline, tokenizeText, type Token } from "../dialects/tokens.js";
import { originOf, plainText } from "../parse/inline.js";
import { readOutline, type Section } from "../parse/outline.js";
import { readTable } from "../parse/table.js";
import { readDescriptionCell, readNameCell, readRequiredCell } from "./cells.js";
import type { Decl, EnumMemberModel, FieldModel, Origin, UnionMemberModel } from "./types.js";

/** The result of reading one page. */
export interface PageResult {
  decl?: Decl;
  diagnostics: Diagnostic[];
}

/** What reading a page needs besides the page itself. */
export interface ReadPageOptions {
  grammar?: GrammarOptions;
}

const SECTION_KINDS: Record<string, Decl["kind"]> = {
  fields: "object",
  values: "enum",
  "supported types": "union",
};

class PageReader {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly file: string,
    readonly source: string,
    readonly options: ReadPageOptions,
  ) {}

  report(origin: Origin, severity: Severity, ruleId: string, message: string): void {
    this.diagnostics.push({
      file: origin.file,
      line: origin.line,
      column: origin.column,
      severity,
      ruleId,
      message,
    });
  }

  read(root: Root): PageResult {
    const outline = readOutline(root, this.source);
    const section = outline.sections.find(
      (s) => SECTION_KINDS[s.title.toLowerCase()] !== undefined,
    );
    if (!section) {
      this.report(
        originOf(outline.titleHeading ?? root, this.file),
        "info",
        "not-a-model",
        "Unexpected page without `## Fields`, `## Values` or `## Supported Types`, expected a model page; skipped",
      );
      return { diagnostics: this.diagnostics };
    }
    const origin = originOf(outline.titleHeading ?? root, this.file);
    if (outline.title === "") {
      this.report(
        origin,
        "error",
        "missing-title",
        "Unexpected model page without a `# Title`, expected the type name as its first heading",
      );
      return { diagnostics: this.diagnostics };
    }
    const base = {
      id: this.file.replace(/\.md$/i, ""),
      name: outline.title,
      ...(outline.description ? { description: outline.description } : {}),
      ...(outline.deprecated ? { deprecated: true } : {}),
      origin,
    };
    const kind = SECTION_KINDS[section.title.toLowerCase()];
    switch (kind) {
      case "object":
        return {
          decl: { ...base, kind: "object", ...this.readFields(section) },
          diagnostics: this.diagnostics,
        };
      case "enum":
        return {
          decl: { ...base, kind: "enum", ...this.readValues(section) },
          diagnostics: this.diagnostics,
        };
      case "union":
        return {
          decl: { ...base, kind: "union", members: this.readUnion(section) },
          diagnostics: this.diagnostics,
        };
      default:
        return { diagnostics: this.diagnostics };
    }
  }

  private parseCell(tokens: Token[], origin: Origin): CellType {
    const cell = parseTypeTokens(tokens, this.options.grammar);
    for (const problem of cell.problems) {
      switch (problem.rule) {
        case "unknown-type":
          this.report(
            origin,
            "warning",
            "unknown-type",
            `Unexpected type \`${problem.spelling}\`, expected a primitive, a list, a map or a link to a model; using \`unknown\``,
          );
          break;
        case "external-type":
          this.report(
            origin,
            "warning",
            "external-type",
            `Unexpected external type \`${problem.spelling}\`, expected a documented model; using \`unknown\` (map it with the \`typeMap\` option)`,
          );
          break;
        case "type-too-deep":
          this.report(
            origin,
            "error",
            "type-too-deep",
            "Unexpected type nested too deeply, expected at most the configured type depth",
          );
          break;
      }
    }
    return cell;
  }

  private readFields(section: Section): { fields: FieldModel[]; open: boolean } {
    const table = section.nodes.find((node): node is Table => node.type === "table");
    if (!table) return { fields: [], open: true };
    const read = readTable(table);
    if (!read.columns.includes("name") || !read.columns.includes("type")) {
      this.report(
        originOf(table, this.file),
        "error",
        "table-columns",
        `Unexpected columns ${read.headers.map((h) => `\`${h}\``).join(", ")}, expected at least a field name and a type column`,
      );
      return { fields: [], open: true };
    }
    const fields: FieldModel[] = [];
    const seen = new Map<string, Origin>();
    for (const row of read.rows) {
      const nameCell = row.cells.name;
      const typeCell = row.cells.type;
      const rowOrigin = originOf(row.all[0], this.file);
      if (!nameCell || !typeCell || row.all.length < read.columns.length) {
        this.report(
          rowOrigin,
          "error",
          "table-row-cells",
          `Unexpected row with ${row.all.length} cells, expected ${read.columns.length}`,
        );
        continue;
      }
      const { name, deprecated: struck } = readNameCell(nameCell);
      const origin = originOf(nameCell, this.file);
      if (name === "") {
        this.report(
          origin,
          "error",
          "empty-field-name",
          "Unexpected empty field name, expected the field's name",
        );
        continue;
      }
      const first = seen.get(name);
      if (first) {
        this.report(
          origin,
          "error",
          "duplicate-field",
          `Unexpected second field \`${name}\`, expected each field once (first at line ${first.line})`,
        );
        continue;
      }
      seen.set(name, origin);
      const typeOrigin = originOf(typeCell, this.file);
      const cell = this.parseCell(tokenizeInline(typeCell.children), typeOrigin);
      const requiredCell = row.cells.required ? readRequiredCell(row.cells.required) : true;
      if (requiredCell === undefined && row.cells.required) {
        this.report(
          originOf(row.cells.required, this.file),
          "warning",
          "unknown-required",
          `Unexpected required marker \`${plainText(row.cells.required).trim()}\`, expected \`:heavy_check_mark:\` or \`:heavy_minus_sign:\`; treating the field as required`,
        );
      }
      const description = readDescriptionCell(row.cells.description, this.source);
      const nullable = cell.pointer || cell.nullable;
      fields.push({
        name,
        type: nullable ? withNull(cell.type) : cell.type,
        required: (requiredCell ?? true) && !cell.optional,
        ...(description.text !== undefined ? { description: description.text } : {}),
        ...(struck || description.deprecated ? { deprecated: true } : {}),
        origin,
        typeOrigin,
      });
    }
    return { fields, open: fields.length === 0 && read.rows.length === 0 };
  }

  private readValues(section: Section): { members: EnumMemberModel[]; open: boolean } {
    const members: EnumMemberModel[] = [];
    const table = section.nodes.find((node): node is Table => node.type === "table");
    if (table) {
      const read = readTable(table);
      const valueColumn = read.columns.indexOf("value");
      const nameColumn = read.columns.indexOf("name");
      for (const row of read.rows) {
        const valueCell = row.all[valueColumn >= 0 ? valueColumn : row.all.length - 1];
        const nameCell = nameColumn >= 0 ? row.all[nameColumn] : undefined;
        if (!valueCell) continue;
        const name = nameCell ? plainText(nameCell).trim() : "";
        members.push({
          ...(name ? { name } : {}),
          value: plainText(valueCell).trim(),
          ...(row.cells.description
            ? descriptionOf(readDescriptionCell(row.cells.description, this.source))
            : {}),
          origin: originOf(valueCell, this.file),
        });
      }
    }
    if (members.length === 0) {
      this.report(
        originOf(section.heading, this.file),
        "error",
        "empty-enum",
        "Unexpected `## Values` section without values, expected a `| Name | Value |` table",
      );
    }
    return {
      members: dedupeMembers(members, (m) =>
        this.report(
          m.origin,
          "warning",
          "duplicate-enum-value",
          `Unexpected second enum value ${JSON.stringify(m.value)}, expected each value once; ignored`,
        ),
      ),
      open: false,
    };
  }

  private readUnion(section: Section): UnionMemberModel[] {
    const members: UnionMemberModel[] = [];
    const nodes = section.nodes;
    for (let i = 0; i < nodes.length; i += 1) {
      const heading = nodes[i] as RootContent;
      if (heading.type !== "heading" || heading.depth !== 3) continue;
      const code = nextCode(nodes, i + 1);
      const member = this.readUnionMember(heading, code);
      if (member) members.push(member);
    }
    if (members.length === 0) {
      this.report(
        originOf(section.heading, this.file),
        "error",
        "empty-union",
        "Unexpected `## Supported Types` section without members, expected `###` member headings",
      );
    }
    return members;
  }

  private readUnionMember(heading: Heading, code: Code | undefined): UnionMemberModel | undefined {
    const label = plainText(heading).trim();
    const origin = originOf(heading, this.file);
    // Go: the constructor's argument is the member's type, `components.CreateXArrayOfStr([]string{...})`.
    const constructorArgument = code
      ? /\bCreate\w*\(\s*([^{(]*?)\s*[{(]/.exec(code.value)?.[1]
      : undefined;
    let tokens: Token[];
    if (constructorArgument) {
      tokens = [];
      tokenizeText(constructorArgument, tokens);
    } else if (label !== "") {
      tokens = tokenizeInline(heading.children);
    } else {
      this.report(
        origin,
        "error",
        "union-member-type",
        "Unexpected union member without a heading or a constructor, expected a `### Type` heading",
      );
      return undefined;
    }
    const cell = this.parseCell(tokens, origin);
    const nullable = cell.pointer || cell.nullable;
    return {
      type: nullable ? withNull(cell.type) : cell.type,
      ...(label ? { label } : {}),
      origin,
    };
  }
}

function nextCode(nodes: readonly RootContent[], from: number): Code | undefined {
  for (let j = from; j < nodes.length; j += 1) {
    const node = nodes[j] as RootContent;
    if (node.type === "heading") return undefined;
    if (node.type === "code") return node;
  }
  return undefined;
}

function descriptionOf(description: { text?: string }): { description?: string } {
  return description.text !== undefined ? { description: description.text } : {};
}

function dedupeMembers(
  members: EnumMemberModel[],
  onDuplicate: (member: EnumMemberModel) => void,
): EnumMemberModel[] {
  const seen = new Set<string>();
  return members.filter((member) => {
    const key = `${typeof member.value}:${String(member.value)}`;
    if (seen.has(key)) {
      onDuplicate(member);
      return false;
    }
    seen.add(key);
    return true;
  });
}

/** Reads one page (`file` relative to the input root, `source` normalised) into a declaration. */
export function readPage(
  file: string,
  root: Root,
  source: string,
  options: ReadPageOptions = {},
): PageResult {
  return new PageReader(file, source, options).read(root);
}
