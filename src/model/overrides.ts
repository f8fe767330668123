/**
 * Overrides: the user's corrections to what the docs say, applied to a page's declaration after the page
 * is read and before references are resolved, so every emitter sees the corrected model. A plain
 * function of one declaration and its override; it returns the new declaration and diagnostics that
 * point at the config (an override that matches nothing is an error, one that changes nothing a
 * warning). Renaming a declaration waits until references are resolved (the pipeline does it), so
 * references written by the docs' name still find it.
 */
import type { PhrasingContent } from "mdast";
import { diagnosticAt, type Diagnostic, type RuleId } from "../core/diagnostics.js";
import { dialectRules, type ResolvedDialect } from "../dialects/dialect-rules.js";
import { withNull } from "../dialects/grammar.js";
import { tokenizeInline } from "../dialects/tokens.js";
import { propertyName } from "../core/naming.js";
import type { FieldNameStyle, FieldOverride, PageOverride } from "../core/options.js";
import { nearestWords, orList } from "../core/suggest.js";
import { fieldNameClashes, matchField } from "./override-names.js";
import { PageContext } from "./page-context.js";
import type { Decl, EnumDecl, FieldModel, ObjectDecl, TypeRef } from "../core/model.js";

/** A place in the config: the file as the user named it, the line and column (0 when unknown) and the key. */
export interface ConfigPlace {
  file: string;
  line: number;
  column: number;
  keyPath: string;
}

/** What applying one page's override needs besides the page. */
export interface OverrideContext {
  /** The config file's name, for the `@remarks overridden in ...` note. */
  source: string;
  /** Where the key at `steps` below the page's entry was written (`["fields", "Name", "nullable"]`). */
  place(steps: readonly (string | number)[]): ConfigPlace;
  /** Reads a type spelling as Markdown inline content, as a table cell is read (the caller loads remark). */
  parseInline(text: string): PhrasingContent[];
  /** How output property names are spelled (to tell a no-op name, and names that clash). */
  fieldNames: FieldNameStyle;
  typeMap: Readonly<Record<string, string>>;
  maxTypeDepth: number;
}

/** One page as read: its path, its declaration (none for a page without a model) and its dialect. */
export interface ReadPage {
  file: string;
  decl?: Decl;
  dialect?: ResolvedDialect;
}

type Value = string | number | boolean;

const nullable = (type: TypeRef): boolean =>
  type.kind === "null" || (type.kind === "union" && type.members.some((m) => m.kind === "null"));

/** `type` without its `null` member (a lone `null` stays: there is nothing else to keep). */
function withoutNull(type: TypeRef): TypeRef {
  if (type.kind !== "union") return type;
  const members = type.members.filter((member) => member.kind !== "null");
  if (members.length === 0) return type;
  return members.length === 1 ? (members[0] as TypeRef) : { kind: "union", members };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const shown = (value: Value): string =>
  typeof value === "string" ? JSON.stringify(value) : String(value);

/** Applies one page's override. `override` has been validated (overrides-config.ts). */
export function overridePage(
  page: ReadPage,
  override: PageOverride,
  context: OverrideContext,
): { decl?: Decl; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (steps, severity, message, ruleId) => {
    const rule = ruleId ?? (severity === "error" ? "override-unmatched" : "override-no-change");
    diagnostics.push(diagnosticAt(context.place(steps), severity, rule, message));
  };
  const decl = page.decl;
  if (decl === undefined) {
    report(
      [],
      "error",
      `Unexpected override of ${page.file}, a page without a model (it is skipped), expected a model page`,
    );
    return { diagnostics };
  }
  const changed: string[] = [];
  if (override.name !== undefined) {
    if (override.name === decl.name)
      report(
        ["name"],
        "warning",
        `Unexpected override of the name \`${decl.name}\` with itself, expected another name`,
      );
    else changed.push("name");
  }
  let result: Decl = decl;
  if (override.values !== undefined) {
    if (decl.kind !== "enum")
      report(
        ["values"],
        "error",
        `Unexpected \`values\` for \`${decl.name}\`, ${article(decl.kind)} page, expected an enum page`,
      );
    else {
      result = overrideValues(decl, override.values, report);
      if (result !== decl) changed.push("values");
    }
  }
  if (override.fields !== undefined) {
    if (decl.kind !== "object")
      report(
        ["fields"],
        "error",
        `Unexpected \`fields\` for \`${decl.name}\`, ${article(decl.kind)} page, expected an object page`,
      );
    else {
      const fields = overrideFields(page, decl, override.fields, context, report, diagnostics);
      if (fields !== decl.fields)
        result = { ...decl, fields, open: decl.open && fields.length === 0 };
    }
  }
  if (changed.length > 0)
    result = { ...result, overridden: note(result.overridden, context, changed) };
  return { decl: result, diagnostics };
}

const article = (kind: Decl["kind"]) => (kind === "union" ? "a union" : `an ${kind}`);

function note(
  previous: FieldModel["overridden"],
  context: OverrideContext,
  changed: readonly string[],
): { source: string; changed: string[] } {
  return { source: context.source, changed: [...(previous?.changed ?? []), ...changed] };
}

/** Reports a finding at the key at `steps`; the rule follows from the severity unless given. */
type Report = (
  steps: readonly (string | number)[],
  severity: "error" | "warning",
  message: string,
  ruleId?: RuleId,
) => void;

function overrideValues(
  decl: EnumDecl,
  values: NonNullable<PageOverride["values"]>,
  report: Report,
): EnumDecl {
  let members = decl.members;
  (values.remove ?? []).forEach((value, index) => {
    const kept = members.filter((member) => member.value !== value);
    if (kept.length === members.length) {
      const near = nearestWords(
        String(value),
        members.map((m) => String(m.value)),
      );
      const hint = near.length > 0 ? ` (did you mean ${orList(near)}?)` : "";
      report(
        ["values", "remove", index],
        "error",
        `Unexpected value ${shown(value)} to remove, expected a value of \`${decl.name}\`${hint}`,
      );
    }
    members = kept;
  });
  (values.add ?? []).forEach((value, index) => {
    if (members.some((member) => member.value === value)) {
      report(
        ["values", "add", index],
        "warning",
        `Unexpected value ${shown(value)} to add, expected a value \`${decl.name}\` does not have`,
      );
      return;
    }
    members = [...members, { value, origin: decl.origin }];
  });
  if (same(members, decl.members)) return decl;
  // An enum the docs left without values takes exactly the override's: it is no longer open.
  return decl.members.length === 0 ? { ...decl, members, open: false } : { ...decl, members };
}

function overrideFields(
  page: ReadPage,
  decl: ObjectDecl,
  overrides: Readonly<Record<string, FieldOverride>>,
  context: OverrideContext,
  report: Report,
  diagnostics: Diagnostic[],
): FieldModel[] {
  // A field to add that the page has in another letter case is a misspelt override of that field:
  // an error, and nothing is added (it would give the output both spellings).
  const misspelt = new Set<string>();
  for (const [name, given] of Object.entries(overrides)) {
    if (given.type === undefined || matchField(decl.fields, name) >= 0) continue;
    const lower = name.toLowerCase();
    const same = decl.fields.find(
      (field) => (field.documentedName ?? field.name).toLowerCase() === lower,
    );
    if (!same) continue;
    misspelt.add(name);
    report(
      ["fields", name],
      "error",
      `Unexpected field \`${name}\` to add, expected a name \`${decl.name}\` (${page.file}) does not have in another letter case (did you mean \`${same.documentedName ?? same.name}\`?); the field is not added`,
    );
  }
  const kept = Object.fromEntries(
    Object.entries(overrides).filter(([name]) => !misspelt.has(name)),
  );
  // A name another field has is refused before anything is applied (see override-names.ts).
  const refused = new Set<string>();
  for (const clash of fieldNameClashes(decl, kept, context.fieldNames)) {
    refused.add(clash.key);
    const whose = `expected a name no other field of \`${decl.name}\` (${page.file}) has`;
    report(
      clash.added ? ["fields", clash.key] : ["fields", clash.key, "name"],
      "error",
      clash.added
        ? `Unexpected field \`${clash.key}\` to add${clash.name === clash.key ? "" : ` as \`${clash.name}\``}, the property name of field \`${clash.other}\`, ${whose}; the field is not added`
        : `Unexpected name \`${clash.name}\` for field \`${clash.key}\`, the property name of field \`${clash.other}\`, ${whose}; \`${clash.key}\` keeps its name`,
      "override-conflict",
    );
  }
  let fields = decl.fields;
  for (const [name, given] of Object.entries(overrides)) {
    if (misspelt.has(name)) continue;
    const index = matchField(fields, name);
    const field = fields[index];
    const override = refused.has(name) ? withoutName(given) : given;
    if (field === undefined) {
      if (refused.has(name)) continue;
      if (override.type === undefined) {
        const near = nearestWords(
          name,
          decl.fields.map((f) => f.documentedName ?? f.name),
        );
        const hint = near.length > 0 ? ` (did you mean ${orList(near)}?)` : "";
        report(
          ["fields", name],
          "error",
          `Unexpected override of field \`${name}\`, expected a field of \`${decl.name}\` (${page.file})${hint}; to add a field the docs leave out, give its \`type\``,
        );
        continue;
      }
      fields = [...fields, addedField(page, decl, name, override, context, diagnostics)];
      continue;
    }
    const updated = overrideField(page, field, name, override, context, report, diagnostics);
    if (updated !== field) fields = fields.map((f, i) => (i === index ? updated : f));
  }
  return fields;
}

/** A field override without its `name` (a name another field has is not applied). */
const withoutName = ({ name: _name, ...rest }: FieldOverride): FieldOverride => rest;

/** Reads a type spelling as a type cell of the page, with the cell's modifiers applied as a row would. */
function readType(
  page: ReadPage,
  spelling: string,
  steps: readonly (string | number)[],
  context: OverrideContext,
  diagnostics: Diagnostic[],
  origin: FieldModel["typeOrigin"],
): { type: TypeRef; optional: boolean } {
  const rules = dialectRules(page.dialect ?? "hand-written");
  const reader = new PageContext(page.file, spelling, rules, context.typeMap, context.maxTypeDepth);
  const cell = reader.parseCell(
    tokenizeInline(context.parseInline(spelling), [], spelling),
    origin,
  );
  // The grammar's findings are about the spelling in the config: point there.
  const place = context.place(steps);
  for (const found of reader.diagnostics) diagnostics.push({ ...found, ...place });
  const optional = cell.optional || (cell.pointer && rules.pointer === "optional");
  const isNullable =
    cell.nullable || (cell.pointer && rules.pointer === "nullable") || (cell.option && !optional);
  return { type: isNullable ? withNull(cell.type) : cell.type, optional };
}

function addedField(
  page: ReadPage,
  decl: ObjectDecl,
  name: string,
  override: FieldOverride,
  context: OverrideContext,
  diagnostics: Diagnostic[],
): FieldModel {
  const read = readType(
    page,
    override.type as string,
    ["fields", name, "type"],
    context,
    diagnostics,
    decl.origin,
  );
  let type = read.type;
  if (override.nullable !== undefined)
    type = override.nullable ? withNull(type) : withoutNull(type);
  return {
    name,
    type,
    required: override.optional !== undefined ? !override.optional : !read.optional,
    ...(override.description !== undefined ? { description: override.description } : {}),
    ...(override.deprecated === true ? { deprecated: true } : {}),
    origin: decl.origin,
    typeOrigin: decl.origin,
    ...(override.name !== undefined ? { propertyName: override.name } : {}),
    overridden: { source: context.source, changed: ["added"] },
  };
}

function overrideField(
  page: ReadPage,
  field: FieldModel,
  name: string,
  override: FieldOverride,
  context: OverrideContext,
  report: Report,
  diagnostics: Diagnostic[],
): FieldModel {
  const next: FieldModel = { ...field };
  const changed: string[] = [];
  const unchanged = (key: string, what: string) =>
    report(
      ["fields", name, key],
      "warning",
      `Unexpected override of \`${name}\` that changes nothing (${what}), expected a correction of the docs`,
    );
  if (override.type !== undefined) {
    const read = readType(
      page,
      override.type,
      ["fields", name, "type"],
      context,
      diagnostics,
      field.typeOrigin,
    );
    const required = read.optional ? false : next.required;
    if (same(read.type, next.type) && required === next.required)
      unchanged("type", "the docs give that type");
    else {
      next.type = read.type;
      next.required = required;
      changed.push("type");
    }
  }
  if (override.nullable !== undefined) {
    if (nullable(next.type) === override.nullable)
      unchanged("nullable", override.nullable ? "it is nullable already" : "it is not nullable");
    else {
      next.type = override.nullable ? withNull(next.type) : withoutNull(next.type);
      changed.push("nullable");
    }
  }
  if (override.optional !== undefined) {
    if (!next.required === override.optional)
      unchanged(
        "optional",
        override.optional ? "it is optional already" : "it is required already",
      );
    else {
      next.required = !override.optional;
      changed.push("optional");
    }
  }
  if (override.name !== undefined) {
    if (override.name === (field.propertyName ?? propertyName(field.name, context.fieldNames)))
      unchanged("name", "the output uses that name already");
    else {
      next.propertyName = override.name;
      changed.push("name");
    }
  }
  if (override.description !== undefined) {
    if (override.description === field.description)
      unchanged("description", "the docs say the same");
    else {
      next.description = override.description;
      changed.push("description");
    }
  }
  if (override.deprecated !== undefined) {
    if ((field.deprecated === true) === override.deprecated)
      unchanged(
        "deprecated",
        override.deprecated ? "it is deprecated already" : "it is not deprecated",
      );
    else {
      if (override.deprecated) next.deprecated = true;
      else delete next.deprecated;
      changed.push("deprecated");
    }
  }
  if (changed.length === 0) return field;
  next.overridden = note(field.overridden, context, changed);
  return next;
}
