/**
 * Property tests with fast-check on Batch and several Go-corpus models: values generated from the
 * model pass `isX`/`validateX`; every single mutation fails with an issue at the mutated path; and Ajv
 * (2020-12) on the emitted JSON Schema agrees with `isX` on all of them.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planModules } from "../../src/emit/plan.js";
import { loadConfig } from "../../src/pipeline/config.js";
import type { Decl } from "../../src/core/model.js";
import type { GenerateOptions } from "../../src/core/options.js";
import {
  declType,
  declValue,
  isRfc3339,
  mutate,
  sites,
  type ModelView,
} from "./validators-arbitraries.js";
import { describeShared } from "../support/helpers.js";
import {
  compileOutput,
  GO_CORPUS,
  SEED_INPUT,
  validatorsOf,
  type CompiledOutput,
} from "./validators-harness.js";

const DATES_INPUT = fileURLToPath(new URL("../fixtures/dates", import.meta.url));
const OVERRIDES_CASE = fileURLToPath(new URL("../fixtures/overrides/kinds", import.meta.url));

interface Setup {
  out: CompiledOutput;
  model: ModelView;
  ajv: InstanceType<typeof Ajv2020>;
}

async function setup(input: string, options: GenerateOptions = {}): Promise<Setup> {
  const out = await compileOutput({ ...options, input, jsonSchema: true });
  const plan = planModules(out.result.decls, "as-documented");
  const model: ModelView = {
    decls: new Map(out.result.decls.map((decl) => [decl.id, decl])),
    propertyNames: new Map(plan.modules.map((m) => [m.decl.id, m.propertyNames])),
  };
  // ownProperties: inherited members must not satisfy `required` (as in the generated validators).
  const ajv = new Ajv2020({ strict: false, ownProperties: true });
  // ajv-formats is not a dependency: the formats the schemas use, checked by the test's own oracle.
  for (const format of ["date", "date-time"] as const)
    ajv.addFormat(format, { type: "string", validate: (text: string) => isRfc3339(text, format) });
  for (const file of out.result.files)
    if (file.path.endsWith(".schema.json")) ajv.addSchema(JSON.parse(file.content) as object);
  return { out, model, ajv };
}

/** Runs the three properties for the declaration `id` (module path `<id>.ts`). */
async function checkModel(env: Setup, id: string, runs: number): Promise<number> {
  const decl = env.model.decls.get(id) as Decl;
  const name = env.out.result.files.length > 0 ? decl.name : "";
  const v = validatorsOf(await env.out.load(`${id}.ts`), name);
  const schema = env.ajv.getSchema(`${id}.schema.json`);
  if (!schema) throw new Error(`no schema for ${id}`);
  let checked = 0;
  fc.assert(
    fc.property(declValue(decl, env.model), fc.nat(), fc.nat(), (value, pick, choice) => {
      expect(v.is(value)).toBe(true);
      expect(v.validate(value).success).toBe(true);
      expect(schema(value)).toBe(true);
      checked += 1;
      const all = sites(value, declType(decl), env.model);
      const site = all[pick % all.length];
      if (!site) return;
      const mutated = mutate(value, site, env.model, choice);
      if (mutated === undefined) return;
      const result = v.validate(mutated);
      expect(v.is(mutated)).toBe(false);
      expect(schema(mutated)).toBe(false);
      expect(result.success).toBe(false);
      // At the mutated position, or under it (`{}` put where an object belongs is missing fields).
      const under = (path: (string | number)[]) =>
        site.path.every((step, index) => path[index] === step);
      if (!result.success) expect(result.issues.some((i) => under(i.path))).toBe(true);
      checked += 1;
    }),
    { numRuns: runs, seed: 20240601 },
  );
  return checked;
}

describe("properties on the seed", () => {
  let env: Setup;
  beforeAll(async () => (env = await setup(SEED_INPUT)));
  afterAll(() => env.out.remove());

  it("Batch: valid values pass, single mutations fail at their path, Ajv agrees", async () => {
    expect(await checkModel(env, "models/components/batch", 2000)).toBeGreaterThan(3000);
  });
});

describe("properties on date and date-time fields", () => {
  let env: Setup;
  beforeAll(async () => (env = await setup(DATES_INPUT)));
  afterAll(() => env.out.remove());

  it.each(["Event", "holiday"])("%s", async (id) => {
    expect(await checkModel(env, id, 1000)).toBeGreaterThan(1500);
  });
});

describe("properties on a model with overrides (types, validators and JSON Schema agree)", () => {
  let env: Setup;
  beforeAll(async () => {
    // The overrides of test/fixtures/overrides/kinds, as its config gives them: nullable, optional,
    // type, name (a key no naming rule derives), added field, enum values, declaration name.
    const [project] = (await loadConfig(undefined, OVERRIDES_CASE)).projects;
    const overrides = project?.overrides;
    expect(Object.keys(overrides ?? {})).toHaveLength(4);
    env = await setup(`${OVERRIDES_CASE}/input`, overrides ? { overrides } : {});
  });
  afterAll(() => env.out.remove());

  it.each([
    "models/components/assistant",
    "models/components/categories",
    "models/components/tier",
    "models/components/usage",
  ])("%s", async (id) => {
    expect(await checkModel(env, id, 500)).toBeGreaterThan(500);
  });

  it("the overridden fields are in the values generated from the model", () => {
    const assistant = env.model.decls.get("models/components/assistant");
    const categories = env.model.decls.get("models/components/categories");
    expect(assistant?.kind === "object" && assistant.fields.map((f) => f.name)).toContain(
      "Metadata",
    );
    expect(env.model.propertyNames.get(categories?.id ?? "")).toEqual(["Hate", "hate/threatening"]);
  });
});

describeShared("properties on Go-corpus models", () => {
  let env: Setup;
  beforeAll(async () => (env = await setup(GO_CORPUS)), 120_000);
  afterAll(() => env.out.remove());

  it.each([
    "models/components/createchatcompletionresponse",
    "models/components/runobject",
    "models/components/assistantobject",
    "models/components/messageobject",
    "models/components/chatcompletionrequestmessage",
    "models/components/createchatcompletionrequest",
  ])(
    "%s",
    async (id) => {
      expect(await checkModel(env, id, 500)).toBeGreaterThan(700);
    },
    120_000,
  );
});
