/**
 * Reads an enum section in any dialect: a `| Name | Value |` table (Speakeasy Go, hand-written), a
 * `typescript` code block `"a" | 1 | Unrecognized<string>` (Speakeasy TypeScript), a bullet list of
 * literals (Speakeasy Python, hand-written), or `` * `NAME` (value: `"x"`) `` bullets (OpenAPI Generator).
 */
import type { Code, List, Paragraph, Table } from "mdast";
import { decodeCellText, tokenizeText, type Token } from "../dialects/tokens.js";
import { originOf, plainText, sourceOf } from "../parse/inline.js";
import type { Section } from "../parse/outline.js";
import { readTable } from "../parse/table.js";
import { cellSource, readDescriptionCell } from "./cells.js";
import { readLiteral, readNumberLiteral } from "./literals.js";
import type { PageContext } from "./page-context.js";
import type { EnumMemberModel, Origin } from "../core/model.js";

/** The warning for an enum value that cannot be read (`reason`): the value is skipped. */
export function skippedEnumValue(
  page: PageContext,
  origin: Origin,
  reason: string,
  expected = "a literal",
): void {
  page.report(
    origin,
    "warning",
    "enum-value",
    `Unexpected enum value: ${reason}, expected ${expected}; skipped`,
  );
}

/** "This is an open enum. Unrecognized values will not fail type checks." */
const OPEN_ENUM_SENTENCE = /\bopen enum\b|unrecognized values/i;

/** Reads the members of an enum section; `open` when the page says other values are allowed. */
export function readEnumSection(
  page: PageContext,
  section: Section,
): { members: EnumMemberModel[]; open: boolean } {
  const members: EnumMemberModel[] = [];
  let open = false;
  for (const node of section.nodes) {
    if (node.type === "table") members.push(...readValueTable(page, node));
    else if (node.type === "code" && isIndentedBulletList(node))
      members.push(...readIndentedBullets(page, node));
    else if (node.type === "code") open = readValueCode(page, node, members) || open;
    else if (node.type === "list") members.push(...readValueList(page, node));
    else if (node.type === "paragraph" && OPEN_ENUM_SENTENCE.test(plainText(node))) open = true;
  }
  const unique = dedupeMembers(members, (m) =>
    page.report(
      m.origin,
      "warning",
      "duplicate-enum-value",
      `Unexpected second enum value ${JSON.stringify(m.value)}, expected each value once; ignored`,
    ),
  );
  return { members: unique, open };
}

function readValueTable(page: PageContext, table: Table): EnumMemberModel[] {
  const read = readTable(table);
  const valueColumn = read.columns.indexOf("value");
  const nameColumn = read.columns.indexOf("name");
  const members: EnumMemberModel[] = [];
  for (const row of read.rows) {
    const valueCell = row.all[valueColumn >= 0 ? valueColumn : row.all.length - 1];
    const nameCell =
      nameColumn >= 0 && nameColumn !== valueColumn ? row.all[nameColumn] : undefined;
    if (!valueCell) continue;
    const name = nameCell ? plainText(nameCell).trim() : "";
    const description = row.cells.description
      ? readDescriptionCell(row.cells.description, page.source).text
      : undefined;
    members.push({
      ...(name ? { name } : {}),
      value: tableValue(cellSource(valueCell, page.source)),
      ...(description !== undefined ? { description } : {}),
      origin: originOf(valueCell, page.file),
    });
  }
  return members;
}

/**
 * A value cell of a `| Name | Value |` table: the value as written (markup characters are part of it),
 * escaped pipes unescaped; a value written as a quoted string (`&quot;primary&quot;`, OpenAPI Generator)
 * is that string.
 */
function tableValue(written: string): string {
  const value = written.replace(/\\\|/g, "|").trim();
  // A value written as one code span is its text (`` `PENDING` ``).
  const code = /^`([^`]+)`$/.exec(value);
  if (code) return code[1] as string;
  const quoted = /^(?:"|&quot;)(.*)(?:"|&quot;)$/s.exec(value);
  return quoted ? decodeCellText(quoted[1] as string) : value;
}

const BULLET = /^\s*[*+-]\s+`([^`]*)`(?:\s*\(value:\s*`([^`]*)`\))?\s*$/;

/**
 * A bullet list indented four spaces, which Markdown reads as code (OpenAPI Generator Kotlin:
 * `` `    * `ACTIVE` (value: `"active"`)` ``).
 */
function isIndentedBulletList(code: Code): boolean {
  const lines = code.value.split("\n").filter((line) => line.trim() !== "");
  return !code.lang && lines.length > 0 && lines.every((line) => BULLET.test(line));
}

/** The values of an indented bullet list, each at its own line. */
function readIndentedBullets(page: PageContext, code: Code): EnumMemberModel[] {
  const members: EnumMemberModel[] = [];
  const start = originOf(code, page.file);
  // The value's lines are the source's lines without their indent; each origin spans a whole line.
  const source = sourceOf(code, page.source).split("\n");
  code.value.split("\n").forEach((line, index) => {
    const match = BULLET.exec(line);
    if (!match) return;
    const at = start.line + index;
    const from = index === 0 ? start.column : 1;
    const origin = {
      ...start,
      line: at,
      endLine: at,
      endColumn: from + (source[index]?.length ?? 0),
    };
    const named = match[2] !== undefined;
    const raw = (named ? match[2] : match[1]) as string;
    const read = readLiteral(raw, !named && !/^["'\d-]/.test(raw.trim()));
    if (!read.ok) skippedEnumValue(page, origin, read.reason);
    else
      members.push({ ...(named ? { name: match[1] as string } : {}), value: read.value, origin });
  });
  return members;
}

/** `"a" | "b" | 1 | -0 | Unrecognized<string>`; returns true when `Unrecognized<...>` makes it open. */
function readValueCode(page: PageContext, code: Code, members: EnumMemberModel[]): boolean {
  const tokens: Token[] = [];
  tokenizeText(code.value, tokens);
  const origin = originOf(code, page.file);
  let open = false;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token === undefined || (token.t === "punct" && (token.v === "|" || token.v === ";")))
      continue;
    if (token.t === "str") {
      members.push({ value: token.v, origin });
    } else if (token.t === "num") {
      pushNumber(page, token.raw, origin, members);
    } else if (token.t === "word" && /^(true|false)$/.test(token.v)) {
      members.push({ value: token.v === "true", origin });
    } else if (token.t === "word" && /^unrecognized$/i.test(token.v)) {
      open = true;
      // Skip the type argument: `Unrecognized<string>`.
      while (i + 1 < tokens.length && !isPunct(tokens[i], ">")) i += 1;
    } else {
      page.report(
        origin,
        "warning",
        "enum-value",
        `Unexpected \`${token.t === "link" ? "link" : String(token.v)}\` in an enum code block, expected quoted strings, numbers or booleans separated by \`|\`; skipped`,
      );
    }
  }
  return open;
}

function isPunct(token: Token | undefined, value: string): boolean {
  return token?.t === "punct" && token.v === value;
}

function pushNumber(
  page: PageContext,
  raw: string,
  origin: Origin,
  members: EnumMemberModel[],
): void {
  const read = readNumberLiteral(raw);
  if (read.ok) members.push({ value: read.value, origin });
  else skippedEnumValue(page, origin, read.reason, "a finite number");
}

/**
 * Bullets: `` - `"QUEUED"` ``, `` - `100` ``, `` * `AAL0` (value: `"aal0"`) ``, or a bare word with
 * an optional description after a dash or colon (hand-written).
 */
function readValueList(page: PageContext, list: List): EnumMemberModel[] {
  const members: EnumMemberModel[] = [];
  for (const item of list.children) {
    const paragraph = item.children.find((child): child is Paragraph => child.type === "paragraph");
    if (!paragraph) continue;
    const origin = originOf(item, page.file);
    const codes = paragraph.children.filter((child) => child.type === "inlineCode");
    const text = plainText(paragraph).trim();
    const named = /^(.*?)\s*\(value:\s*$/.exec(
      paragraph.children[1]?.type === "text" ? paragraph.children[1].value : "",
    );
    let name: string | undefined;
    let raw: string;
    let bare = true;
    if (named && codes.length >= 2) {
      // OpenAPI Generator: the constant's name, then its value.
      name = (codes[0] as { value: string }).value;
      raw = (codes[1] as { value: string }).value;
      bare = false;
    } else if (codes.length > 0 && paragraph.children[0]?.type === "inlineCode") {
      raw = (codes[0] as { value: string }).value;
      bare = !/^["'\d-]/.test(raw.trim());
    } else {
      raw = text.split(/\s+[-–—:]\s+|:\s/)[0] ?? "";
    }
    const read = /^-?[\d.]/.test(raw.trim()) ? readLiteral(raw, false) : readLiteral(raw, bare);
    if (!read.ok) {
      skippedEnumValue(page, origin, read.reason);
      continue;
    }
    members.push({ ...(name !== undefined ? { name } : {}), value: read.value, origin });
  }
  return members;
}

function dedupeMembers(
  members: EnumMemberModel[],
  onDuplicate: (member: EnumMemberModel) => void,
): EnumMemberModel[] {
  const seen = new Set<string>();
  return members.filter((member) => {
    const key = `${typeof member.value}:${Object.is(member.value, -0) ? "-0" : String(member.value)}`;
    if (seen.has(key)) {
      onDuplicate(member);
      return false;
    }
    seen.add(key);
    return true;
  });
}
