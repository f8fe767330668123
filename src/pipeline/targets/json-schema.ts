/** `json-schema`: a JSON Schema (2020-12) beside each module (emit/json-schema.ts). */
import { emitSchemas } from "../emit-output.js";
import type { Target } from "./target.js";

export const jsonSchemaTarget: Target = {
  id: "json-schema",
  description: "a JSON Schema (2020-12) file beside each module, `$ref`s between files",
  memoised: false,
  owns: (path) => path.endsWith(".schema.json"),
  emit: ({ plan, shapes, run }) => emitSchemas(plan, shapes, run.options),
};
