/**
 * The type-cell grammar over every spelling in FORMATS.md, per dialect, plus spellings of languages
 * that are not in the corpora (other generics, nullable wrappers, escapes, namespaces) and `typeMap`.
 * Each case is a Markdown table cell, parsed by remark exactly as a page would be.
 */
import type { Table, TableCell } from "mdast";
import { describe, expect, it } from "vitest";
import { dialectRules, type ResolvedDialect } from "../../src/dialects/dialect-rules.js";
import { parseTypeTokens, type CellType, type GrammarOptions } from "../../src/dialects/grammar.js";
import { tokenizeInline } from "../../src/dialects/tokens.js";
import type { TypeRef } from "../../src/core/model.js";
import { parseMarkdown } from "../../src/parse/markdown.js";

/** Parses `cell` as the only body cell of a table and reads it with `dialect`'s spellings. */
function readCell(
  cell: string,
  dialect: ResolvedDialect = "speakeasy-go",
  extra: GrammarOptions = {},
): CellType {
  const source = `| T |\n| - |\n| ${cell} |\n`;
  const table = parseMarkdown(source).children[0] as Table;
  const node = table.children[1]?.children[0] as TableCell;
  const read = parseTypeTokens(tokenizeInline(node.children, [], source), {
    spellings: dialectRules(dialect).spellings,
    ...extra,
  });
  return { ...read, type: alone(read.type) };
}

/**
 * A type as it resolves when no page declares a name: a primitive word in another letter case
 * (`String`) is the primitive (the grammar leaves it to the resolver, since a page may declare it).
 */
function alone(type: TypeRef): TypeRef {
  switch (type.kind) {
    case "ref":
      return type.fallback?.why === "word" ? type.fallback.type : type;
    case "array":
      return { kind: "array", items: alone(type.items) };
    case "map":
      return { kind: "map", values: alone(type.values) };
    case "union":
      return { kind: "union", members: type.members.map(alone) };
    default:
      return type;
  }
}

const S: TypeRef = { kind: "string" };
const DT: TypeRef = { kind: "string", format: "date-time" };
const D: TypeRef = { kind: "string", format: "date" };
const I64: TypeRef = { kind: "number", format: "int64" };
const I32: TypeRef = { kind: "number", format: "int32" };
const DBL: TypeRef = { kind: "number", format: "double" };
const B: TypeRef = { kind: "boolean" };
const ANY: TypeRef = { kind: "unknown", reason: "any" };
const EXTERNAL: TypeRef = { kind: "unknown", reason: "external" };
const arr = (items: TypeRef): TypeRef => ({ kind: "array", items });
const map = (values: TypeRef): TypeRef => ({ kind: "map", values });
/** A reference; `qualified`: the name as written when it has a namespace. */
const ref = (name: string, href?: string, qualified?: string): TypeRef => ({
  kind: "ref",
  name,
  ...(href ? { href } : {}),
  ...(qualified ? { qualified } : {}),
});
const lit = (value: string | number | boolean): TypeRef => ({ kind: "literal", value });

interface Want {
  type: TypeRef;
  pointer?: boolean;
  optional?: boolean;
  nullable?: boolean;
  open?: boolean;
}

const CASES: Array<[string, ResolvedDialect, Want]> = [
  // Speakeasy Go
  ["*string*", "speakeasy-go", { type: S }],
  ["*int64*", "speakeasy-go", { type: I64 }],
  ["*float64*", "speakeasy-go", { type: DBL }],
  ["*bool*", "speakeasy-go", { type: B }],
  ["*any*", "speakeasy-go", { type: ANY }],
  ["**string*", "speakeasy-go", { type: S, pointer: true }],
  [
    "[components.Batch](../../models/components/batch.md)",
    "speakeasy-go",
    { type: ref("Batch", "../../models/components/batch.md", "components.Batch") },
  ],
  [
    "[*components.Batch](batch.md)",
    "speakeasy-go",
    { type: ref("Batch", "batch.md", "components.Batch"), pointer: true },
  ],
  ["[]*string*", "speakeasy-go", { type: arr(S) }],
  ["[][components.X](x.md)", "speakeasy-go", { type: arr(ref("X", "x.md", "components.X")) }],
  ["map[string]*any*", "speakeasy-go", { type: map(ANY) }],
  ["map[string][]*string*", "speakeasy-go", { type: map(arr(S)) }],
  ["*time.Time*", "speakeasy-go", { type: DT }],
  // Speakeasy Go, newer generator: code spans
  ["`string`", "speakeasy-go", { type: S }],
  ["`*string`", "speakeasy-go", { type: S, pointer: true }],
  ["[]`string`", "speakeasy-go", { type: arr(S) }],
  ["map[string]`string`", "speakeasy-go", { type: map(S) }],
  // Speakeasy TypeScript
  ["*number*", "speakeasy-ts", { type: DBL }],
  ["*boolean*", "speakeasy-ts", { type: B }],
  ["[components.X](x.md)[]", "speakeasy-ts", { type: arr(ref("X", "x.md", "components.X")) }],
  ["*components.X*", "speakeasy-ts", { type: ref("X", undefined, "components.X") }],
  ["Record<string, *any*>", "speakeasy-ts", { type: map(ANY) }],
  ['*"function"*', "speakeasy-ts", { type: lit("function") }],
  ["*true*", "speakeasy-ts", { type: lit(true) }],
  [
    "*string* \\| [components.X](x.md)",
    "speakeasy-ts",
    { type: { kind: "union", members: [S, ref("X", "x.md", "components.X")] } },
  ],
  [
    "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)",
    "speakeasy-ts",
    { type: DT },
  ],
  ["*ReadableStream<Uint8Array>*", "speakeasy-ts", { type: EXTERNAL }],
  ["*number*[][]", "speakeasy-ts", { type: arr(arr(DBL)) }],
  // Speakeasy Python
  ["*Optional[str]*", "speakeasy-python", { type: S, optional: true }],
  ["*Nullable[str]*", "speakeasy-python", { type: S, nullable: true }],
  ["*OptionalNullable[str]*", "speakeasy-python", { type: S, optional: true, nullable: true }],
  [
    "[Optional[models.X]](x.md)",
    "speakeasy-python",
    { type: ref("X", "x.md", "models.X"), optional: true },
  ],
  [
    "Optional[[models.X](x.md)]",
    "speakeasy-python",
    { type: ref("X", "x.md", "models.X"), optional: true },
  ],
  ["List[[models.X](x.md)]", "speakeasy-python", { type: arr(ref("X", "x.md", "models.X")) }],
  ["Dict[str, *Any*]", "speakeasy-python", { type: map(ANY) }],
  ["Dict[str, *object*]", "speakeasy-python", { type: map(ANY) }],
  ["*object*", "speakeasy-python", { type: ANY }],
  ['*Literal["x"]*', "speakeasy-python", { type: lit("x") }],
  ['*Literal["__encrypted__"]*', "speakeasy-python", { type: lit("__encrypted__") }],
  ["*Optional[Literal[True]]*", "speakeasy-python", { type: lit(true), optional: true }],
  [
    "[datetime](https://docs.python.org/3/library/datetime.html#datetime-objects)",
    "speakeasy-python",
    { type: DT },
  ],
  [
    "[date](https://docs.python.org/3/library/datetime.html#date-objects)",
    "speakeasy-python",
    { type: D },
  ],
  ["`*str*`", "speakeasy-python", { type: S }],
  // OpenAPI Generator
  ["**str**", "openapi-generator", { type: S }],
  ["Pointer to **string**", "openapi-generator", { type: S, pointer: true }],
  ["[**List[X]**](X.md)", "openapi-generator", { type: arr(ref("X", "X.md")) }],
  ["**map[string]interface{}**", "openapi-generator", { type: map(ANY) }],
  ["**time.Time**", "openapi-generator", { type: DT }],
  [
    "Pointer to **NullableString**",
    "openapi-generator",
    { type: S, pointer: true, nullable: true },
  ],
  ["**object**", "openapi-generator", { type: ANY }],
  ["**Dict[str, object]**", "openapi-generator", { type: map(ANY) }],
  // Hand-written
  ["string", "hand-written", { type: S }],
  ["integer", "hand-written", { type: { kind: "number", format: "integer" } }],
  ["object", "hand-written", { type: { kind: "open-object" } }],
  ["array of string", "hand-written", { type: arr(S) }],
  ["list of [User](user.md)", "hand-written", { type: arr(ref("User", "user.md")) }],
  ["map of integer", "hand-written", { type: map({ kind: "number", format: "integer" }) }],
  ["string[]", "hand-written", { type: arr(S) }],
  ["string?", "hand-written", { type: S, optional: true }],
  ["[File](file.md)", "hand-written", { type: ref("File", "file.md") }],
];

/** Spellings of languages that are not in the corpora. */
const GENERALISATION: Array<[string, Want]> = [
  ["`Vec<String>`", { type: arr(S) }],
  ["`Vec<i32>`", { type: arr(I32) }],
  ["`Option<String>`", { type: S, nullable: true }],
  ["`Option[Int]`", { type: { kind: "number", format: "int64" }, nullable: true }],
  ["`Seq[String]`", { type: arr(S) }],
  ["`IList<int>`", { type: arr(I64) }],
  ["`IEnumerable<Models.Pet>`", { type: arr(ref("Pet", undefined, "Models.Pet")) }],
  ["`Dictionary<string, int>`", { type: map(I64) }],
  ["`HashMap<String, Vec<u8>>`", { type: map(arr(I32)) }],
  ["`Nullable<DateTime>`", { type: DT, nullable: true }],
  ["`string?`", { type: S, nullable: true }],
  ["`DateTimeOffset?`", { type: DT, nullable: true }],
  ["`[String]`", { type: arr(S) }],
  ["`[String: Int]`", { type: map(I64) }],
  ["`Box<shared.Pet>`", { type: ref("Pet", undefined, "shared.Pet") }],
  ['`Annotated[str, "a name"]`', { type: S }],
  ["Vec\\<String\\>", { type: arr(S) }],
  ["`Vec\\<String\\>`", { type: arr(S) }],
  ["List&lt;String&gt;", { type: arr(S) }],
  // Java docs escape only the inner `<` and leave no space after the comma.
  ["**Map<String,List\\<String>>**", { type: map(arr(S)) }],
  ["`List&lt;String&gt;`", { type: arr(S) }],
  ["`shared.Pet`", { type: ref("Pet", undefined, "shared.Pet") }],
  ["`Models::Pet`", { type: ref("Pet", undefined, "Models::Pet") }],
  ["`Acme::Models::Pet`", { type: ref("Pet", undefined, "Acme::Models::Pet") }],
  ["`App\\Models\\Pet`", { type: ref("Pet", undefined, "App\\Models\\Pet") }],
  ["`com.acme.model.Pet`", { type: ref("Pet", undefined, "com.acme.model.Pet") }],
  ["`java.time.OffsetDateTime`", { type: DT }],
  ["`Instant`", { type: DT }],
  ["`LocalDate`", { type: D }],
  ["`Either<String, Int>`", { type: { kind: "union", members: [S, I64] } }],
];

function expectCell(cell: CellType, want: Want): void {
  expect(cell.problems).toEqual([]);
  expect(cell.type).toEqual(want.type);
  expect(cell.pointer).toBe(want.pointer ?? false);
  expect(cell.optional).toBe(want.optional ?? false);
  expect(cell.nullable).toBe(want.nullable ?? false);
  expect(cell.open).toBe(want.open ?? false);
}

describe("type cells of every dialect", () => {
  it.each(CASES)("%s (%s)", (cell, dialect, want) => expectCell(readCell(cell, dialect), want));
});

describe("spellings of languages outside the corpora", () => {
  it.each(GENERALISATION)("%s", (cell, want) => expectCell(readCell(cell, "speakeasy-go"), want));
});

describe("what the grammar cannot read", () => {
  it.each([
    ["`Frobnicate<<`"],
    ["`a b c`"],
    ["![img](x.png)"],
    ["`List[`"],
    // Number literals TypeScript cannot state exactly.
    ["1e309"],
    ["`Literal[9007199254740993]`"],
  ])("%s is an unknown-type problem and type unknown", (cell) => {
    const read = readCell(cell);
    expect(read.type).toEqual({ kind: "unknown", reason: "unrecognised" });
    expect(read.problems.map((p) => p.rule)).toEqual(["unknown-type"]);
  });

  it("names an unknown namespace as an external type", () => {
    // The resolver decides: a page named `Response` would be it, else an external type.
    const read = readCell("*http.Response*");
    expect(read.type).toEqual({
      ...ref("Response", undefined, "http.Response"),
      fallback: { type: EXTERNAL, why: "library" },
    });
    expect(read.problems).toEqual([]);
  });

  it("rejects cells nested deeper than the limit", () => {
    const read = readCell(`${"[]".repeat(40)}*string*`, "speakeasy-go", { maxDepth: 32 });
    expect(read.problems.map((p) => p.rule)).toEqual(["type-too-deep"]);
  });
});

describe("typeMap", () => {
  it("replaces a spelling by another read with the same grammar", () => {
    const typeMap = {
      "http.Response": "unknown",
      "decimal.Decimal": "string",
      Money: "map[string]int64",
    };
    expectCell(readCell("*http.Response*", "speakeasy-go", { typeMap }), { type: ANY });
    expectCell(readCell("List[*decimal.Decimal*]", "speakeasy-python", { typeMap }), {
      type: arr(S),
    });
    expectCell(readCell("`Money`", "speakeasy-go", { typeMap }), { type: map(I64) });
  });

  it("matches keys case-insensitively when the exact spelling is absent, and stops self-reference", () => {
    expectCell(readCell("`DECIMAL`", "speakeasy-go", { typeMap: { decimal: "string" } }), {
      type: S,
    });
    // A key whose replacement mentions itself is read as written the second time.
    expectCell(readCell("`Pet`", "speakeasy-go", { typeMap: { Pet: "Pet[]" } }), {
      type: arr(ref("Pet")),
    });
  });
});
