/**
 * The `openapi` target: one OpenAPI 3.1 document that an OpenAPI validator accepts, whose components are
 * the JSON Schema output's schemas, and from which openapi-typescript gives types that accept what
 * docs2ts's own validators accept and reject what they reject.
 */
import { Validator } from "@seriousme/openapi-schema-validator";
import openapiTS, { astToString } from "openapi-typescript";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GenerateOptions } from "../../../src/core/options.js";
import { check, writeOutput } from "../../../src/pipeline/api.js";
import { generate } from "../../../src/pipeline/generate.js";
import { corpus, itShared, strictTypeErrors, tempDir } from "../../support/helpers.js";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { compileOutput, validatorsOf, type CompiledOutput } from "../../emit/validators-harness.js";

const INPUT = fileURLToPath(new URL("../../fixtures/targets", import.meta.url));

type Document = {
  openapi: string;
  paths: object;
  components: { schemas: Record<string, Record<string, unknown>> };
};

async function openapiOf(options: GenerateOptions): Promise<{ text: string; doc: Document }> {
  const result = await generate({ cache: false, emit: ["types", "openapi"], ...options });
  const file = result.files.find((f) => f.path === "openapi.json");
  if (file === undefined) throw new Error("no openapi.json");
  return { text: file.content, doc: JSON.parse(file.content) as Document };
}

async function validOpenapi(doc: Document): Promise<unknown> {
  const result = await new Validator().validate(doc as unknown as Record<string, unknown>);
  return result.valid ? true : result.errors;
}

/** Every `$ref` value replaced by one word, to compare schemas that point to the same place. */
const refsAside = (schema: unknown) =>
  JSON.stringify(schema).replace(/"\$ref":"[^"]*"/g, '"$ref":"REF"');

describe("openapi target", () => {
  it("writes one OpenAPI 3.1 document that the validator accepts, byte-stable", async () => {
    const { text, doc } = await openapiOf({ input: INPUT });
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths).toEqual({});
    expect(Object.keys(doc.components.schemas)).toEqual([
      "Parcel",
      "ParcelStatus",
      "depot.Shelf",
      "root.Shelf",
    ]);
    expect(doc.components.schemas["Parcel"]?.["properties"]).toMatchObject({
      shelf: { $ref: "#/components/schemas/root.Shelf" },
    });
    expect(await validOpenapi(doc)).toBe(true);
    expect((await openapiOf({ input: INPUT })).text).toBe(text);
  });

  it("holds the JSON Schema output's schema of each declaration", async () => {
    const { doc } = await openapiOf({ input: INPUT, unknownKeys: "reject" });
    const files = (
      await generate({ input: INPUT, cache: false, emit: ["json-schema"], unknownKeys: "reject" })
    ).files;
    const byPath = new Map<string, unknown>();
    for (const file of files.filter((f) => f.path.endsWith(".schema.json"))) {
      const {
        $schema: _s,
        $id: _i,
        $comment: _c,
        ...schema
      } = JSON.parse(file.content) as Record<string, unknown>;
      byPath.set(file.path, schema);
    }
    const { $comment: _c, ...parcel } = doc.components.schemas["Parcel"] as Record<string, unknown>;
    expect(parcel["additionalProperties"]).toBe(false);
    expect(refsAside(parcel)).toBe(refsAside(byPath.get("parcel.schema.json")));
    const { $comment: _d, ...shelf } = doc.components.schemas["depot.Shelf"] as Record<
      string,
      unknown
    >;
    expect(refsAside(shelf)).toBe(refsAside(byPath.get("depot/shelf.schema.json")));
  });

  it("is a generated file: check flags it, and a run without openapi removes it", async () => {
    const out = tempDir();
    const options = { input: INPUT, out, cache: false, emit: ["types", "openapi"] };
    await writeOutput(options);
    expect(existsSync(join(out, "openapi.json"))).toBe(true);
    const stale = await check({ ...options, emit: ["types"] });
    expect(stale.changes.removed.map((file) => file.path)).toEqual(["openapi.json"]);
    expect(stale.stale.map((d) => d.message)).toEqual([
      expect.stringContaining("written by the `openapi` output, which this run does not emit"),
    ]);
    await writeOutput({ ...options, emit: ["types", "validators"] });
    const runtime = await check(options);
    const removed = runtime.stale.filter((d) => d.message.includes("no longer writes"));
    expect(removed.map((d) => d.file.replace(/^.*\//, "")).sort()).toEqual([
      "runtime-checks.ts",
      "runtime.ts",
      "standard-schema.ts",
    ]);
    for (const d of removed) expect(d.message).toContain("the `validators` output");
    await writeOutput({ ...options, emit: ["types"] });
    expect(existsSync(join(out, "openapi.json"))).toBe(false);
    rmSync(out, { recursive: true, force: true });
  });

  itShared("passes the OpenAPI validator on a corpus folder", async () => {
    const { doc } = await openapiOf({ input: corpus("speakeasy-go-dub") });
    expect(Object.keys(doc.components.schemas).length).toBeGreaterThan(20);
    expect(await validOpenapi(doc)).toBe(true);
  });
});

describe("openapi-typescript on the document", () => {
  let output: CompiledOutput;
  beforeAll(async () => {
    output = await compileOutput({ input: INPUT });
  });
  afterAll(() => output?.remove());

  /** Values of each component, and whether docs2ts's validators accept them (checked below too). */
  const VALUES: [component: string, module: string, name: string, value: string, valid: boolean][] =
    [
      ["Parcel", "parcel.ts", "Parcel", `{ id: "p1", weight: 250, status: "waiting" }`, true],
      [
        "Parcel",
        "parcel.ts",
        "Parcel",
        `{ id: "p2", weight: 1.5, status: "delivered", label: "fragile", tags: ["cold"], shelf: { code: "A1", capacity: 3, parcels: [{ id: "p3", weight: 1, status: "loaded" }] } }`,
        true,
      ],
      ["Parcel", "parcel.ts", "Parcel", `{ id: 7, weight: 250, status: "waiting" }`, false],
      ["Parcel", "parcel.ts", "Parcel", `{ weight: 250, status: "waiting" }`, false],
      ["Parcel", "parcel.ts", "Parcel", `{ id: "p4", weight: 250, status: "lost" }`, false],
      [
        "Parcel",
        "parcel.ts",
        "Parcel",
        `{ id: "p5", weight: 1, status: "loaded", shelf: { code: "B2", capacity: "3" } }`,
        false,
      ],
      ["depot.Shelf", "depot/shelf.ts", "Shelf", `{ row: 4 }`, true],
      ["depot.Shelf", "depot/shelf.ts", "Shelf", `{ row: "4" }`, false],
      ["root.Shelf", "shelf.ts", "Shelf", `{ parcels: [] }`, false],
    ];

  it("docs2ts's validators accept and reject the values as listed", async () => {
    for (const [, module, name, value, valid] of VALUES) {
      const validators = validatorsOf(await output.load(module), name);
      expect(validators.is(new Function(`return (${value});`)() as unknown), value).toBe(valid);
    }
  });

  it("gives types that accept exactly the values the validators accept", async () => {
    const { doc } = await openapiOf({ input: INPUT });
    const types = astToString(await openapiTS(doc as never));
    const lines = VALUES.map(
      ([component, , , value], i) =>
        `export const value${i}: components["schemas"][${JSON.stringify(component)}] = ${value};`,
    );
    const errors = strictTypeErrors([
      { path: "openapi.ts", content: types },
      {
        path: "check.ts",
        content: [`import type { components } from "./openapi.js";`, ...lines].join("\n"),
      },
    ]);
    expect(errors.filter((e) => !e.startsWith("check.ts:"))).toEqual([]);
    const failing = new Set(errors.map((e) => Number(/^check\.ts:(\d+):/.exec(e)?.[1]) - 2));
    expect(VALUES.map((_, i) => !failing.has(i))).toEqual(VALUES.map((entry) => entry[4]));
  });
});
