/**
 * The type of a schema or property as a JSON Schema documentation tool writes it in words
 * (@adobe/jsonschema2md's `## X Type` section): a JSON Schema type word in code (`` `string` ``,
 * `` `object[]` ``), optionally followed by a link to the schema's page named by its title
 * (`` `object` ([Parcel](parcel.md)) ``) or `Details`; `merged type` / `an array of merged types` for
 * `allOf`/`anyOf`/`oneOf`, whose members follow as a list under `one (and only one) of`, `any of` or
 * `all of`; `any of the following: `a` or `b`` for several types; `unknown` for no type. The words
 * are the tool's (tables below), never a vendor's.
 */
import type { List, ListItem, Nodes, Paragraph, PhrasingContent, RootContent } from "mdast";
import type { TypeRef } from "../../core/model.js";
import { pascalWords } from "../../core/naming.js";
import { plainText } from "../../parse/inline.js";
import { literalsType } from "../../model/literals.js";

/** Any JSON value: the docs say the schema has no type (not a type docs2ts failed to read). */
export const ANY_VALUE: TypeRef = { kind: "unknown", reason: "any" };

/** JSON Schema's type words and what each is in the model. */
const JSON_TYPE_WORDS: Readonly<Record<string, TypeRef>> = {
  string: { kind: "string" },
  integer: { kind: "number", format: "integer" },
  number: { kind: "number" },
  boolean: { kind: "boolean" },
  null: { kind: "null" },
  object: { kind: "open-object" },
  array: { kind: "array", items: ANY_VALUE },
  any: ANY_VALUE,
};

/** The link text the tool writes for a schema without a title (`Details`), not a schema's name. */
const UNTITLED_LINK = /^details$/i;
/** A schema without a title, as the tool names it: `Untitled string in Parcel`, `Untitled schema`. */
const UNTITLED_SCHEMA = /^untitled\s+(.+?)(?:\s+in\s+.*)?$/i;
/** `merged type`, `an array of merged types`: an `allOf`/`anyOf`/`oneOf` schema. */
const MERGED = /^(an array of )?merged types?\b/i;
/** `any of the following: `a` or `b``, `an array of the following:` (the tool spells it `folllowing`). */
const SEVERAL = /^(an array of|any of) the fol+owing\s*:/i;
/** Words that introduce the members of a merged schema, and what they combine into. */
const JOIN_WORDS: ReadonlyArray<[RegExp, "union" | "all" | "not"]> = [
  [/^one \(and only one\) of$/i, "union"],
  [/^any of$/i, "union"],
  [/^all of$/i, "all"],
  [/^not$/i, "not"],
];

/** A JSON Schema type word with `[]` suffixes (`string[][]`), or undefined for other text. */
export function typeWord(text: string): TypeRef | undefined {
  const match = /^([a-z]+)((?:\[\])*)$/i.exec(text.trim());
  const word = match?.[1]?.toLowerCase();
  if (word === undefined || !Object.hasOwn(JSON_TYPE_WORDS, word)) return undefined;
  let type = JSON_TYPE_WORDS[word] as TypeRef;
  for (let depth = (match?.[2]?.length ?? 0) / 2; depth > 0; depth -= 1)
    type = { kind: "array", items: type };
  return type;
}

/** Several JSON type words (`string,null` in an untitled schema's name) as one type. */
function typeWords(words: readonly string[]): TypeRef {
  const types = words.map((word) => typeWord(word) ?? ANY_VALUE);
  if (types.some((type) => type.kind === "unknown")) return ANY_VALUE;
  return types.length === 1 ? (types[0] as TypeRef) : { kind: "union", members: types };
}

/**
 * A reference to the schema a link names by its title: the model of that name when a page declares
 * one, else `fallback` (what the docs say of its type).
 */
export function namedSchema(title: string, fallback: TypeRef): TypeRef {
  return { kind: "ref", name: schemaName(title), fallback: { type: fallback, why: "word" } };
}

/**
 * The model name of a schema's title: as written, or its words joined when it has spaces (`Bank
 * Transfer` -> `BankTransfer`), the same on the schema's page and in every link to it.
 */
export function schemaName(title: string): string {
  return /\s/.test(title.trim()) ? pascalWords(title) : title.trim();
}

/**
 * The type a link to a schema's page means: its title names a model; an untitled one gives its type,
 * or, for an object, the model its own page declares when that page lists properties (read-page.ts).
 */
function linkedSchema(text: string, fallback: TypeRef, href: string | undefined): TypeRef {
  const untitled = UNTITLED_SCHEMA.exec(text);
  const own = untitled ? typeWords((untitled[1] ?? "").split(/\s*,\s*/)) : fallback;
  if (!untitled && !UNTITLED_LINK.test(text)) return namedSchema(text, fallback);
  // An object or a schema of no one type: its page may list properties or the members of a union.
  const open = own.kind === "open-object" || (own.kind === "unknown" && own.reason === "any");
  return open && href !== undefined ? subSchema(href, own) : own;
}

/** A link without its query and anchor (`x-properties-y.md#z` -> `x-properties-y.md`). */
const withoutAnchor = (href: string): string => href.replace(/[?#].*$/s, "");

/** A reference to an untitled sub-schema's page by its link (see `linkedSchema`). */
export function subSchema(href: string, fallback: TypeRef): TypeRef {
  return {
    kind: "ref",
    name: withoutAnchor(href).split("/").at(-1) ?? href,
    href,
    fallback: { type: fallback, why: "sub-schema" },
  };
}

/** Wraps `type` in `depth` arrays. */
const arrayOf = (type: TypeRef, depth: number): TypeRef =>
  depth <= 0 ? type : arrayOf({ kind: "array", items: type }, depth - 1);

/** The join list of a type section: what it combines into (`union`, `all`, `not`) and its members. */
export function readJoin(
  nodes: readonly RootContent[],
): { join: "union" | "all" | "not"; members: TypeRef[] } | undefined {
  const at = nodes.findIndex(
    (node) => node.type === "paragraph" && JOIN_WORDS.some(([word]) => word.test(plainText(node))),
  );
  const list = nodes[at + 1];
  if (at < 0 || list?.type !== "list") return undefined;
  const words = plainText(nodes[at] as Paragraph).trim();
  const join = JOIN_WORDS.find(([word]) => word.test(words))?.[1] ?? "union";
  return { join, members: (list as List).children.map(readJoinMember) };
}

/** The members a join list (`one (and only one) of` + list) combines into, or undefined. */
export function readJoinList(nodes: readonly RootContent[]): TypeRef | undefined {
  const read = readJoin(nodes);
  if (!read) return undefined;
  const { join, members } = read;
  if (join === "not") return ANY_VALUE;
  if (join === "all")
    // `allOf` of one schema is that schema; of several, an object that has all their properties.
    return members.length === 1 ? members[0] : { kind: "open-object" };
  return members.length === 1 ? members[0] : { kind: "union", members };
}

/** One member of a join list: a link to its schema, or a nested join list. */
function readJoinMember(item: ListItem): TypeRef {
  const nested = readJoinList(item.children);
  if (nested) return nested;
  const link = findLink(
    item.children.flatMap((node) => (node.type === "paragraph" ? node.children : [])),
  );
  return link && link.type === "link"
    ? linkedSchema(plainText(link).trim(), ANY_VALUE, link.url)
    : ANY_VALUE;
}

function findLink(children: readonly PhrasingContent[]) {
  return children.find((child) => child.type === "link");
}

/**
 * Reads a `## X Type` section's nodes (the type sentence, then any join list) into a type. `enumType`
 * is the type the section's constraints give (an enum's values), used where no name is linked; a link
 * to `self` (a schema's own page, by its title or its file, from its own type section) names no
 * other schema.
 */
export function readTypeSection(
  nodes: readonly RootContent[],
  enumType?: TypeRef,
  self?: { title: string; file: string },
): TypeRef | undefined {
  const sentence = nodes.find((node): node is Paragraph => node.type === "paragraph");
  if (!sentence) return undefined;
  const children = sentence.children;
  const link = findLink(children);
  const linked = link ? plainText(link).trim() : undefined;
  const href = link?.type === "link" ? link.url : undefined;
  const toSelf =
    self !== undefined &&
    (linked === self.title ||
      (href !== undefined && withoutAnchor(href) === self.file.split("/").at(-1)));
  const title = toSelf ? undefined : linked;
  const text = plainText(sentence).trim();
  const joined = readJoinList(nodes);
  const first = children[0];
  if (first?.type === "inlineCode") {
    const word = /^([a-z]+)((?:\[\])*)$/i.exec(first.value.trim());
    const base = typeWord(word?.[1] ?? "");
    if (base === undefined || word === null) return undefined;
    const depth = (word[2]?.length ?? 0) / 2;
    // `object` with a `one (and only one) of` list below: the object is one of those members.
    const members = base.kind === "open-object" && joined?.kind === "union" ? joined : undefined;
    const own = base.kind === "null" ? base : (enumType ?? members ?? base);
    return arrayOf(title === undefined ? own : linkedSchema(title, own, href), depth);
  }
  const merged = MERGED.exec(text);
  if (merged) {
    const own = joined ?? enumType ?? ANY_VALUE;
    return arrayOf(title === undefined ? own : linkedSchema(title, own, href), merged[1] ? 1 : 0);
  }
  const several = SEVERAL.exec(text);
  if (several) {
    const words = children.flatMap((child) => (child.type === "inlineCode" ? [child.value] : []));
    const own = typeWords(words);
    const type = title === undefined ? own : linkedSchema(title, own, href);
    return /^an array/i.test(several[1] ?? "") ? arrayOf(type, 1) : type;
  }
  // `an array where each item follows the corresponding schema in the following list:` (a tuple).
  if (/^an array where each item/i.test(text)) return arrayOf(ANY_VALUE, 1);
  // `unknown`: no type keyword; an enum's values (`"enum": [...]` alone) are the type then, and a
  // link names the schema (`unknown ([Cache](cache.md))`).
  const unknown = /^unknown((?:\[\])*)(?=\s|$)/i.exec(text);
  if (unknown) {
    const depth = (unknown[1]?.length ?? 0) / 2;
    const own = depth === 0 ? (enumType ?? ANY_VALUE) : ANY_VALUE;
    return arrayOf(title === undefined ? own : linkedSchema(title, own, href), depth);
  }
  return undefined;
}

/** The JSON value of an enum table's cell (`` `"draft"` ``, `` `3` ``), or undefined. */
function jsonValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** What a `## X Constraints` section says about the type: its enum values, constant, format. */
export interface Constraints {
  /** The values of an enum table (or a constant), JSON values other than null and containers. */
  values?: Array<{ value: string | number | boolean; description?: string; at: Nodes }>;
  /** The enum or constant allows null. */
  allowsNull?: boolean;
  /** `date-time`, `date`, or a number format (`int64`, `int32`). */
  format?: string;
}

/** Formats the tool names in words (`**date time**: ...`), by the label it writes. */
const FORMAT_LABELS: Readonly<Record<string, string>> = {
  "date time": "date-time",
  date: "date",
};

/** Reads a `## X Constraints` section's nodes. */
export function readConstraints(nodes: readonly RootContent[]): Constraints {
  const found: Constraints = {};
  for (const [index, node] of nodes.entries()) {
    if (node.type !== "paragraph" || node.children[0]?.type !== "strong") continue;
    const label = plainText(node.children[0]).trim().toLowerCase();
    const next = nodes[index + 1];
    if (label === "enum" && next?.type === "table") {
      found.values = [];
      for (const row of next.children.slice(1)) {
        const value = jsonValue(plainText(row.children[0] ?? row).trim());
        const description = row.children[1] ? plainText(row.children[1]).trim() : "";
        if (value === null) found.allowsNull = true;
        if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
          found.values.push({ value, ...(description ? { description } : {}), at: row });
      }
    } else if (label === "constant" && next?.type === "code") {
      const value = jsonValue(next.value);
      if (value === null) found.allowsNull = true;
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
        found.values = [{ value, at: next }];
    } else if (Object.hasOwn(FORMAT_LABELS, label)) {
      found.format = FORMAT_LABELS[label] as string;
    } else if (label === "unknown format") {
      const code = node.children.find((child) => child.type === "inlineCode");
      if (code) found.format = code.value;
    }
  }
  return found;
}

/** The type of a constraints section's values (a literal union), or undefined without values. */
export function valuesType(constraints: Constraints): TypeRef | undefined {
  const values = constraints.values?.map((entry) => entry.value) ?? [];
  return values.length > 0 ? literalsType(values) : undefined;
}

/** `type` with the format the constraints name, where the model has one (dates, integer widths). */
export function withFormat(type: TypeRef, format: string | undefined): TypeRef {
  if (format === undefined) return type;
  if (type.kind === "string" && (format === "date-time" || format === "date"))
    return { kind: "string", format };
  if (type.kind === "number" && (format === "int64" || format === "int32"))
    return { kind: "number", format };
  if (type.kind === "number" && (format === "float" || format === "double"))
    return { kind: "number", format };
  return type;
}
