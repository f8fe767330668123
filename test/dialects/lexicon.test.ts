/**
 * The type words of 22 SDK languages (src/dialects/lexicon.ts), read from one model page per language
 * (test/fixtures/lexicon/<language>.md) written the way that language's SDK docs write types. Each row
 * of a page is one test: the field's TypeRef and Required outcome, and no `unknown-type` warning at
 * its row.
 *
 * Besides the common shapes (generic `W<T>`, subscript `W[T]`, call `W(T)` and `W()`, constructor
 * `W.new(T)`, prefix `?T`, suffix `T?`, `T[]`, `[T]`, `[K: V]`, `{[key:string]:V}`, namespaces with
 * `.`, `::` or `\`, leading or not, alternatives with `|` or commas), the pages use the shapes of the
 * languages that write types otherwise, marked `SHAPE:` at their row:
 * - space application: Haskell `Maybe Text`, `Map Text Int`; F# postfix application `string option`;
 * - braces generics: Julia `Vector{String}`, `Dict{String, Any}`, `Union{String, Nothing}`;
 * - map literals: Elixir `%{K => V}`, Erlang `#{K => V}`;
 * - Erlang remote types `module:type()` (a single `:` between module and type);
 * - a known qualified type with type arguments: Rust `chrono::DateTime<chrono::Utc>`;
 * - PHP `array<K, V>` (two arguments) is a map, `array<T>` a list;
 * - `byte[]` (Java, C#, F#) is base64 text, not a list of small numbers (as Go's `[]byte`).
 * Shapes avoided: Erlang/Elixir `optional(K) => V` map keys, Swift `Optional<T>` (written `T?`),
 * Java wildcards (`? extends T`), Kotlin's fully qualified generics (`kotlin.collections.List<...>`).
 *
 * Words a flat table cannot give one meaning are marked `WORD:`: the dialect decides (Speakeasy's
 * `Object` holds any value, as Ruby's rooted `::Object` does). Rows a language has no type for (a date-only type in Swift, Dart, Crystal, Perl; binary
 * in Ruby; anything but text, numbers and tables in Lua) are left out of its page.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  LEXICON_FAMILIES,
  LEXICON_GENERICS,
  LEXICON_LIBRARY_TYPES,
  LEXICON_LOWERCASE_ONLY,
  LEXICON_PRIMITIVES,
  LEXICON_QUALIFIED,
} from "../../src/dialects/lexicon.js";
import { DEFAULT_SPELLINGS } from "../../src/dialects/spellings.js";
import { readPage } from "../../src/model/build.js";
import { resolveModel } from "../../src/model/resolve.js";
import type { FieldModel, TypeRef } from "../../src/core/model.js";
import { normaliseSource, parseMarkdown } from "../../src/parse/markdown.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/lexicon/", import.meta.url));

const S: TypeRef = { kind: "string" };
const I32: TypeRef = { kind: "number", format: "int32" };
const I64: TypeRef = { kind: "number", format: "int64" };
const INT: TypeRef = { kind: "number", format: "integer" };
const FLT: TypeRef = { kind: "number", format: "float" };
const DBL: TypeRef = { kind: "number", format: "double" };
const B: TypeRef = { kind: "boolean" };
const DATE: TypeRef = { kind: "string", format: "date" };
const DT: TypeRef = { kind: "string", format: "date-time" };
const BIN: TypeRef = { kind: "unknown", reason: "external" };
const ANY: TypeRef = { kind: "unknown", reason: "any" };
const NULL: TypeRef = { kind: "null" };
const OPEN: TypeRef = { kind: "open-object" };
const arr = (items: TypeRef): TypeRef => ({ kind: "array", items });
const map = (values: TypeRef): TypeRef => ({ kind: "map", values });
const union = (...members: TypeRef[]): TypeRef => ({ kind: "union", members });
const orNull = (type: TypeRef): TypeRef => union(type, NULL);

/** A field's expected outcome: its type, and whether the Required column (or the type) lets it be absent. */
interface Want {
  type: TypeRef;
  required: boolean;
}
const req = (type: TypeRef): Want => ({ type, required: true });
const opt = (type: TypeRef): Want => ({ type, required: false });

/** Language (fixture page name) -> field -> expected outcome. */
const LANGUAGES: Array<[string, Record<string, Want>]> = [
  [
    "java",
    {
      id: req(I64),
      name: req(S),
      count: req(INT),
      ratio: req(DBL),
      price: req(DBL),
      active: req(B),
      birthday: req(DATE),
      createdAt: req(DT),
      avatar: req(S), // `byte[]`: JSON carries bytes as base64 text, as Go's `[]byte`
      metadata: req(ANY), // WORD: Java's `Object` is any value; the shared `object` is an open object
      tags: req(arr(S)),
      attributes: req(map(S)),
      nickname: opt(S), // `Optional<T>`: may be absent
      score: opt(orNull(I64)), // `JsonNullable<T>`: may be null
    },
  ],
  [
    "kotlin",
    {
      id: req(I64),
      name: req(S),
      count: req(I64), // the shared `int` is int64 (lenient for Kotlin's 32-bit Int)
      rank: req(I32), // qualified `kotlin.Int` says 32 bits
      ratio: req(DBL),
      price: req(DBL),
      active: req(B),
      birthday: req(DATE),
      createdAt: req(DT),
      avatar: req(BIN),
      metadata: req(ANY),
      tags: req(arr(S)),
      attributes: req(map(ANY)),
      nickname: opt(orNull(S)),
      scores: req(arr(orNull(I64))),
    },
  ],
  [
    "scala",
    {
      id: req(I64),
      name: req(S),
      count: req(I64),
      ratio: req(DBL),
      price: req(DBL),
      active: req(B),
      birthday: req(DATE),
      createdAt: req(DT),
      avatar: req(BIN),
      metadata: req(ANY),
      tags: req(arr(S)),
      attributes: req(map(I64)),
      nickname: opt(orNull(S)),
      scores: opt(orNull(arr(I64))),
    },
  ],
  [
    "csharp",
    {
      id: req(I64),
      name: req(S),
      count: req(I64),
      ratio: req(DBL),
      price: req(DBL),
      active: req(B),
      birthday: req(DATE),
      createdAt: req(DT),
      avatar: req(S), // `byte[]`: JSON carries bytes as base64 text, as Go's `[]byte`
      metadata: req(ANY), // WORD: C#'s `object` is any value; the shared `object` is an open object
      uid: req(S),
      tags: req(arr(S)),
      attributes: req(map(I64)),
      nickname: opt(orNull(S)),
      score: opt(orNull(I64)),
    },
  ],
  [
    "fsharp",
    {
      id: req(I64),
      name: req(S),
      count: req(I64),
      ratio: req(DBL),
      price: req(DBL),
      active: req(B),
      birthday: req(DATE),
      createdAt: req(DT),
      avatar: req(S), // `byte[]`: JSON carries bytes as base64 text, as Go's `[]byte`
      metadata: req(ANY),
      tags: req(arr(S)),
      attributes: req(map(I64)),
      nickname: opt(orNull(S)), // SHAPE: postfix type application `string option`
      score: opt(orNull(I64)),
    },
  ],
  [
    "swift",
    {
      id: req(I64),
      name: req(S),
      count: req(I64),
      ratio: req(DBL),
      price: req(DBL),
      active: req(B),
      createdAt: req(DT),
      avatar: req(BIN), // a link to Foundation's docs: bare `Data` is a common model name
      metadata: req(ANY),
      uid: req(S),
      tags: req(arr(S)),
      attributes: req(map(I64)),
      nickname: opt(orNull(S)),
      score: opt(orNull(I64)),
    },
  ],
  [
    "dart",
    {
      id: req(I64),
      name: req(S),
      ratio: req(DBL),
      amount: req(DBL),
      big: req(I64),
      active: req(B),
      createdAt: req(DT),
      avatar: req(BIN),
      metadata: req(ANY),
      extra: req(ANY),
      tags: req(arr(S)),
      labels: req(arr(S)),
      attributes: req(map(I64)),
      nickname: opt(orNull(S)),
    },
  ],
  [
    "go",
    {
      ID: req(I64),
      Name: req(S),
      Count: req(I64),
      Ratio: req(DBL),
      Price: req(DBL),
      Active: req(B),
      Birthday: req(DATE),
      CreatedAt: req(DT),
      Avatar: req(S), // Go's `[]byte` is base64 text on the wire
      Metadata: req(ANY),
      Raw: req(ANY),
      Tags: req(arr(S)),
      Attributes: req(map(I64)),
      Nickname: opt(orNull(S)),
    },
  ],
  [
    "rust",
    {
      id: req(I64),
      name: req(S),
      count: req(I32),
      ratio: req(DBL),
      price: req(DBL),
      active: req(B),
      birthday: req(DATE),
      created_at: req(DT), // SHAPE: a known qualified type with type arguments
      avatar: req(BIN),
      metadata: req(ANY),
      uid: req(S),
      tags: req(arr(S)),
      attributes: req(map(I64)), // leading `::`
      nickname: opt(orNull(S)),
      scores: opt(orNull(arr(I64))),
    },
  ],
  [
    "cpp",
    {
      id: req(I64),
      name: req(S),
      count: req(I32),
      ratio: req(DBL),
      active: req(B),
      birthday: req(DATE),
      createdAt: req(DT),
      avatar: req(BIN), // `shared_ptr` is the pointee; `HttpContent` a library type
      metadata: req(ANY),
      tags: req(arr(S)),
      attributes: req(map(I64)),
      nickname: opt(S), // the shared `optional`: may be absent
      score: opt(I64),
    },
  ],
  [
    "php",
    {
      id: req(I64),
      name: req(S),
      ratio: req(FLT),
      price: req(DBL), // leading `\`
      active: req(B),
      birthday: req(DATE),
      createdAt: req(DT),
      avatar: req(BIN),
      metadata: req(ANY),
      tags: req(arr(S)),
      attributes: req(map(ANY)), // SHAPE: `array<K, V>` is a map
      nickname: opt(orNull(S)), // prefix `?T` on an optional row: absent or null, one value in PHP
    },
  ],
  [
    "ruby",
    {
      id: req(INT),
      name: req(S),
      ratio: req(FLT),
      price: req(DBL),
      active: req(B),
      birthday: req(DATE), // WORD: Ruby's `::Date` is a day; the shared `Date` is an instant
      created_at: req(DT),
      updated_at: req(DT),
      metadata: req(ANY), // WORD: Ruby's `::Object` is any value
      extra: req(ANY),
      tags: req(arr(S)),
      attributes: req(map(ANY)),
      nickname: opt(orNull(S)), // `T.nilable(T)` on an optional row: absent or nil, one value in Ruby
      id_or_name: req(union(S, INT)),
    },
  ],
  [
    "crystal",
    {
      id: req(I64),
      name: req(S),
      count: req(I32),
      ratio: req(DBL),
      price: req(DBL),
      active: req(B),
      created_at: req(DT),
      avatar: req(BIN),
      metadata: req(ANY),
      tags: req(arr(S)),
      attributes: req(map(I64)),
      nickname: opt(orNull(S)),
      score: opt(orNull(I64)),
    },
  ],
  [
    "python",
    {
      id: req(I64),
      name: req(S),
      ratio: req(FLT),
      price: req(DBL),
      active: req(B),
      birthday: req(DATE),
      created_at: req(DT),
      avatar: req(BIN),
      metadata: req(ANY),
      tags: req(arr(S)),
      attributes: req(map(I64)),
      nickname: opt(S),
      score: opt(orNull(I64)),
      id_or_name: req(union(S, I64)),
    },
  ],
  [
    "typescript",
    {
      id: req(DBL),
      name: req(S),
      count: req(I64),
      active: req(B),
      createdAt: req(DT),
      avatar: req(BIN),
      bytes: req(BIN),
      metadata: req(ANY),
      extra: req(ANY),
      tags: req(arr(S)),
      attributes: req(map(DBL)),
      nickname: opt(S),
      score: opt(orNull(DBL)),
    },
  ],
  [
    "elixir",
    {
      id: req(INT),
      name: req(S),
      ratio: req(FLT),
      price: req(DBL),
      active: req(B),
      birthday: req(DATE),
      inserted_at: req(DT),
      avatar: req(BIN),
      metadata: req(ANY),
      extra: req(ANY),
      tags: req(arr(S)),
      scores: req(arr(INT)),
      settings: req(OPEN),
      attributes: req(map(INT)), // SHAPE: map literal `%{K => V}`
      nickname: opt(orNull(S)),
    },
  ],
  [
    "erlang",
    {
      id: req(INT),
      name: req(S),
      label: req(S), // SHAPE: remote type `module:type()`
      ratio: req(FLT),
      amount: req(DBL),
      active: req(B),
      birthday: req(DATE), // SHAPE: remote type `module:type()`
      created_at: req(DT), // SHAPE: remote type `module:type()`
      avatar: req(BIN),
      metadata: req(ANY),
      kind: req(S),
      tags: req(arr(S)),
      scores: req(arr(INT)),
      settings: req(OPEN),
      attributes: req(map(INT)), // SHAPE: map literal `#{K => V}`
      nickname: opt(orNull(S)),
    },
  ],
  [
    "perl",
    {
      id: req(I64),
      name: req(S),
      ratio: req(DBL),
      price: req(DBL),
      active: req(B),
      created_at: req(DT),
      avatar: req(BIN),
      metadata: req(ANY),
      tags: req(arr(S)),
      labels: req(arr(S)),
      attributes: req(map(I64)),
      counts: req(map(I64)),
      nickname: opt(orNull(S)),
    },
  ],
  [
    "r",
    {
      id: req(INT),
      name: req(S),
      ratio: req(DBL),
      amount: req(DBL),
      active: req(B),
      created_at: req(DT),
      avatar: req(BIN),
      tags: req(arr(S)),
      attributes: req(map(INT)),
    },
  ],
  [
    "haskell",
    {
      id: req(I64),
      name: req(S),
      count: req(I64),
      total: req(INT),
      ratio: req(DBL),
      price: req(DBL),
      active: req(B),
      birthday: req(DATE),
      createdAt: req(DT),
      avatar: req(BIN),
      metadata: req(ANY),
      tags: req(arr(S)),
      attributes: req(map(I64)), // SHAPE: space application `Map Text Int`
      nickname: opt(orNull(S)), // SHAPE: space application `Maybe Text`
    },
  ],
  [
    "lua",
    {
      id: req(INT),
      name: req(S),
      ratio: req(DBL),
      active: req(B),
      metadata: req(ANY),
      tags: req(arr(S)),
      attributes: req(map(INT)),
      nickname: opt(orNull(S)),
      score: opt(orNull(INT)),
    },
  ],
  [
    "julia",
    {
      id: req(I64),
      name: req(S),
      count: req(I32),
      ratio: req(DBL),
      price: req(DBL),
      active: req(B),
      birthday: req(DATE),
      createdAt: req(DT),
      updatedAt: req(DT),
      metadata: req(ANY),
      tags: req(arr(S)), // SHAPE: braces generic
      attributes: req(map(ANY)), // SHAPE: braces generic
      nickname: opt(orNull(S)), // SHAPE: braces generic
    },
  ],
];

/** Reads one fixture page the way `generate` reads a page (auto-detected dialect). */
/** Reads one page and resolves its references (a page alone: names resolve to what the words mean). */
function readFixture(language: string) {
  const file = `${language}.md`;
  const source = normaliseSource(readFileSync(join(FIXTURES, file), "utf8"));
  const page = readPage(file, parseMarkdown(source), source);
  const decl = page.decls[0];
  if (!decl) return { decl, diagnostics: page.diagnostics };
  const resolved = resolveModel([decl]);
  return { decl: resolved.decls[0], diagnostics: [...page.diagnostics, ...resolved.diagnostics] };
}

describe("lexicon: one model page per SDK language", () => {
  it("has a page for each language in the table, and the table covers at least 22 languages", () => {
    const pages = readdirSync(FIXTURES)
      .filter((name) => name.endsWith(".md"))
      .map((name) => name.slice(0, -3))
      .sort();
    expect(pages).toEqual(LANGUAGES.map(([language]) => language).sort());
    expect(pages.length).toBeGreaterThanOrEqual(22);
  });

  for (const [language, wants] of LANGUAGES) {
    describe(language, () => {
      const page = readFixture(language);
      const decl = page.decl;
      const fields = new Map<string, FieldModel>(
        decl?.kind === "object" ? decl.fields.map((field) => [field.name, field]) : [],
      );

      it("reads as an object whose fields are the table's rows", () => {
        expect(decl?.kind).toBe("object");
        expect([...fields.keys()].sort()).toEqual(Object.keys(wants).sort());
      });

      for (const [name, want] of Object.entries(wants)) {
        it(`${name}`, () => {
          const field = fields.get(name);
          expect(field, `field ${name}`).toBeDefined();
          if (!field) return;
          const unknown = page.diagnostics.filter(
            (d) => d.ruleId === "unknown-type" && d.line === field.typeOrigin.line,
          );
          expect(unknown.map((d) => d.message)).toEqual([]);
          expect(field.type).toEqual(want.type);
          expect(field.required).toBe(want.required);
        });
      }
    });
  }
});

describe("lexicon tables", () => {
  const lowercaseKey = /^[a-z0-9_.-]+$/;

  it("key primitives in lowercase, except the case-sensitive words", () => {
    const cased = Object.keys(LEXICON_PRIMITIVES).filter((key) => !lowercaseKey.test(key));
    expect(cased.sort()).toEqual(["Day", "Time"]);
  });

  it("key qualified names in lowercase with `.` separators only", () => {
    for (const key of Object.keys(LEXICON_QUALIFIED)) {
      expect(key, key).toMatch(/^\.?[a-z0-9_]+(\.[a-z0-9_]+)+$|^\.[a-z0-9_]+$/);
    }
  });

  it("key generics and library types in lowercase", () => {
    for (const key of [...Object.keys(LEXICON_GENERICS), ...Object.keys(LEXICON_LIBRARY_TYPES)]) {
      expect(key, key).toMatch(lowercaseKey);
    }
  });

  it("give each word to one family of languages", () => {
    const shared: string[] = [];
    const tables = ["primitives", "qualified", "generics", "libraryTypes"] as const;
    for (const table of tables) {
      const seen = new Set<string>();
      for (const family of LEXICON_FAMILIES)
        for (const key of Object.keys(family[table])) {
          if (seen.has(key)) shared.push(`${table}.${key}`);
          seen.add(key);
        }
    }
    expect(shared).toEqual([]);
  });

  it("list only primitives as lowercase-only words", () => {
    for (const key of LEXICON_LOWERCASE_ONLY)
      expect(Object.hasOwn(LEXICON_PRIMITIVES, key)).toBe(true);
  });

  it("agree with the shared spellings wherever both name a word", () => {
    const disagreements: string[] = [];
    const compare = <T>(table: Readonly<Record<string, T>>, base: Readonly<Record<string, T>>) => {
      for (const [key, value] of Object.entries(table)) {
        if (Object.hasOwn(base, key) && JSON.stringify(base[key]) !== JSON.stringify(value))
          disagreements.push(key);
      }
    };
    compare(LEXICON_PRIMITIVES, DEFAULT_SPELLINGS.primitives);
    compare(LEXICON_QUALIFIED, DEFAULT_SPELLINGS.knownQualified);
    compare(LEXICON_GENERICS, DEFAULT_SPELLINGS.generics);
    expect(disagreements).toEqual([]);
  });

  it("keep common model names out of the bare words", () => {
    const risky = [
      "value",
      "object",
      "data",
      "result",
      "error",
      "file",
      "table",
      "stream",
      "response",
    ];
    for (const word of risky) {
      expect(Object.hasOwn(LEXICON_PRIMITIVES, word), word).toBe(false);
      expect(Object.hasOwn(LEXICON_LIBRARY_TYPES, word), word).toBe(false);
    }
  });
});
