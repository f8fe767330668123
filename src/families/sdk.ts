/**
 * SDK generators' model pages (Speakeasy and OpenAPI Generator, every SDK language) and pages written
 * by hand in the same anatomy: one model per page, a `# Title` and a `## Fields`, `## Values` or
 * `## Supported Types` section (model/build.ts reads them). It is also the family of a page no other
 * family recognises, as it was before docs2ts read other families.
 */
import { modelSectionsOnly } from "../model/model-sections.js";
import { readPage } from "../model/build.js";
import type { Family, Recognition } from "./family.js";

/** Markers only SDK generators write: Speakeasy's required column, its sections, OpenAPI Generator's. */
const SDK_MARKERS =
  /:heavy_(?:check_mark|minus_sign):|^##[ \t]+(?:Fields|Values|Supported Types|Example Usage|Properties|Enum)[ \t]*$/im;

export const sdkFamily: Family = {
  id: "sdk",
  label: "SDK docs",
  dialects: [
    "speakeasy-go",
    "speakeasy-ts",
    "speakeasy-python",
    "openapi-generator",
    "hand-written",
  ],
  extensions: [".md"],
  recognise: ({ source }): Recognition => (SDK_MARKERS.test(source) ? "strong" : "weak"),
  reduce: modelSectionsOnly,
  read: ({ file, root, source }, options) => readPage(file, root, source, options),
};
