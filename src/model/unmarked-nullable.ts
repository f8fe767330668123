/**
 * The `unmarked-nullable` note: not every SDK language of OpenAPI Generator writes nullability into
 * its docs' type column (Java, PHP and Ruby give a field the API may send as `null` the same type as
 * one it never does). Such docs read as a model where nothing is nullable, and a real `null` fails the
 * validators. docs2ts cannot know which fields the API sends as `null`; when a folder's pages of that
 * flavour mark no field nullable at all while some descriptions speak of `null`, it says so once per
 * run, at the first such field, and leaves the fields to `overrides`.
 */
import { diagnosticAt, type Diagnostic } from "../core/diagnostics.js";
import type { FieldModel, TypeRef } from "../core/model.js";
import type { PageResult } from "./build.js";

/** How many field names the message quotes. */
const EXAMPLES = 3;

/** The flavour whose languages differ in writing nullability. */
const FLAVOUR = "openapi-generator";

/** A description that speaks of the value `null`. */
const SAYS_NULL = /\bnull\b/i;

/** Whether a value of the type may be `null` (an unknown type takes any value). */
function admitsNull(type: TypeRef): boolean {
  if (type.kind === "null" || type.kind === "unknown") return true;
  return type.kind === "union" && type.members.some(admitsNull);
}

/** The object fields of the pages of the flavour, each with its model's name. */
function flavourFields(
  results: readonly PageResult[],
): Array<{ model: string; field: FieldModel }> {
  return results.flatMap(({ decls, dialect }) =>
    dialect === FLAVOUR
      ? decls.flatMap((decl) =>
          decl.kind === "object" ? decl.fields.map((field) => ({ model: decl.name, field })) : [],
        )
      : [],
  );
}

/**
 * One info diagnostic when no field of the pages read as OpenAPI Generator's is nullable as read
 * (`read`: before overrides) and some field that is still not nullable after the overrides (`final`)
 * has a description that speaks of `null`; none otherwise.
 */
export function unmarkedNullNotice(
  read: readonly PageResult[],
  final: readonly PageResult[],
): Diagnostic[] {
  const documented = flavourFields(read);
  if (documented.length === 0 || documented.some(({ field }) => admitsNull(field.type))) return [];
  const fields = flavourFields(final).filter(
    ({ field }) => !admitsNull(field.type) && SAYS_NULL.test(field.description ?? ""),
  );
  const first = fields[0];
  if (first === undefined) return [];
  const quoted = fields
    .slice(0, EXAMPLES)
    .map(({ model, field }) => `\`${model}.${field.name}\``)
    .join(", ");
  const more = fields.length > EXAMPLES ? ", ..." : "";
  const count =
    fields.length === 1
      ? "1 field whose description speaks"
      : `${fields.length} fields whose descriptions speak`;
  return [
    diagnosticAt(
      first.field.origin,
      "info",
      "unmarked-nullable",
      `Unexpected type column that marks no field nullable on pages read as ${FLAVOUR}, with ${count} of null (${quoted}${more}), expected nullable types where the API sends null: OpenAPI Generator's Java, PHP and Ruby docs leave nullability out, so these fields are not nullable here and a null fails validation. Mark the ones the API sends as null with "overrides" ("nullable": true); the API's Python docs (\`none_type\`) show which they are`,
    ),
  ];
}
