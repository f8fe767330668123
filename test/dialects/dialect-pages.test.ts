/**
 * Per-dialect fixture pages (test/fixtures/dialects/<dialect>/) read into the model, with the
 * expected fields, optionality, nullability, enum members and diagnostics written out here; plus the
 * dialect detection, the `dialect` option per folder, and the example-value evaluator.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { dialectFor, detectDialect } from "../../src/dialects/detect.js";
import { extractExample } from "../../src/commands/examples/extract.js";
import { generate } from "../../src/pipeline/generate.js";
import type { Decl, TypeRef } from "../../src/core/model.js";
import { parseMarkdown } from "../../src/parse/markdown.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/dialects/", import.meta.url));

/** A compact view of a declaration: `name: req|opt type` per field, or the enum's members. */
function summary(decl: Decl): string[] {
  const text = (type: TypeRef): string => {
    switch (type.kind) {
      case "array":
        return `${text(type.items)}[]`;
      case "map":
        return `map<${text(type.values)}>`;
      case "union":
        return type.members.map(text).join("|");
      case "literal":
        return Object.is(type.value, -0) ? "-0" : JSON.stringify(type.value);
      case "ref":
        return `ref:${type.target ?? "?"}`;
      case "string":
      case "number":
        return type.format ? `${type.kind}(${type.format})` : type.kind;
      default:
        return type.kind;
    }
  };
  switch (decl.kind) {
    case "object":
      return decl.fields.map(
        (f) =>
          `${f.name}: ${f.required ? "req" : "opt"} ${text(f.type)}${f.readonly ? " readonly" : ""}${f.defaultText !== undefined ? ` default=${f.defaultText}` : ""}${f.exampleText !== undefined ? ` example=${f.exampleText}` : ""}`,
      );
    case "enum":
      return [
        decl.open ? "open" : "closed",
        ...decl.members.map(
          (m) =>
            `${m.name !== undefined ? `${m.name}=` : ""}${Object.is(m.value, -0) ? "-0" : JSON.stringify(m.value)}`,
        ),
      ];
    case "union":
      return decl.members.map((m) => text(m.type));
  }
}

async function readFixture(dialect: string) {
  const result = await generate({ input: `${FIXTURES}${dialect}`, cache: false });
  return {
    decls: Object.fromEntries(result.decls.map((d) => [d.id, summary(d)])),
    diagnostics: result.diagnostics.map((d) => `${d.file}:${d.line} ${d.severity} ${d.ruleId}`),
  };
}

const EXPECTED: Record<string, { decls: Record<string, string[]>; diagnostics: string[] }> = {
  "speakeasy-ts": {
    decls: {
      tool: [
        'type: req "function"',
        "strict: opt true",
        "tags: req string[]",
        "createdAt: req string(date-time)",
        "meta: opt map<unknown>",
        "kind: opt ref:toolkind",
        "input: opt string|ref:toolkind[]",
        "owner: opt ref:toolkind",
      ],
      toolkind: ["open", '"search"', '"code"', "7", "-0"],
    },
    diagnostics: [],
  },
  "speakeasy-python": {
    decls: {
      message: [
        'role: req "user"',
        "content: req string|null example=hi",
        "name: opt string|null",
        "count: opt number(int64) example=3",
        "status: opt ref:status",
        "parts: req ref:status[]",
        "extra: opt map<unknown>",
        "raw: opt unknown",
        "at: opt string(date)",
        'kind: req "__encrypted__"',
      ],
      status: ["open", "200", "-0", '"ok"'],
    },
    diagnostics: ["status.md:17 warning enum-value"],
  },
  "openapi-generator": {
    decls: {
      AuthenticatorAssuranceLevel: ["closed", 'AAL0="aal0"', 'AAL1="aal1"'],
      Session: [
        "Id: req string",
        "Active: opt boolean readonly",
        "Level: opt ref:AuthenticatorAssuranceLevel default=AAL1",
        "Tokens: opt string[]",
        "Context: opt map<unknown>",
        "OrgId: opt string|null",
        "PageSize: opt number(int64) default=250",
        "IssuedAt: req string(date-time)",
      ],
    },
    diagnostics: ["Session.md:7 info sdk-field-names", "SessionApi.md:1 info not-a-model"],
  },
  "hand-written": {
    decls: {
      role: ["closed", '"admin"', '"viewer"'],
      user: [
        "id: req number(integer)",
        "name: req string",
        "nickname: opt string",
        "email: opt string",
        "roles: opt ref:role[]",
        "scores: opt number(double)[]",
        "labels: opt map<string>",
        "tags: opt string[]",
        "settings: opt open-object",
        'status: opt "active"|"suspended"|"gone" default=active',
        'tier: req "free"|"pro"',
        "extra: opt unknown",
      ],
    },
    diagnostics: [],
  },
  "speakeasy-go": {
    decls: {
      owner: ["Name: req string"],
      pet: [
        "ID: req string",
        "Name: req string|null",
        "Tags: opt string[]",
        "Owner: opt ref:owner|null",
        "Labels: opt map<string[]>",
        "Born: opt string(date-time)",
      ],
    },
    // The SDK's field names (`Name`, `ID`): the run says so once.
    diagnostics: ["owner.md:7 info sdk-field-names"],
  },
};

describe("fixture pages per dialect", () => {
  it("covers every fixture folder", () => {
    expect(readdirSync(FIXTURES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))("%s", async (dialect) => {
    expect(await readFixture(dialect)).toEqual(EXPECTED[dialect]);
  });
});

describe("dialect detection", () => {
  const detect = (text: string) => detectDialect(parseMarkdown(text), text);

  it.each([
    [
      "# X\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `a` | *string* | :heavy_check_mark: | N/A |\n",
      "speakeasy-go",
    ],
    [
      "# X\n\n## Example Usage\n\n```typescript\nlet value: X = {};\n```\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `a` | *number* | :heavy_check_mark: | N/A |\n",
      "speakeasy-ts",
    ],
    [
      "# X\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `a` | *Optional[str]* | :heavy_minus_sign: | N/A |\n",
      "speakeasy-python",
    ],
    [
      "# X\n\n## Properties\n\nName | Type | Description | Notes\n---- | ---- | ---- | ----\n**A** | **string** | | \n",
      "openapi-generator",
    ],
    ['# X\n\n## Enum\n\n* `A` (value: `"a"`)\n', "openapi-generator"],
    ["# X\n\n| Field | Type | Required |\n| - | - | - |\n| a | string | yes |\n", "hand-written"],
  ] as const)("%#: %s", (text, dialect) => expect(detect(text)).toBe(dialect));

  it("lets the dialect option override per folder, longest prefix first", () => {
    const option = {
      "models/": "speakeasy-ts",
      "models/legacy": "speakeasy-go",
      "./": "auto",
    } as const;
    expect(dialectFor("models/components/x.md", option)).toBe("speakeasy-ts");
    expect(dialectFor("models/legacy/x.md", option)).toBe("speakeasy-go");
    expect(dialectFor("other/x.md", option)).toBe("auto");
    expect(dialectFor("models2/x.md", { models: "hand-written" })).toBe("auto");
    expect(dialectFor("x.md", "openapi-generator")).toBe("openapi-generator");
  });

  it("reads a page with the forced dialect", async () => {
    const result = await generate({
      input: `${FIXTURES}openapi-generator`,
      cache: false,
      dialect: { "": "speakeasy-go" },
    });
    // Read as Speakeasy Go, `Pointer to` means nullable rather than optional.
    const session = result.decls.find((d) => d.id === "Session");
    expect(
      session?.kind === "object" && session.fields.find((f) => f.name === "Active"),
    ).toMatchObject({
      required: false,
      type: { kind: "union", members: [{ kind: "boolean" }, { kind: "null" }] },
    });
  });
});

describe("example values", () => {
  const example = (code: string, dates?: "string" | "Date") => {
    const text = `# X\n\n## Example Usage\n\n\`\`\`typescript\n${code}\n\`\`\`\n`;
    return extractExample(parseMarkdown(text), text, dates ? { dates } : {});
  };

  it("evaluates literals, negative numbers, string concatenation and dates", () => {
    const found = example(
      'import { X } from "x";\n\nlet value: X = {\n  a: [1, -2.5, "s" + "t"],\n  "b-c": { d: null, e: true },\n  at: new Date("2024-05-01T10:00:00Z"),\n};',
    );
    expect(found?.typeName).toBe("X");
    expect(found?.value).toEqual({
      ok: true,
      value: { a: [1, -2.5, "st"], "b-c": { d: null, e: true }, at: "2024-05-01T10:00:00Z" },
    });
    const asDate = example('let value: X = new Date("2024-05-01T10:00:00Z");', "Date");
    expect(asDate?.value).toEqual({ ok: true, value: new Date("2024-05-01T10:00:00Z") });
  });

  it.each([
    ["let value: X = process.exit(1);", "CallExpression"],
    ["let value: X = { ...other };", "shorthand, spread"],
    ["let value: X = { [key]: 1 };", "computed property"],
    ["let value: X = someIdentifier;", "Identifier"],
    ["let value: X = `a${b}`;", "TemplateExpression"],
    ["let value: X = 1 + 2;", "non-strings"],
    ['let value: X = new Date("not a date");', "invalid date"],
  ])("refuses %s", (code, reason) => {
    const found = example(code, "Date");
    expect(found?.value.ok).toBe(false);
    expect(found?.value.ok === false && found.value.reason).toContain(reason);
  });

  it("keeps __proto__ as a plain key", () => {
    const found = example('let value: X = { "__proto__": { polluted: true } };');
    const value = found?.value.ok ? (found.value.value as Record<string, unknown>) : {};
    expect(Object.hasOwn(value, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});
