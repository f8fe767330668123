/**
 * The spelling tables behind the one type grammar. A new SDK language is mostly new rows here: the
 * grammar (grammar.ts) knows shapes (prefix `*`, `[]T`, `map[K]V`, `G[...]`, `G<...>`, links, unions),
 * these tables know words.
 */
import type { TypeRef } from "../model/types.js";

/** What a generic wrapper `Name[...]` / `Name<...>` means. */
export type GenericMeaning =
  "optional" | "nullable" | "optional-nullable" | "array" | "map" | "union" | "literal" | "open";

export interface Spellings {
  /** Primitive words (lowercase keys). */
  primitives: Readonly<Record<string, TypeRef>>;
  /** Generic wrappers (lowercase keys). */
  generics: Readonly<Record<string, GenericMeaning>>;
  /** Qualified names of well-known library types (lowercase keys), e.g. `time.time`. */
  knownQualified: Readonly<Record<string, TypeRef>>;
  /** Namespaces that hold the documented models (`components.X`, `models.X`). */
  modelNamespaces: ReadonlySet<string>;
}

const int = (format: "int32" | "int64" | "integer"): TypeRef => ({ kind: "number", format });
const STRING: TypeRef = { kind: "string" };
const DOUBLE: TypeRef = { kind: "number", format: "double" };
const FLOAT: TypeRef = { kind: "number", format: "float" };
const BOOLEAN: TypeRef = { kind: "boolean" };
const ANY: TypeRef = { kind: "unknown", reason: "any" };
const DATE_TIME: TypeRef = { kind: "string", format: "date-time" };
const DATE: TypeRef = { kind: "string", format: "date" };

/** The spellings every flavour shares. */
export const DEFAULT_SPELLINGS: Spellings = {
  primitives: {
    string: STRING,
    str: STRING,
    text: STRING,
    uuid: STRING,
    char: STRING,
    int: int("int64"),
    int8: int("int32"),
    int16: int("int32"),
    int32: int("int32"),
    int64: int("int64"),
    uint: int("int64"),
    uint8: int("int32"),
    uint16: int("int32"),
    uint32: int("int64"),
    uint64: int("int64"),
    integer: int("integer"),
    long: int("int64"),
    short: int("int32"),
    bigint: int("int64"),
    float: FLOAT,
    float32: FLOAT,
    float64: DOUBLE,
    double: DOUBLE,
    number: DOUBLE,
    decimal: DOUBLE,
    bool: BOOLEAN,
    boolean: BOOLEAN,
    any: ANY,
    unknown: ANY,
    mixed: ANY,
    json: ANY,
    object: { kind: "open-object" },
    null: { kind: "null" },
    none: { kind: "null" },
    nil: { kind: "null" },
    datetime: DATE_TIME,
    "date-time": DATE_TIME,
    timestamp: DATE_TIME,
    date: DATE,
  },
  generics: {
    optional: "optional",
    nullable: "nullable",
    optionalnullable: "optional-nullable",
    list: "array",
    array: "array",
    sequence: "array",
    set: "array",
    iterable: "array",
    readonlyarray: "array",
    vec: "array",
    dict: "map",
    record: "map",
    map: "map",
    mapping: "map",
    union: "union",
    literal: "literal",
    unrecognized: "open",
  },
  knownQualified: {
    "time.time": DATE_TIME,
    "datetime.datetime": DATE_TIME,
    "datetime.date": DATE,
    "json.rawmessage": ANY,
    "types.date": DATE,
  },
  modelNamespaces: new Set([
    "components",
    "models",
    "operations",
    "shared",
    "errors",
    "apierrors",
    "sdkerrors",
    "types",
  ]),
};
