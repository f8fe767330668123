/**
 * Reads one page of JSON Schema docs (@adobe/jsonschema2md's anatomy) into its declaration. The tool
 * writes a page per schema and one per sub-schema (each property, array items, `oneOf` members); a
 * schema's own page says everything about its properties (the `# X Properties` table, and per
 * property a `## name` section with its `### name Type` and `### name Constraints`), so it is the
 * declaration and the sub-schema pages are skipped with an info. A sub-schema page is a model of its
 * own only when it is a definition with a title (`#/definitions/x`, `#/$defs/x`), which other schemas
 * reference by name.
 *
 * Page anatomy: `# X Schema`, a `txt` code block with the schema's `$id` (plus `#pointer` for a
 * sub-schema), the description, a facts table, `## X Type`, `## X Constraints` (enum values), then
 * `# X Properties` with the property table `Property | Type | Required | Nullable | Defined by`.
 */
import type { Code, Heading, RootContent, Table } from "mdast";
import type { Decl, FieldModel, Origin, TypeRef } from "../../core/model.js";
import { pageIdOf } from "../../core/decl-ref.js";
import { pascalWords } from "../../core/naming.js";
import { dialectRules } from "../../dialects/dialect-rules.js";
import { decodeCellText } from "../../dialects/tokens.js";
import { withNull } from "../../dialects/grammar.js";
import type { PageResult } from "../../model/build.js";
import { PageContext } from "../../model/page-context.js";
import { originOf, plainText, sourceOf } from "../../parse/inline.js";
import type { ParsedPage } from "../family.js";
import {
  ANY_VALUE,
  readConstraints,
  readJoin,
  readTypeSection,
  schemaName,
  subSchema,
  typeWord,
  valuesType,
  withFormat,
  type Constraints,
} from "./type-facts.js";

/** `# Parcel Schema`: the tool's page title, the schema's title and the word `Schema`. */
export const SCHEMA_TITLE = /^(.*\S)\s+Schema$/;
/** A sub-schema the tool names for want of a title: `Untitled object in Parcel`. */
const UNTITLED = /^Untitled\s/i;
/** A definition's pointer: `/definitions/x` or `/$defs/x` (one level: a definition, not inside one). */
const DEFINITION_POINTER = /^\/(?:definitions|\$defs)\/([^/]+)$/;
/** An untitled sub-schema, as the tool titles it: `Untitled object in Parcel` (the schema it is in). */
export const UNTITLED_IN = /^Untitled .+? in (.+)$/i;
/** Pointer steps that say where a sub-schema sits without naming it (`/properties/x`: `x` names it). */
const STRUCTURE_STEPS = new Set(["properties", "patternProperties", "definitions", "$defs"]);
/** Pointer steps that name a place in words: an array's items, the extra keys' values. */
const STEP_WORDS: Readonly<Record<string, string>> = {
  items: "Item",
  additionalProperties: "Value",
};

/** A name from a schema's `$id` file name, for a schema without a title (`order-form.schema.json` -> `OrderForm`). */
function idName(id: string): string {
  const stem = (id.split("/").at(-1) ?? "").replace(/(?:\.schema)?\.json$/i, "");
  return pascalWords(stem) || "Untitled";
}

/**
 * The name of an untitled object sub-schema: the title of the schema it sits in (the tool writes
 * `undefined` for one without a title: then the `$id`'s file name) and its pointer's steps
 * (`Parcel` + `/properties/dimensions/items` -> `ParcelDimensionsItem`).
 */
function nestedName(inSchema: string, id: string, pointer: string): string {
  const owner = inSchema !== "undefined" ? schemaName(inSchema) : idName(id);
  const steps = pointer
    .split("/")
    .filter((step) => step !== "" && !STRUCTURE_STEPS.has(step))
    .map((step) => (Object.hasOwn(STEP_WORDS, step) ? (STEP_WORDS[step] as string) : step));
  return owner + pascalWords(steps.join(" "));
}

/** A heading and what follows it up to the next heading of its depth or above. */
interface Block {
  heading: Heading;
  nodes: RootContent[];
  blocks: Block[];
}

/** The blocks of `nodes` under headings deeper than `depth` (nodes before the first are dropped). */
function blocksOf(nodes: readonly RootContent[], depth: number): Block[] {
  const blocks: Block[] = [];
  let current: { heading: Heading; body: RootContent[] } | undefined;
  const close = () => {
    if (!current) return;
    const body = current.body;
    const first = body.findIndex((n) => n.type === "heading");
    blocks.push({
      heading: current.heading,
      nodes: first < 0 ? body : body.slice(0, first),
      blocks: blocksOf(body, current.heading.depth),
    });
  };
  for (const node of nodes) {
    if (
      node.type === "heading" &&
      node.depth > depth &&
      (!current || node.depth <= current.heading.depth)
    ) {
      close();
      current = { heading: node, body: [] };
    } else if (current) current.body.push(node);
  }
  close();
  return blocks;
}

const headingText = (block: Block) => plainText(block.heading).trim();
/** The block whose heading ends with `word` (`## Parcel Type`, `### weight Constraints`). */
const blockEnding = (blocks: readonly Block[], word: string) =>
  blocks.find((block) => headingText(block).endsWith(` ${word}`) || headingText(block) === word);

/** The columns of a property table, by the tool's header words. */
function propertyColumns(table: Table): Record<string, number> | undefined {
  const headers = (table.children[0]?.children ?? []).map((cell) =>
    plainText(cell).trim().toLowerCase(),
  );
  const at = (word: string) => headers.indexOf(word);
  if (at("property") < 0 || at("type") < 0) return undefined;
  return {
    name: at("property"),
    type: at("type"),
    required: at("required"),
    nullable: at("nullable"),
    defined: at("defined by"),
  };
}

/** What a `## X Type` block and its `## X Constraints` sibling say, as one type. */
function typeOf(
  typeBlock: Block | undefined,
  constraints: Constraints,
  fallback: TypeRef,
  self?: { title: string; file: string },
): TypeRef {
  const values = valuesType(constraints);
  const read = typeBlock ? readTypeSection(typeBlock.nodes, values, self) : undefined;
  const type = withFormat(read ?? values ?? fallback, constraints.format);
  return constraints.allowsNull ? withNull(type) : type;
}

/** The description paragraphs of a block: all but the `` `name` `` line and the tool's filler. */
function descriptionOf(nodes: readonly RootContent[], source: string): string | undefined {
  const parts = nodes
    .filter(
      (node) =>
        node.type === "paragraph" &&
        !(node.children.length === 1 && node.children[0]?.type === "inlineCode") &&
        !/^(no description|additional properties are allowed\b.*)$/i.test(plainText(node).trim()),
    )
    .map((node) => sourceOf(node, source).trim())
    .filter((text) => text !== "");
  return parts.length > 0 ? decodeCellText(parts.join("\n\n")) : undefined;
}

/** Reads the property table and the properties' own sections into fields, and any extra-keys type. */
function readProperties(
  page: PageContext,
  table: Table,
  sections: readonly Block[],
  source: string,
): { fields: FieldModel[]; extra?: TypeRef } {
  const columns = propertyColumns(table) as Record<string, number>;
  const fields: FieldModel[] = [];
  let extra: TypeRef | undefined;
  for (const row of table.children.slice(1)) {
    const cell = (role: string) => row.children[columns[role] ?? -1];
    const nameCell = cell("name");
    const typeCell = cell("type");
    if (!nameCell || !typeCell) continue;
    const name = plainText(nameCell).trim();
    // A pattern property is written in code; `Additional Properties` is the extra keys' row.
    const patterned = nameCell.children[0]?.type === "inlineCode";
    const section = sections.find((block) =>
      patterned ? headingText(block) === `Pattern: ${name}` : headingText(block) === name,
    );
    const typeBlock = section && blockEnding(section.blocks, "Type");
    const constraintsBlock = section && blockEnding(section.blocks, "Constraints");
    const constraints = constraintsBlock ? readConstraints(constraintsBlock.nodes) : {};
    const written = plainText(typeCell).trim();
    let type = typeOf(typeBlock, constraints, typeWord(written.replace(/^`|`$/g, "")) ?? ANY_VALUE);
    // A schema of no type keyword (`Not specified`) that another page defines (a `$ref` to a schema
    // without `type`): the `Defined by` link names that page, whose model it is when it has one.
    const definedBy = cell("defined")?.children.find((child) => child.type === "link");
    if (type.kind === "unknown" && type.reason === "any" && definedBy?.type === "link")
      type = subSchema(definedBy.url, type);
    if (/^can be null$/i.test(plainText(cell("nullable") ?? row).trim())) type = withNull(type);
    const typeOrigin = originOf(typeBlock?.nodes[0] ?? typeCell, page.file);
    // A pattern property's type holds for the keys its pattern matches, not for every other key.
    if (patterned) {
      extra = ANY_VALUE;
      continue;
    }
    if (
      !nameCell.children.some((c) => c.type === "link") &&
      /^additional properties$/i.test(name)
    ) {
      extra = extra === undefined ? type : { kind: "union", members: [extra, type] };
      continue;
    }
    const description = section && descriptionOf(section.nodes, source);
    fields.push({
      name,
      type,
      required: /^required$/i.test(plainText(cell("required") ?? row).trim()),
      ...(description ? { description } : {}),
      origin: originOf(row, page.file),
      typeOrigin,
    });
  }
  return { fields, ...(extra ? { extra } : {}) };
}

/** The skipped page's result: an info saying why it is not a model. */
function skipped(page: PageContext, at: Origin, message: string): PageResult {
  page.report(at, "info", "not-a-model", message);
  return { decls: [], dialect: "jsonschema2md", diagnostics: page.diagnostics };
}

/** Reads a page of JSON Schema docs into its declaration (see the module comment). */
export function readSchemaPage({ file, root, source }: ParsedPage): PageResult {
  const page = new PageContext(file, source, dialectRules("jsonschema2md"), {}, undefined);
  const children = root.children;
  const titleAt = children.findIndex((node) => node.type === "heading" && node.depth === 1);
  const titleHeading = children[titleAt] as Heading | undefined;
  const title = titleHeading ? plainText(titleHeading).trim() : "";
  const origin = originOf(titleHeading ?? root, file);
  const named = SCHEMA_TITLE.exec(title);
  const idBlock = children.slice(titleAt + 1).find((node): node is Code => node.type === "code");
  if (!named || !idBlock)
    return skipped(
      page,
      origin,
      "Unexpected page without a `# X Schema` title and its `$id` line, expected a schema's page; skipped",
    );
  const [id = "", pointer] = idBlock.value.trim().split("#");
  const definition = pointer ? DEFINITION_POINTER.exec(pointer) : null;
  let name = named[1] as string;
  // The schema's own blocks: `## X Type`, `## X Constraints`, then `# X Properties` (and `# X Definitions`).
  const rest = children.slice(titleAt + 1);
  const top = blocksOf(rest, 0);
  const chapters = top.filter((block) => block.heading.depth === 1);
  const properties = chapters.find((block) => headingText(block).endsWith(" Properties"));
  const table = properties?.nodes.find(
    (node): node is Table => node.type === "table" && propertyColumns(node) !== undefined,
  );
  const own = top.filter((block) => block.heading.depth === 2);
  const typeBlock = blockEnding(own, "Type");
  const join = typeBlock ? readJoin(typeBlock.nodes) : undefined;
  // An untitled sub-schema's page that lists its properties or a union's members is their only
  // list: a model, named by its definition's key or, inline, by where it sits (anonymous).
  const untitled = pointer && (table || join) ? UNTITLED_IN.exec(name) : null;
  if (pointer && !(definition && !UNTITLED.test(name)) && !untitled)
    return skipped(
      page,
      origin,
      `Unexpected sub-schema page (\`#${pointer}\` of \`${id}\`), expected a schema's own page; the schema's page documents it`,
    );
  const anonymous = untitled !== null && definition === null;
  // An untitled definition is named by its key, as a type is spelled (`line_item` -> `LineItem`).
  if (definition && UNTITLED.test(name))
    name = pascalWords(definition[1] as string) || (definition[1] as string);
  // A schema without a title: the tool writes `Untitled object in undefined`; its `$id` names it.
  if (!pointer && UNTITLED.test(name)) name = idName(id);
  if (anonymous) name = nestedName(untitled[1] as string, id, pointer as string);
  if (!anonymous) name = schemaName(name);

  const firstHeading = rest.findIndex((node) => node.type === "heading");
  const intro = firstHeading < 0 ? rest : rest.slice(0, firstHeading);
  const description = descriptionOf(
    intro.filter((node) => node !== idBlock),
    source,
  );
  const constraints = readConstraints(blockEnding(own, "Constraints")?.nodes ?? []);
  const base = {
    id: pageIdOf(file),
    name,
    ...(anonymous ? { anonymous: true } : {}),
    ...(description ? { description } : {}),
    origin,
  };
  const result = (decl: Decl): PageResult => ({
    decls: [decl],
    dialect: "jsonschema2md",
    diagnostics: page.diagnostics,
  });
  // `allOf` members that name a model (a titled schema, an untitled one's page) are its bases.
  const bases = join?.join === "all" ? join.members.filter((type) => type.kind === "ref") : [];
  if (!table && bases.length > 0)
    return result({
      ...base,
      kind: "object",
      fields: [],
      open: false,
      extends: bases.map((type) => ({ type, origin })),
    });
  if (properties && table) {
    const read = readProperties(page, table, properties.blocks, source);
    if (read.fields.length === 0 && read.extra)
      return result({
        ...base,
        kind: "union",
        members: [{ type: { kind: "map", values: read.extra }, origin }],
      });
    return result({
      ...base,
      kind: "object",
      fields: read.fields,
      open: read.fields.length === 0,
      ...(bases.length > 0 ? { extends: bases.map((type) => ({ type, origin })) } : {}),
    });
  }
  if (constraints.values && constraints.values.length > 0)
    return result({
      ...base,
      kind: "enum",
      members: constraints.values.map((entry) => ({
        value: entry.value,
        ...(entry.description ? { description: entry.description } : {}),
        origin: originOf(entry.at, file),
      })),
      open: false,
    });
  const type = typeOf(typeBlock, constraints, ANY_VALUE, { title: name, file });
  if (type.kind === "open-object")
    return result({ ...base, kind: "object", fields: [], open: true });
  const members = type.kind === "union" ? type.members : [type];
  return result({
    ...base,
    kind: "union",
    members: members.map((member) => ({ type: member, origin })),
  });
}
