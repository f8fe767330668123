/**
 * The `sdk-field-names` note: some SDK generators document a model's fields under the SDK's own names
 * (Go's `ID` and `CreatedAt`, Java's and PHP's `createdAt`, C#'s `CreatedAt`), not the JSON's
 * (`id`, `created_at`). With `fieldNames: "as-documented"` the types and validators then describe the
 * SDK's objects, and real JSON fails them. docs2ts cannot know the JSON's names, so it says this once
 * per run and leaves the choice to the user. Under `fieldNames: "snake_case"` one doubt remains, said
 * the same way: an SDK name with a digit right after a letter (`part2`) does not tell whether the JSON
 * had an underscore there (`part_2`) or not (`line1`).
 */
import { diagnosticAt, type Diagnostic } from "../core/diagnostics.js";
import type { ResolvedDialect as Flavour } from "../dialects/dialect-rules.js";
import { toSnakeCase } from "../core/naming.js";
import type { FieldNameStyle } from "../core/options.js";
import type { PageResult } from "./build.js";
import type { FieldModel } from "../core/model.js";

/** The flavours whose field names may be an SDK's, with the docs they stand for. */
const SDK_NAMED: Partial<Record<Flavour, string>> = {
  "speakeasy-go": "Speakeasy's Go, Java, C#, PHP and Ruby docs",
  "openapi-generator": "OpenAPI Generator's docs",
};

/** How many field names the message quotes. */
const EXAMPLES = 3;

/** An SDK's spelling: a capital letter, which JSON names in snake_case or lower case never have. */
const sdkSpelled = (field: FieldModel) => /[A-Z]/.test(field.documentedName ?? field.name);

/**
 * One info diagnostic (at the first such field, in page order) when `fieldNames` is "as-documented"
 * and pages of an SDK-named flavour spell field names as an SDK does; none otherwise.
 */
export function sdkFieldNamesNotice(
  results: readonly PageResult[],
  fieldNames: FieldNameStyle,
): Diagnostic[] {
  if (fieldNames !== "as-documented") return [];
  const flavours = new Set<Flavour>();
  const names = new Set<string>();
  let pages = 0;
  let first: FieldModel | undefined;
  for (const { decls, dialect: flavour } of results) {
    if (flavour === undefined || !SDK_NAMED[flavour]) continue;
    const spelled = decls.flatMap((decl) => (decl.kind === "object" ? decl.fields : []));
    const sdkNames = spelled.filter(sdkSpelled);
    if (sdkNames.length === 0) continue;
    pages += 1;
    flavours.add(flavour);
    first ??= sdkNames[0];
    for (const field of sdkNames) if (names.size < EXAMPLES) names.add(field.name);
  }
  if (first === undefined) return [];
  const read = [...flavours].map((flavour) => `${flavour} (${SDK_NAMED[flavour]})`).join(" and ");
  const quoted = [...names].map((name) => `\`${name}\``).join(", ");
  return [
    diagnosticAt(
      first.origin,
      "info",
      "sdk-field-names",
      `Unexpected field names as an SDK spells them (${quoted}, ...) on ${pages} ${pages === 1 ? "page" : "pages"} read as ${read}, expected the JSON's names: with fieldNames "as-documented" the types and validators use them as written, and JSON that names the fields otherwise fails validation. Set --field-names snake_case or camelCase ("fieldNames" in the config) to match the JSON, or "overrides" for single fields`,
    ),
  ];
}

/** A letter followed by a digit: where camel-casing may have dropped an underscore. */
const DIGIT_AFTER_LETTER = /\p{L}\p{N}/u;

/**
 * Under `fieldNames: "snake_case"`: one info diagnostic (at the first such field) when fields of pages
 * that spell names as an SDK does have a digit right after a letter, which snake_case keeps together
 * (`part2`) although the JSON may separate it (`part_2`); fields whose name an override sets are left
 * out. None otherwise.
 */
export function digitBoundaryNotice(
  results: readonly PageResult[],
  fieldNames: FieldNameStyle,
): Diagnostic[] {
  if (fieldNames !== "snake_case") return [];
  const fields: FieldModel[] = [];
  for (const { decls, dialect: flavour } of results) {
    if (flavour === undefined || !SDK_NAMED[flavour]) continue;
    for (const decl of decls) {
      if (decl.kind !== "object" || !decl.fields.some(sdkSpelled)) continue;
      for (const field of decl.fields)
        if (
          field.propertyName === undefined &&
          DIGIT_AFTER_LETTER.test(field.documentedName ?? field.name)
        )
          fields.push(field);
    }
  }
  const first = fields[0];
  if (first === undefined) return [];
  const quoted = fields
    .slice(0, EXAMPLES)
    .map((field) => `\`${field.name}\` as \`${toSnakeCase(field.name)}\``)
    .join(", ");
  const more = fields.length > EXAMPLES ? ", ..." : "";
  const names = fields.length === 1 ? "1 SDK field name" : `${fields.length} SDK field names`;
  return [
    diagnosticAt(
      first.origin,
      "info",
      "sdk-field-names",
      `Unexpected digit right after a letter in ${names} (${quoted}${more}), expected names whose snake_case is certain: the SDK's spelling does not say whether the JSON puts an underscore before the digit (\`part_2\`) or not (\`line1\`). Check them against the JSON, or the API's docs in a language that keeps the JSON's names such as Python, and set the names that differ with "overrides"`,
    ),
  ];
}
