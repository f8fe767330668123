/**
 * The outputs docs2ts can write, in the order they are listed: `emit: [...]` in the config and
 * `--emit` on the command line choose among them by id. A new output is one file and one entry here.
 */
import { didYouMean, orList } from "../../core/suggest.js";
import { jsonSchemaTarget } from "./json-schema.js";
import { openapiTarget } from "./openapi.js";
import type { Target } from "./target.js";
import { typesTarget } from "./types.js";
import { validatorsTarget } from "./validators.js";

export const TARGETS: readonly Target[] = [
  typesTarget, // always written
  validatorsTarget, // default on
  jsonSchemaTarget,
  openapiTarget,
];

/** Every target id, in registry order. */
export const TARGET_IDS: readonly string[] = TARGETS.map((target) => target.id);

/** What is wrong with one target id (with the nearest known one), or undefined for a known id. */
export function unknownTarget(id: string): string | undefined {
  if (TARGET_IDS.includes(id)) return undefined;
  return `unknown output "${id}"${didYouMean(id, TARGET_IDS)}; expected one of ${orList(TARGET_IDS)}`;
}

/** The target that writes `path` when it is not among the chosen ones (`emit`), if any. */
export function unchosenOwner(path: string, chosen: readonly string[]): string | undefined {
  return TARGETS.find((target) => !chosen.includes(target.id) && target.owns?.(path) === true)?.id;
}

/** The chosen targets, in registry order. Throws for an unknown id (the API is not checked before). */
export function chosenTargets(ids: readonly string[]): Target[] {
  for (const id of ids) {
    const problem = unknownTarget(id);
    if (problem !== undefined) throw new Error(`docs2ts: option "emit": ${problem}`);
  }
  return TARGETS.filter((target) => ids.includes(target.id));
}
