/**
 * Outputs as targets: `emit` in the config and `--emit` choose them (checked with a did-you-mean), and
 * the deprecated booleans `validators` and `jsonSchema` give the very files their `emit` spelling does.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { deprecationNote, emitTargets } from "../../../src/commands/cli-run.js";
import { resolveOptions, type GenerateOptions } from "../../../src/core/options.js";
import { validateConfig } from "../../../src/pipeline/config.js";
import { generate } from "../../../src/pipeline/generate.js";
import { optionSetKey } from "../../../src/write/cache.js";
import { chosenTargets, TARGET_IDS } from "../../../src/pipeline/targets/registry.js";

const INPUT = fileURLToPath(new URL("../../fixtures/targets", import.meta.url));

const filesOf = async (options: GenerateOptions) =>
  (await generate({ input: INPUT, cache: false, ...options })).files;

describe("targets", () => {
  it("lists types, validators and json-schema, types first", () => {
    expect(TARGET_IDS.slice(0, 3)).toEqual(["types", "validators", "json-schema"]);
    expect(chosenTargets(["json-schema", "types"]).map((t) => t.id)).toEqual([
      "types",
      "json-schema",
    ]);
    expect(() => chosenTargets(["typs"])).toThrow(
      /unknown output "typs" \(did you mean "types"\?\)/,
    );
  });

  it("resolves emit to one order, types always, the aliases on top", () => {
    expect(resolveOptions({}).emit).toEqual(["types", "validators"]);
    expect(resolveOptions({ emit: ["json-schema"] }).emit).toEqual(["types", "json-schema"]);
    expect(resolveOptions({ validators: false }).emit).toEqual(["types"]);
    const aliased = resolveOptions({ jsonSchema: true });
    const spelled = resolveOptions({ emit: ["validators", "json-schema", "types", "types"] });
    expect(spelled.emit).toEqual(aliased.emit);
    expect(optionSetKey(spelled)).toBe(optionSetKey(aliased));
    expect(optionSetKey(resolveOptions({ emit: ["types"] }))).not.toBe(
      optionSetKey(resolveOptions({})),
    );
  });

  it("writes the same files for a deprecated boolean as for its emit spelling", async () => {
    const withoutValidators = await filesOf({ emit: ["types"] });
    expect(withoutValidators.some((file) => file.path.startsWith("runtime"))).toBe(false);
    expect(await filesOf({ validators: false })).toEqual(withoutValidators);
    const withSchemas = await filesOf({ emit: ["types", "validators", "json-schema"] });
    expect(withSchemas.some((file) => file.path === "parcel.schema.json")).toBe(true);
    expect(await filesOf({ jsonSchema: true })).toEqual(withSchemas);
  });

  it("checks emit in the config whole, with a did-you-mean", () => {
    expect(validateConfig({ emit: ["types", "json-schema"] }, "c.json")).toEqual({
      emit: ["types", "json-schema"],
    });
    expect(() => validateConfig({ emit: ["types", "jsonschema"] }, "c.json")).toThrow(
      /option "emit\[1\]": unknown output "jsonschema" \(did you mean "json-schema"\?\)/,
    );
    expect(() => validateConfig({ emit: "types" }, "c.json")).toThrow(
      /option "emit" must be an array of outputs/,
    );
  });

  it("reads --emit comma-separated or repeated, each id known", () => {
    expect(emitTargets("json-schema", emitTargets("types, validators"))).toEqual([
      "types",
      "validators",
      "json-schema",
    ]);
    expect(() => emitTargets("types,validator")).toThrow(/did you mean "validators"/);
  });

  it("notes the deprecated aliases once, unless --emit replaces them or --quiet", () => {
    const flags = { cache: true, reporter: "text" as const };
    expect(deprecationNote([{}], flags)).toBeUndefined();
    const note = deprecationNote([{ validators: false }, { jsonSchema: true }], {
      ...flags,
      jsonSchema: true,
    });
    expect(note).toMatch(/"validators", "jsonSchema" and --json-schema are deprecated/);
    expect(deprecationNote([{ validators: false }], { ...flags, emit: ["types"] })).toBeUndefined();
    expect(deprecationNote([{ validators: false }], { ...flags, quiet: true })).toBeUndefined();
  });
});
