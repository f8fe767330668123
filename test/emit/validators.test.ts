/**
 * Behaviour of the generated validators on the seed models and a fixture with prototype-named fields,
 * recursion and unions: accepted values, rejected values with their exact issue lists, options, and
 * the depth/cycle limits. The output is generated into a temporary folder, transpiled and imported.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  compileOutput,
  SEED_INPUT,
  validatorsOf,
  type CompiledOutput,
  type Issue,
  type Validators,
} from "./validators-harness.js";

const FIXTURE = fileURLToPath(new URL("../fixtures/validators", import.meta.url));

/** A valid Batch, as the API returns it. */
function batch(): Record<string, unknown> {
  return {
    ID: "batch_abc123",
    Object: "batch",
    Endpoint: "/v1/chat/completions",
    Errors: { Object: "list", Data: [{ Code: "invalid_json", Message: "bad", Line: 4 }] },
    InputFileID: "file-abc123",
    CompletionWindow: "24h",
    Status: "completed",
    OutputFileID: "file-cvaTdG",
    ErrorFileID: null,
    CreatedAt: 1711471533,
    InProgressAt: 1711471538,
    ExpiresAt: 1711557933,
    CompletedAt: 1711493133,
    RequestCounts: { Total: 100, Completed: 95, Failed: 5 },
    Metadata: { customer_id: "user_123456789", batch_description: "Nightly eval job" },
  };
}

function issue(path: Issue["path"], expected: string, received: string, message: string): Issue {
  return { path, expected, received, message };
}

function issuesOf(validators: Validators, value: unknown): Issue[] {
  const result = validators.validate(value);
  if (result.success) throw new Error("expected the value to be rejected");
  expect(validators.is(value)).toBe(false);
  return result.issues;
}

describe("seed models", () => {
  let out: CompiledOutput;
  let v: Validators;
  beforeAll(async () => {
    out = await compileOutput({ input: SEED_INPUT });
    v = validatorsOf(await out.load("models/components/batch.ts"), "Batch");
  });
  afterAll(() => out.remove());

  it("accepts a valid batch on every entry point, returning the same value", () => {
    const value = batch();
    expect(v.is(value)).toBe(true);
    expect(v.validate(value)).toEqual({ success: true, value });
    expect((v.validate(value) as { value: unknown }).value).toBe(value);
    expect(() => v.assert(value)).not.toThrow();
    const standard = v.schema["~standard"];
    expect([standard.version, standard.vendor]).toEqual([1, "docs2ts"]);
    expect(standard.validate(value)).toEqual({ value });
  });

  it("accepts absent optional fields, present-as-undefined ones and nulls where the type has null", () => {
    const value = batch();
    delete value.Errors;
    value.Metadata = undefined;
    value.RequestCounts = null;
    expect(v.is(value)).toBe(true);
  });

  const rejected: [string, (value: Record<string, unknown>) => void, Issue[]][] = [
    [
      "a string where an integer belongs",
      (value) => ((value.RequestCounts as Record<string, unknown>).Total = "3"),
      [
        issue(
          ["RequestCounts", "Total"],
          "integer",
          'string "3"',
          'RequestCounts.Total: expected integer, received string "3"',
        ),
      ],
    ],
    [
      "a missing required field",
      (value) => delete value.ID,
      [issue(["ID"], "string", "missing", "ID: missing required field, expected string")],
    ],
    [
      "a wrong element deep in an array",
      (value) => {
        const data = (value.Errors as { Data: unknown[] }).Data;
        data.push({}, {}, { Line: 1.5 });
      },
      [
        issue(
          ["Errors", "Data", 3, "Line"],
          "integer | null",
          "number 1.5",
          "Errors.Data[3].Line: expected integer | null, received number 1.5",
        ),
      ],
    ],
    [
      "null where the type has no null, and a value outside the enum",
      (value) => {
        value.InputFileID = null;
        value.Status = "done";
      },
      [
        issue(["InputFileID"], "string", "null", "InputFileID: expected string, received null"),
        issue(
          ["Status"],
          '"validating" | "failed" | "in_progress" | "finalizing" | "completed" | "expired" | "cancelling" | "cancelled"',
          'string "done"',
          'Status: expected "validating" | "failed" | "in_progress" | "finalizing" | "completed" | "expired" | "cancelling" | "cancelled", received string "done"',
        ),
      ],
    ],
    [
      "a wrong constant, an unsafe integer and an array where an object belongs",
      (value) => {
        value.Object = "list";
        value.CreatedAt = 2 ** 53;
        value.Metadata = [];
      },
      [
        issue(
          ["Object"],
          '"batch"',
          'string "list"',
          'Object: expected "batch", received string "list"',
        ),
        issue(
          ["CreatedAt"],
          "integer",
          "number 9007199254740992",
          "CreatedAt: expected integer, received number 9007199254740992",
        ),
        issue(
          ["Metadata"],
          "object | null",
          "array",
          "Metadata: expected object | null, received array",
        ),
      ],
    ],
  ];
  it.each(rejected)("rejects %s with exact issues", (_name, mutate, expected) => {
    const value = batch();
    mutate(value);
    const before = JSON.stringify(value);
    expect(issuesOf(v, value)).toEqual(expected);
    expect(JSON.stringify(value)).toBe(before);
  });

  it("reports a non-object at the root and throws ValidationError from assert", async () => {
    expect(issuesOf(v, "batch")).toEqual([
      issue([], "Batch", 'string "batch"', 'expected Batch, received string "batch"'),
    ]);
    const runtime = await out.load<{ ValidationError: new (issues: Issue[]) => Error }>(
      "runtime.ts",
    );
    let thrown: unknown;
    try {
      v.assert({ ...batch(), ID: 7 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(runtime.ValidationError);
    expect((thrown as Error).message).toBe("ID: expected string, received number 7");
    expect((thrown as { issues: Issue[] }).issues).toHaveLength(1);
    expect(v.schema["~standard"].validate(null)).toEqual({
      issues: [issue([], "Batch", "null", "expected Batch, received null")],
    });
  });
});

describe("validator options", () => {
  it("maxIssues, unknownKeys reject and optionalUndefined reject", async () => {
    const out = await compileOutput({
      input: SEED_INPUT,
      maxIssues: 2,
      unknownKeys: "reject",
      optionalUndefined: "reject",
    });
    try {
      const v = validatorsOf(await out.load("models/components/batch.ts"), "Batch");
      expect(issuesOf(v, {}).map((i) => i.path)).toEqual([["ID"], ["Object"]]);
      expect(issuesOf(v, { ...batch(), Extra: 1 })).toEqual([
        issue(
          ["Extra"],
          "no unknown property",
          "number 1",
          "Extra: expected no unknown property, received number 1",
        ),
      ]);
      expect(issuesOf(v, { ...batch(), Metadata: undefined })[0]?.path).toEqual(["Metadata"]);
    } finally {
      out.remove();
    }
  });

  it("int64: bigint types and validates int64 fields as bigint", async () => {
    const out = await compileOutput({ input: SEED_INPUT, int64: "bigint" });
    try {
      const text = out.result.files.find((f) => f.path === "models/components/requestcounts.ts");
      expect(text?.content).toContain("Total: bigint;");
      const v = validatorsOf(await out.load("models/components/requestcounts.ts"), "RequestCounts");
      expect(v.is({ Total: 3n, Completed: 2n, Failed: 1n })).toBe(true);
      expect(issuesOf(v, { Total: 3, Completed: 2n, Failed: 1n })[0]?.expected).toBe("bigint");
    } finally {
      out.remove();
    }
  });
});

describe("fixture: prototype-named fields, recursion, unions", () => {
  let out: CompiledOutput;
  let node: Validators;
  let tree: Validators;
  let shape: Validators;
  beforeAll(async () => {
    out = await compileOutput({ input: FIXTURE });
    node = validatorsOf(await out.load("models/components/node.ts"), "Node");
    tree = validatorsOf(await out.load("models/components/tree.ts"), "Tree");
    shape = validatorsOf(await out.load("models/components/shape.ts"), "Shape");
  });
  afterAll(() => out.remove());

  const json =
    '{"__proto__":"p","constructor":1,"hasOwnProperty":true,"Kind":"node","toString":null,"valueOf":2.5}';

  it("validates prototype-named fields on JSON.parse output and null-prototype objects", () => {
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(node.is(parsed)).toBe(true);
    const bare = Object.create(null) as Record<string, unknown>;
    for (const [key, value] of Object.entries(parsed))
      Object.defineProperty(bare, key, { value, enumerable: true, writable: true });
    expect(node.is(bare)).toBe(true);
    expect(node.validate(bare).success).toBe(true);
  });

  it("reports missing prototype-named fields on plain objects (inherited members do not count)", () => {
    expect(issuesOf(node, { Kind: "node" }).map((i) => [i.path, i.received])).toEqual([
      [["__proto__"], "missing"],
      [["constructor"], "missing"],
      [["hasOwnProperty"], "missing"],
    ]);
  });

  it("checks present prototype-named fields, and an own hasOwnProperty key does not make it throw", () => {
    const value = JSON.parse(json) as Record<string, unknown>;
    value["hasOwnProperty"] = "yes";
    value["constructor"] = 2 ** 31;
    value["valueOf"] = Number.NaN;
    expect(issuesOf(node, value).map((i) => i.message)).toEqual([
      "constructor: expected int32, received number 2147483648",
      'hasOwnProperty: expected boolean, received string "yes"',
      "valueOf: expected number, received number NaN",
    ]);
  });

  it("rejects required fields that only a prototype supplies (objects, class instances, arrays)", () => {
    const inherited = Object.create(JSON.parse(json) as object) as Record<string, unknown>;
    expect(issuesOf(node, inherited).map((i) => [i.path, i.received])).toEqual([
      [["__proto__"], "missing"],
      [["constructor"], "missing"],
      [["hasOwnProperty"], "missing"],
      [["Kind"], "missing"],
    ]);
    class Base {
      get Kind(): string {
        return "node";
      }
    }
    const fields = JSON.parse(json) as Record<string, unknown>;
    delete fields["Kind"];
    const instance = new Base();
    for (const [key, value] of Object.entries(fields))
      Object.defineProperty(instance, key, { value, enumerable: true });
    expect(instance.Kind).toBe("node");
    expect(node.is(instance)).toBe(false);
    // Own fields on a class instance are own fields: accepted.
    const own = new (class {})();
    for (const [key, value] of Object.entries(JSON.parse(json) as object))
      Object.defineProperty(own, key, { value, enumerable: true });
    expect(node.is(own)).toBe(true);
    const array = Object.assign([], JSON.parse(json) as object);
    expect(node.is(array)).toBe(false);
    expect(tree.is(Object.assign([], { Kind: "leaf", Weights: {} }))).toBe(false);
  });

  it("is not fooled by keys added to Object.prototype, enumerable or not", () => {
    const withoutKind = JSON.parse(json) as Record<string, unknown>;
    delete withoutKind["Kind"];
    for (const enumerable of [false, true]) {
      Object.defineProperty(Object.prototype, "Kind", {
        value: "node",
        enumerable,
        configurable: true,
        writable: true,
      });
      try {
        expect(node.is(withoutKind)).toBe(false);
        expect(node.is(JSON.parse(json))).toBe(true);
        expect(tree.is({ Weights: {} })).toBe(false);
        expect(tree.is({ Kind: "leaf", Weights: {} })).toBe(true);
      } finally {
        delete (Object.prototype as Record<string, unknown>)["Kind"];
      }
    }
    expect(node.validate(withoutKind).success).toBe(false);
  });

  it("dispatches a discriminated union and reports only the chosen member's issues", () => {
    expect(tree.is({ Kind: "leaf", Weights: { a: 1 } })).toBe(true);
    expect(issuesOf(tree, { Kind: "leaf", Weights: { a: 1.5 } })).toEqual([
      issue(
        ["Weights", "a"],
        "integer",
        "number 1.5",
        "Weights.a: expected integer, received number 1.5",
      ),
    ]);
    expect(issuesOf(tree, { Kind: "stem" })).toEqual([
      issue(
        ["Kind"],
        '"node" | "leaf"',
        'string "stem"',
        'Kind: expected "node" | "leaf", received string "stem"',
      ),
    ]);
  });

  it("tries undiscriminated members in order and reports the one that got furthest", () => {
    expect(shape.is({ X: 1, Y: 2 })).toBe(true);
    expect(issuesOf(shape, { X: 1, Y: "2" })).toEqual([
      issue([], "one of Leaf | Point", "object", "expected one of Leaf | Point, received object"),
      issue(["Kind"], "LeafKind", "missing", "Kind: missing required field, expected LeafKind"),
      issue(
        ["Weights"],
        "Record<string, integer>",
        "missing",
        "Weights: missing required field, expected Record<string, integer>",
      ),
    ]);
  });

  it("returns a depth issue for a value nested 100,000 deep and for a cycle, never a RangeError", () => {
    const root = JSON.parse(json) as Record<string, unknown>;
    let current = root;
    for (let i = 0; i < 100_000; i++) {
      const child = JSON.parse(json) as Record<string, unknown>;
      current.Children = [child];
      current = child;
    }
    expect(node.is(root)).toBe(false);
    const issues = issuesOf(node, root);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.expected).toBe("at most 512 levels of nesting");
    expect(issues[0]?.path).toHaveLength(2 * 513);

    const cyclic = JSON.parse(json) as Record<string, unknown>;
    cyclic.Children = [cyclic];
    expect(node.is(cyclic)).toBe(false);
    expect(issuesOf(node, cyclic)[0]?.expected).toBe("at most 512 levels of nesting");
    expect(() => node.assert(cyclic)).toThrow(/levels of nesting/);
  });
});

describe("loop helpers", () => {
  it("are named outer first, and none is written for elements of any value", async () => {
    const { runPipeline } = await import("../../src/pipeline/generate.js");
    const { memoryFs } = await import("../parse/fuzz-pages.js");
    const page = [
      "# Grid",
      "",
      "## Fields",
      "",
      "| Field | Type | Required | Description |",
      "| ----- | ---- | -------- | ----------- |",
      "| `Rows` | [][]*string* | :heavy_check_mark: | N/A |",
      "| `Extra` | map[string]*any* | :heavy_minus_sign: | N/A |",
      "| `Items` | []*any* | :heavy_check_mark: | N/A |",
      "",
    ].join("\n");
    const result = await runPipeline(
      { input: "/fuzz", out: "/fuzz-out", cache: false },
      {},
      { fs: memoryFs([page]) },
    );
    const module = result.files.find((file) => file.path === "page0.ts")?.content ?? "";
    // The outer array's helper is `$array`, and its loop calls the inner one, `$array2`.
    const outer = module.slice(module.indexOf("function $array("));
    expect(outer.slice(0, outer.indexOf("\n}\n"))).toContain("!$array2(x, d)");
    expect(module).not.toContain("function $map");
    expect(module).toContain('!$object(x) && $own(o, "Extra")');
    expect(module).toContain('!Array.isArray(x) || ((foreign || "Items" in $objectProto)');
  });
});
