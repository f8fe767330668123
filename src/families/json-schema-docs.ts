/**
 * JSON Schema docs written by a documentation tool (@adobe/jsonschema2md and tools of its anatomy): a
 * page per schema titled `# X Schema` with the schema's `$id` in a `txt` code block, a property table
 * `Property | Type | Required | Nullable | Defined by`, and a page per sub-schema. Recognised by those
 * markers; read by json-schema-docs/read-page.ts.
 */
import type { Family, Recognition } from "./family.js";
import { readSchemaPage } from "./json-schema-docs/read-page.js";
import { schemaPageLines } from "./json-schema-docs/reduce.js";

/** The title and `$id` block every page of the tool opens with. */
const TITLE_AND_ID = /^# [^\n]*\bSchema[ \t]*\n+```txt\n[a-z][a-z0-9+.-]*:\S*\n```/m;
/** The property table's header and the enum sentence, in the tool's words. */
const TOOL_MARKERS =
  /^\|\s*Property\s*\|\s*Type\s*\|\s*Required\s*\|\s*Nullable\s*\|\s*Defined by\s*\||^\*\*enum\*\*: the value of this property must be equal to one of the following values/m;

export const jsonSchemaDocsFamily: Family = {
  id: "json-schema-docs",
  label: "JSON Schema docs",
  dialects: ["jsonschema2md"],
  extensions: [".md"],
  recognise: ({ source }): Recognition =>
    TITLE_AND_ID.test(source) || TOOL_MARKERS.test(source) ? "strong" : undefined,
  reduce: schemaPageLines,
  read: (page) => readSchemaPage(page),
};
