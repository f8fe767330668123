import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { sanitizeIdentifier } from "../../src/core/identifiers.js";
import { splitWords, toCamelCase, toSnakeCase } from "../../src/core/naming.js";
import { NameAllocator, enumMemberKey, enumMemberKeyFromValue } from "../../src/emit/names.js";
import { generate } from "../../src/pipeline/generate.js";
import { tempDir, writeTree } from "../support/helpers.js";

/** Fixed seed so that a property failure reproduces on every machine. */
const FC_OPTIONS = { seed: 20240611, numRuns: 1000 } as const;

/** The grammar a declaration name must match (reserved words are checked separately). */
const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u;

/** Reserved words listed independently of the implementation, to catch a gap in its set. */
const MUST_BE_RESERVED = [
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "import",
  "in",
  "instanceof",
  "new",
  "null",
  "return",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "var",
  "void",
  "while",
  "with",
  "yield",
  "await",
  "let",
  "static",
  "implements",
  "interface",
  "package",
  "private",
  "protected",
  "public",
  "arguments",
  "eval",
  "any",
  "string",
  "number",
  "boolean",
  "object",
  "unknown",
  "never",
  "symbol",
  "bigint",
  "undefined",
];

/**
 * Strings that stress the splitter: ASCII, full Unicode code points, and short strings over an
 * alphabet of the characters its rules care about (case changes, digits, `s`, separators, marks).
 */
const anyName = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  fc.string({
    unit: fc.constantFrom(
      "a",
      "s",
      "A",
      "I",
      "D",
      "S",
      "4",
      "_",
      "-",
      " ",
      "é",
      "É",
      "\u0301",
      "日",
    ),
  }),
);

const LONG = "Ab".repeat(5000);

describe("splitWords", () => {
  it.each<[string, string[]]>([
    ["InputFileID", ["Input", "File", "ID"]],
    ["inputFileId", ["input", "File", "Id"]],
    ["input_file_id", ["input", "file", "id"]],
    ["HTTPMeta", ["HTTP", "Meta"]],
    ["URLPath", ["URL", "Path"]],
    ["URL", ["URL"]],
    ["B64JSON", ["B64", "JSON"]],
    ["gpt4o", ["gpt4o"]],
    ["Gpt4o", ["Gpt4o"]],
    ["Int64", ["Int64"]],
    ["V1Beta", ["V1", "Beta"]],
    ["ID2", ["ID2"]],
    ["HTTP2Meta", ["HTTP2", "Meta"]],
    ["FileIDs", ["File", "IDs"]],
    ["IDs", ["IDs"]],
    ["URLs", ["URLs"]],
    ["APIs", ["APIs"]],
    ["URLsList", ["URLs", "List"]],
    ["IDsecret", ["I", "Dsecret"]],
    ["CreatedAt", ["Created", "At"]],
    ["Object", ["Object"]],
    ["FileT", ["File", "T"]],
    ["var_async", ["var", "async"]],
    ["batch object", ["batch", "object"]],
    ["a.b-c d/e", ["a", "b", "c", "d", "e"]],
    ["$ref", ["ref"]],
    ["1024x1024", ["1024x1024"]],
    ["2fa", ["2fa"]],
    ["café", ["café"]],
    ["CaféBar", ["Café", "Bar"]],
    ["cafe\u0301Bar", ["cafe\u0301", "Bar"]],
    ["ÉTATFinal", ["ÉTAT", "Final"]],
    ["名前Name", ["名前", "Name"]],
    ["🚀launch🚀Now", ["launch", "Now"]],
    ["", []],
    ["___", []],
    ["_private", ["private"]],
  ])("%j -> %j", (given, want) => {
    expect(splitWords(given)).toEqual(want);
  });

  it("splits a 10k-character name", () => {
    const words = splitWords(LONG);
    expect(words).toHaveLength(5000);
    expect(words.every((w) => w === "Ab")).toBe(true);
  });
});

describe("toSnakeCase", () => {
  it.each([
    ["InputFileID", "input_file_id"],
    ["B64JSON", "b64_json"],
    ["URL", "url"],
    ["HTTPMeta", "http_meta"],
    ["inputFileId", "input_file_id"],
    ["input_file_id", "input_file_id"],
    ["FileIDs", "file_ids"],
    ["CreatedAt", "created_at"],
    ["Object", "object"],
    ["FileT", "file_t"],
    ["var_async", "var_async"],
    ["_private", "_private"],
    ["__init__", "__init__"],
    ["type_", "type_"],
    ["V1Beta", "v1_beta"],
    ["gpt-4o-mini", "gpt_4o_mini"],
    ["café", "café"],
    ["CaféBar", "café_bar"],
    ["", ""],
    ["___", "___"],
    ["$ref", "ref"],
    ["🚀", ""],
  ])("%j -> %j", (given, want) => {
    expect(toSnakeCase(given)).toBe(want);
  });

  it("handles a 10k-character name", () => {
    expect(toSnakeCase(LONG)).toBe(Array(5000).fill("ab").join("_"));
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(anyName, (x) => {
        const once = toSnakeCase(x);
        expect(toSnakeCase(once)).toBe(once);
      }),
      FC_OPTIONS,
    );
  });
});

describe("toCamelCase", () => {
  it.each([
    ["InputFileID", "inputFileId"],
    ["B64JSON", "b64Json"],
    ["URL", "url"],
    ["input_file_id", "inputFileId"],
    ["HTTPMeta", "httpMeta"],
    ["FileIDs", "fileIds"],
    ["inputFileId", "inputFileId"],
    ["CreatedAt", "createdAt"],
    ["FileT", "fileT"],
    ["var_async", "varAsync"],
    ["__typename", "__typename"],
    ["_links", "_links"],
    ["v1_2", "v1_2"],
    ["straße_name", "straßeName"],
    ["name_ßx", "nameßx"],
    ["café_bar", "caféBar"],
    ["", ""],
    ["$ref", "ref"],
  ])("%j -> %j", (given, want) => {
    expect(toCamelCase(given)).toBe(want);
  });

  it("handles a 10k-character name", () => {
    expect(toCamelCase(LONG)).toBe("ab" + "Ab".repeat(4999));
  });
});

describe("sanitizeIdentifier", () => {
  it.each([
    ["Batch", "Batch"],
    ["_private", "_private"],
    ["$ref", "$ref"],
    ["café", "café"],
    ["名前", "名前"],
    ["foo-bar", "foo_bar"],
    ["foo  --  bar", "foo_bar"],
    ["-foo-", "foo"],
    ["_foo-", "_foo"],
    ["a.b.c", "a_b_c"],
    ["2fa", "_2fa"],
    ["\u0301x", "_\u0301x"],
    ["", "_"],
    ["___", "___"],
    ["---", "_"],
    ["🚀", "_"],
    ["🚀launch", "launch"],
    ["default", "default_"],
    ["Default", "Default"],
    ["string", "string_"],
    ["\ud800", "_"],
  ])("%j -> %j", (given, want) => {
    expect(sanitizeIdentifier(given)).toBe(want);
  });

  it.each(MUST_BE_RESERVED)("escapes reserved word %s", (word) => {
    expect(sanitizeIdentifier(word)).toBe(`${word}_`);
  });

  it("keeps a valid 10k-character name and fixes an invalid one", () => {
    expect(sanitizeIdentifier(LONG)).toBe(LONG);
    expect(sanitizeIdentifier(`9${LONG}`)).toBe(`_9${LONG}`);
  });

  it("always returns a valid, non-reserved identifier, and is idempotent", () => {
    fc.assert(
      fc.property(anyName, (x) => {
        const out = sanitizeIdentifier(x);
        expect(out).toMatch(IDENTIFIER);
        expect(MUST_BE_RESERVED).not.toContain(out);
        expect(sanitizeIdentifier(out)).toBe(out);
      }),
      FC_OPTIONS,
    );
  });
});

describe("NameAllocator", () => {
  it("returns the preferred name, then numbered ones", () => {
    const names = new NameAllocator();
    expect(names.allocate("Batch")).toBe("Batch");
    expect(names.allocate("Batch")).toBe("Batch2");
    expect(names.allocate("Batch")).toBe("Batch3");
    expect(names.has("Batch2")).toBe(true);
    expect(names.has("Batch4")).toBe(false);
  });

  it("skips reserved and already taken numbered names", () => {
    const names = new NameAllocator(["Batch", "Batch2"]);
    expect(names.has("Batch")).toBe(true);
    expect(names.allocate("Batch")).toBe("Batch3");
    expect(names.allocate("Batch3")).toBe("Batch3_2");
  });

  it("separates the counter from a trailing digit", () => {
    const names = new NameAllocator(["V1"]);
    expect(names.allocate("V1")).toBe("V1_2");
    expect(names.allocate("V1")).toBe("V1_3");
  });

  it("is case-sensitive by default", () => {
    const names = new NameAllocator();
    expect(names.allocate("Batch")).toBe("Batch");
    expect(names.allocate("batch")).toBe("batch");
    expect(names.has("BATCH")).toBe(false);
  });

  it("can compare case-insensitively, keeping the caller's spelling", () => {
    const names = new NameAllocator(["README"], { caseInsensitive: true });
    expect(names.allocate("Batch")).toBe("Batch");
    expect(names.allocate("batch")).toBe("batch2");
    expect(names.allocate("Readme")).toBe("Readme2");
    expect(names.has("BATCH")).toBe(true);
  });

  it("never returns a duplicate or a reserved name, deterministically", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { maxLength: 10 }),
        fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom("a", "A", "a2", "A2")), {
          maxLength: 40,
        }),
        fc.boolean(),
        (reserved, wanted, caseInsensitive) => {
          const key = (s: string): string => (caseInsensitive ? s.toLowerCase() : s);
          const names = new NameAllocator(reserved, { caseInsensitive });
          const again = new NameAllocator(reserved, { caseInsensitive });
          const seen = new Set(reserved.map(key));
          for (const w of wanted) {
            const got = names.allocate(w);
            expect(seen.has(key(got))).toBe(false);
            expect(got.startsWith(w)).toBe(true);
            expect(again.allocate(w)).toBe(got);
            expect(names.has(got)).toBe(true);
            seen.add(key(got));
          }
        },
      ),
      FC_OPTIONS,
    );
  });
});

describe("enumMemberKey", () => {
  it.each([
    ["StatusInProgress", "Status", "InProgress"],
    ["BatchObjectBatch", "BatchObject", "Batch"],
    ["Model4", "Model", "Model4"],
    ["Statusfoo", "Status", "Statusfoo"],
    ["Status", "Status", "Status"],
    ["InProgress", "Status", "InProgress"],
    ["StatusÉtat", "Status", "État"],
    ["TypeNull", "Type", "Null"],
    ["Typedefault", "Type", "Typedefault"],
    ["default", "Status", "default_"],
    ["in-progress", "Status", "in_progress"],
    ["__proto__", "Status", "__proto__"],
    ["", "Status", "_"],
  ])("%j in %j -> %j", (member, type, want) => {
    expect(enumMemberKey(member, type)).toBe(want);
  });
});

describe("enumMemberKeyFromValue", () => {
  it.each<[string | number | boolean, string]>([
    ["in_progress", "InProgress"],
    ["gpt-4o-mini", "Gpt4oMini"],
    ["text/plain", "TextPlain"],
    ["1024x1024", "_1024x1024"],
    ["true", "True"],
    [true, "True"],
    [false, "False"],
    ["", "Empty"],
    ["-1", "Minus1"],
    [-1, "Minus1"],
    ["+1", "Plus1"],
    [1.5, "_1_5"],
    [0, "_0"],
    ["-created_at", "MinusCreatedAt"],
    ["created_at", "CreatedAt"],
    ["IN_PROGRESS", "InProgress"],
    ["GET", "GET"],
    ["application/JSON", "ApplicationJSON"],
    ["café", "Café"],
    ["-", "_"],
    ["*", "_"],
    ["🚀", "_"],
    ["default", "Default"],
  ])("%j -> %j", (value, want) => {
    expect(enumMemberKeyFromValue(value)).toBe(want);
  });

  it("always returns a valid identifier", () => {
    fc.assert(
      fc.property(fc.oneof(anyName, fc.double(), fc.integer(), fc.boolean()), (v) => {
        const out = enumMemberKeyFromValue(v);
        expect(out).toMatch(IDENTIFIER);
        expect(sanitizeIdentifier(out)).toBe(out);
      }),
      FC_OPTIONS,
    );
  });
});

describe("the renamed-identifier warning", () => {
  const page = (title: string) =>
    `# ${title}\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| id | string | yes | The id. |\n`;
  const renamed = async (overrides = {}) => {
    const input = tempDir("docs2ts-renamed-");
    writeTree(input, {
      "error.md": page("Error"),
      "models/order-item.md": page("Order Item"),
      "models/pet.md": page("Pet"),
      "models/pet-again.md": page("Pet"),
    });
    const result = await generate({ input, cache: false, overrides });
    return result.diagnostics
      .filter((d) => d.ruleId === "renamed-identifier")
      .map((d) => `${d.file}: ${d.message}`);
  };

  it("says why the name cannot be used, and the override that chooses one", async () => {
    const how = (file: string) =>
      `To choose the name, set it in the config: "overrides": { "${file}": { "name": "..." } }`;
    expect(await renamed()).toEqual([
      `error.md: Unexpected type name \`Error\` (a global the generated code uses), expected a name the output can use as it is; emitted as \`Error2\`. ${how("error.md")}`,
      `models/order-item.md: Unexpected type name \`Order Item\` (not a TypeScript identifier as written), expected a name the output can use as it is; emitted as \`Order_Item\`. ${how("models/order-item.md")}`,
      `models/pet-again.md: Unexpected type name \`Pet\` (the identifier of another page of models/), expected a name the output can use as it is; emitted as \`Pet2\`. ${how("models/pet-again.md")}`,
    ]);
    const chosen = {
      "error.md": { name: "ApiError" },
      "models/order-item.md": { name: "OrderItem" },
      "models/pet-again.md": { name: "OtherPet" },
    };
    expect(await renamed(chosen)).toEqual([]);
  });
});
