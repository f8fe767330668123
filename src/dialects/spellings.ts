/**
 * The spelling tables behind the one type grammar. A new SDK language is mostly new rows here: the
 * grammar (grammar.ts) knows shapes (prefix `*`, `[]T`, `map[K]V`, `[T]`, `G[...]`, `G<...>`, links,
 * unions, postfix `[]` and `?`), these tables know words. Per-dialect tables (dialect-rules.ts) start from
 * {@link DEFAULT_SPELLINGS} and change a few rows.
 */
import type { TypeRef } from "../core/model.js";
import {
  LEXICON_GENERICS,
  LEXICON_SHAPES,
  LEXICON_LIBRARY_TYPES,
  LEXICON_LOWERCASE_ONLY,
  LEXICON_PRIMITIVES,
  LEXICON_QUALIFIED,
} from "./lexicon.js";

/**
 * What a generic wrapper `Name[...]` / `Name<...>` means: a field modifier (`optional`, `nullable`,
 * `optional-nullable`), a container (`array`, `map`), a union of its arguments (`union`, `literal`),
 * an open-enum marker (`open`), the first argument unchanged (`identity`: `Box<T>`, `Annotated[T, ...]`),
 * or a library type that has no JSON shape (`external`: `ReadableStream<...>`, `IO[bytes]`).
 */
export type GenericMeaning =
  | "optional"
  | "nullable"
  | "optional-nullable"
  /**
   * What an SDK wraps every field in that its object may lack (Rust's `Option<T>`, Sorbet's
   * `T.nilable(T)`, PHP's `?T`): on an optional row it says only that; on a required row, null.
   */
  | "option"
  | "array"
  | "map"
  | "union"
  | "literal"
  | "open"
  | "identity"
  | "external";

/** What a two-word phrase before a type builds (`Pointer to T`, `array of T`, `map of T`). */
export type PhraseMeaning = "pointer" | "array" | "map";

/**
 * The words that spell some of the grammar's shapes, lowercase: the grammar knows where they stand
 * (a phrase before a type, a keyword before `[K]V`, a word before `{}`), these tables know which.
 */
export interface ShapeWords {
  /** Two-word phrases (`"pointer to"`) before a type, and what they build from it. */
  phrases: Readonly<Record<string, PhraseMeaning>>;
  /** Words before `[K]V` that make a map of V (Go's `map[string]V`). */
  keyedMaps: ReadonlySet<string>;
  /** Words before an empty `{}` that name a type (Go's `interface{}`: any value). */
  emptyBraces: Readonly<Record<string, TypeRef>>;
  /** Element words whose arrays JSON carries as base64 text (Go's `[]byte`, Java's `byte[]`). */
  base64Elements: ReadonlySet<string>;
  /** Bounds of a wildcard type argument (Java's `? extends T`): values of T. */
  wildcardBounds: ReadonlySet<string>;
  /** Constructor names after a wrapper's name (Ruby's `Foo.new(T)` is `Foo(T)`). */
  constructors: ReadonlySet<string>;
  /**
   * Fragments of an unknown wrapper's lowercase name and what each says it is (`JsonNullable`,
   * `ImmutableList`, `SortedDict`); the first fragment in this order that the name contains wins.
   */
  wrapperNameParts: ReadonlyArray<readonly [string, GenericMeaning]>;
}

/** What a postfix `T?` means in a dialect. */
export type QuestionMark = "optional" | "nullable" | "optional-nullable";

/** One dialect's words. */
export interface Spellings {
  /** Primitive words. Keys are matched as written first, then lowercased (`Date` before `date`). */
  primitives: Readonly<Record<string, TypeRef>>;
  /** Lowercase primitive keys that match only as written (`map` in Erlang, not a model `Map`). */
  lowercaseOnly: ReadonlySet<string>;
  /** Generic wrappers (lowercase keys). */
  generics: Readonly<Record<string, GenericMeaning>>;
  /** Qualified names of well-known library types (lowercase, `.`-separated keys), e.g. `time.time`. */
  knownQualified: Readonly<Record<string, TypeRef>>;
  /** Namespaces that hold the documented models (`components.X`, `models.X`, `Models::X`); lowercase. */
  modelNamespaces: ReadonlySet<string>;
  /** `T?`: nullable in C#, Kotlin, Swift and Dart (the default); optional in hand-written tables. */
  questionMark: QuestionMark;
  /** `?T`: nullable (the default), or, in SDKs that write it on every optional field, `option`. */
  questionPrefix: "nullable" | "option";
  /**
   * Word prefixes that wrap a primitive (lowercase keys): OpenAPI Generator Go's `NullableString` is
   * `Nullable[string]`.
   */
  wrapperPrefixes: Readonly<Record<string, GenericMeaning>>;
  /**
   * Well-known library types with no JSON shape (HTTP messages, streams), lowercase: an unlinked name
   * among them that no page declares is an external type, not an unresolved reference.
   */
  libraryTypes: ReadonlySet<string>;
  /** The words of the grammar's worded shapes. */
  shapes: ShapeWords;
}

const int = (format: "int32" | "int64" | "integer"): TypeRef => ({ kind: "number", format });
const STRING: TypeRef = { kind: "string" };
const DOUBLE: TypeRef = { kind: "number", format: "double" };
const FLOAT: TypeRef = { kind: "number", format: "float" };
const BOOLEAN: TypeRef = { kind: "boolean" };
const ANY: TypeRef = { kind: "unknown", reason: "any" };
/** Binary and stream types: no JSON shape to check, and nothing a user could map them to. */
const BINARY: TypeRef = { kind: "unknown", reason: "external" };
/** The date-time type (RFC 3339 text on the wire). */
export const DATE_TIME: TypeRef = { kind: "string", format: "date-time" };
const DATE: TypeRef = { kind: "string", format: "date" };

/**
 * The spellings every dialect shares: the words of many SDK languages (lexicon.ts), and below them
 * the rows that decide where languages disagree.
 */
export const DEFAULT_SPELLINGS: Spellings = {
  lowercaseOnly: LEXICON_LOWERCASE_ONLY,
  primitives: {
    ...LEXICON_PRIMITIVES,
    string: STRING,
    str: STRING,
    text: STRING,
    uuid: STRING,
    guid: STRING,
    char: STRING,
    uri: STRING,
    url: STRING,
    email: STRING,
    int: int("int64"),
    int8: int("int32"),
    int16: int("int32"),
    int32: int("int32"),
    int64: int("int64"),
    i8: int("int32"),
    i16: int("int32"),
    i32: int("int32"),
    i64: int("int64"),
    uint: int("int64"),
    uint8: int("int32"),
    uint16: int("int32"),
    uint32: int("int64"),
    uint64: int("int64"),
    u8: int("int32"),
    u16: int("int32"),
    u32: int("int64"),
    u64: int("int64"),
    usize: int("int64"),
    isize: int("int64"),
    integer: int("integer"),
    long: int("int64"),
    short: int("int32"),
    byte: int("int32"),
    bigint: int("int64"),
    biginteger: int("int64"),
    float: FLOAT,
    float32: FLOAT,
    f32: FLOAT,
    float64: DOUBLE,
    f64: DOUBLE,
    double: DOUBLE,
    number: DOUBLE,
    decimal: DOUBLE,
    bigdecimal: DOUBLE,
    numeric: DOUBLE,
    bool: BOOLEAN,
    boolean: BOOLEAN,
    any: ANY,
    unknown: ANY,
    mixed: ANY,
    json: ANY,
    jsonvalue: ANY,
    jsonelement: ANY,
    jsonnode: ANY,
    dynamic: ANY,
    object: { kind: "open-object" },
    // Java's and C#'s `Object` holds any value (lowercase `object` is a JSON object).
    Object: ANY,
    // Python's bare `dict` and `list` (OpenAPI Generator writes them in lists of alternatives).
    dict: { kind: "map", values: ANY },
    list: { kind: "array", items: ANY },
    symbol: STRING,
    null: { kind: "null" },
    none: { kind: "null" },
    none_type: { kind: "null" },
    nonetype: { kind: "null" },
    nil: { kind: "null" },
    datetime: DATE_TIME,
    "date-time": DATE_TIME,
    timestamp: DATE_TIME,
    // Class-named date types of JavaScript, Java and C# hold an instant; lowercase `date` is a day.
    Date: DATE_TIME,
    instant: DATE_TIME,
    offsetdatetime: DATE_TIME,
    zoneddatetime: DATE_TIME,
    datetimeoffset: DATE_TIME,
    localdatetime: DATE_TIME,
    date: DATE,
    localdate: DATE,
    dateonly: DATE,
    bytes: BINARY,
    bytearray: BINARY,
    uint8array: BINARY,
    arraybuffer: BINARY,
    binary: BINARY,
  },
  generics: {
    ...LEXICON_GENERICS,
    optional: "optional",
    nullable: "nullable",
    optionalnullable: "optional-nullable",
    // Java's jackson-databind-nullable `JsonNullable<T>`, Sorbet's `T.nilable(T)`.
    jsonnullable: "nullable",
    nilable: "nullable",
    // Rust and Scala: `None` is `null` on the wire (serde, circe); absence comes from the Required column.
    option: "nullable",
    maybe: "nullable",
    list: "array",
    array: "array",
    arraylist: "array",
    sequence: "array",
    seq: "array",
    set: "array",
    hashset: "array",
    frozenset: "array",
    iterable: "array",
    collection: "array",
    readonlyarray: "array",
    vec: "array",
    vector: "array",
    slice: "array",
    ilist: "array",
    icollection: "array",
    ienumerable: "array",
    ireadonlylist: "array",
    ireadonlycollection: "array",
    mutablelist: "array",
    dict: "map",
    dictionary: "map",
    idictionary: "map",
    ireadonlydictionary: "map",
    record: "map",
    map: "map",
    hashmap: "map",
    btreemap: "map",
    treemap: "map",
    linkedhashmap: "map",
    mutablemap: "map",
    mapping: "map",
    hash: "map",
    union: "union",
    // Sorbet's `T.any(A, B)` (only read as a wrapper when arguments follow).
    any: "union",
    oneof: "union",
    either: "union",
    literal: "literal",
    unrecognized: "open",
    box: "identity",
    rc: "identity",
    arc: "identity",
    annotated: "identity",
    readonly: "identity",
    required: "identity",
    final: "identity",
    readablestream: "external",
    io: "external",
    eventstream: "external",
    eventstreamasync: "external",
    asynciterable: "external",
    promise: "external",
    future: "external",
  },
  knownQualified: {
    ...LEXICON_QUALIFIED,
    "time.time": DATE_TIME,
    "datetime.datetime": DATE_TIME,
    "datetime.date": DATE,
    "json.rawmessage": ANY,
    "types.date": DATE,
    "java.time.offsetdatetime": DATE_TIME,
    "java.time.localdate": DATE,
    "java.util.date": DATE_TIME,
    "system.datetime": DATE_TIME,
    "system.datetimeoffset": DATE_TIME,
    "chrono.datetime": DATE_TIME,
    "serde_json.value": ANY,
    "io.reader": BINARY,
    "io.readcloser": BINARY,
    "io.bufferedreader": BINARY,
    "typing.any": ANY,
  },
  modelNamespaces: new Set([
    "components",
    "models",
    "model",
    "operations",
    "shared",
    "errors",
    "apierrors",
    "sdkerrors",
    "types",
    "schemas",
    "dto",
    "entities",
  ]),
  questionMark: "nullable",
  questionPrefix: "nullable",
  wrapperPrefixes: { nullable: "nullable", optional: "optional" },
  libraryTypes: new Set(Object.keys(LEXICON_LIBRARY_TYPES).filter((name) => !name.includes("."))),
  shapes: {
    ...LEXICON_SHAPES,
    // OpenAPI Generator's Go pages write `Pointer to T`; hand-written tables `array of T`, `map of T`.
    phrases: {
      "pointer to": "pointer",
      "array of": "array",
      "list of": "array",
      "set of": "array",
      "map of": "map",
    },
    // Nullability before optionality before the weaker nullable words, then sequences, then maps.
    wrapperNameParts: [
      ["null", "nullable"],
      ["nil", "nullable"],
      ["none", "nullable"],
      ["optional", "optional"],
      ["option", "nullable"],
      ["maybe", "nullable"],
      ["list", "array"],
      ["array", "array"],
      ["vec", "array"],
      ["seq", "array"],
      ["set", "array"],
      ["map", "map"],
      ["dict", "map"],
      ["hash", "map"],
    ],
  },
};

/** A copy of `base` with some rows replaced (the way a dialect table is written). */
export function extendSpellings(
  base: Spellings,
  changes: {
    primitives?: Record<string, TypeRef>;
    generics?: Record<string, GenericMeaning>;
    knownQualified?: Record<string, TypeRef>;
    modelNamespaces?: readonly string[];
    questionMark?: QuestionMark;
    questionPrefix?: "nullable" | "option";
  },
): Spellings {
  return {
    lowercaseOnly: base.lowercaseOnly,
    primitives: { ...base.primitives, ...changes.primitives },
    generics: { ...base.generics, ...changes.generics },
    knownQualified: { ...base.knownQualified, ...changes.knownQualified },
    modelNamespaces: new Set([...base.modelNamespaces, ...(changes.modelNamespaces ?? [])]),
    questionMark: changes.questionMark ?? base.questionMark,
    questionPrefix: changes.questionPrefix ?? base.questionPrefix,
    wrapperPrefixes: base.wrapperPrefixes,
    libraryTypes: base.libraryTypes,
    shapes: base.shapes,
  };
}

/** The `any` type (Python `object`, Go `interface{}`). */
export const ANY_TYPE: TypeRef = ANY;
