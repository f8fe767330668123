/**
 * One small table per doc flavour over the one type grammar: which spellings its type cells use and
 * what its few flavour-specific markers mean. Everything else (tables by header names, sections by
 * title) is shared, so a flavour docs2ts has never seen still reads, with warnings at the cells.
 */
import type { Dialect } from "../options.js";
import { ANY_TYPE, DEFAULT_SPELLINGS, extendSpellings, type Spellings } from "./spellings.js";

/** A concrete flavour (`auto` resolved). */
export type Flavour = Exclude<Dialect, "auto">;

/** The rules of one flavour. */
export interface FlavourRules {
  flavour: Flavour;
  spellings: Spellings;
  /**
   * What a Go pointer (`*T`, `Pointer to T`) on a field means: Speakeasy Go decodes JSON `null` into it
   * (`nullable`); OpenAPI Generator uses it for fields that may be absent (`optional`).
   */
  pointer: "nullable" | "optional";
  /** Hand-written tables: "one of `a`, `b`" in a type or description cell is a literal union. */
  inlineEnums: boolean;
}

/** Python: `object` and `Any` mean any JSON value, not an object. */
const PYTHON_SPELLINGS = extendSpellings(DEFAULT_SPELLINGS, {
  primitives: { object: ANY_TYPE },
});

/** TypeScript: `T?` marks an optional member. */
const TYPESCRIPT_SPELLINGS = extendSpellings(DEFAULT_SPELLINGS, { questionMark: "optional" });

/** Hand-written tables: `string?` means the field may be left out. */
const HAND_WRITTEN_SPELLINGS = extendSpellings(DEFAULT_SPELLINGS, { questionMark: "optional" });

const RULES: Readonly<Record<Flavour, FlavourRules>> = {
  "speakeasy-go": {
    flavour: "speakeasy-go",
    spellings: DEFAULT_SPELLINGS,
    pointer: "nullable",
    inlineEnums: false,
  },
  "speakeasy-ts": {
    flavour: "speakeasy-ts",
    spellings: TYPESCRIPT_SPELLINGS,
    pointer: "nullable",
    inlineEnums: false,
  },
  "speakeasy-python": {
    flavour: "speakeasy-python",
    spellings: PYTHON_SPELLINGS,
    pointer: "nullable",
    inlineEnums: false,
  },
  // OpenAPI Generator's `object` is a free-form value in every target language (Python `object`,
  // Java `Object`); its Go pages spell maps as `map[string]interface{}`.
  "openapi-generator": {
    flavour: "openapi-generator",
    spellings: PYTHON_SPELLINGS,
    pointer: "optional",
    inlineEnums: false,
  },
  "hand-written": {
    flavour: "hand-written",
    spellings: HAND_WRITTEN_SPELLINGS,
    pointer: "nullable",
    inlineEnums: true,
  },
};

/** The rules of a flavour. */
export function flavourRules(flavour: Flavour): FlavourRules {
  return RULES[flavour];
}
