/**
 * The type words of functional, data and embedded languages: Elixir, Erlang, Perl, R, Haskell, Lua and
 * Julia, and the Protocol Buffers well-known types. One family of the lexicon (lexicon.ts merges the
 * families in a fixed order and states their conventions).
 */
import {
  ANY,
  ANY_ARRAY,
  BINARY,
  BOOLEAN,
  DATE,
  DATE_TIME,
  DECIMAL,
  INTEGER,
  NULL,
  OPEN_OBJECT,
  STRING,
  type LanguageWords,
} from "./lexicon-types.js";

/** The words of Elixir, Erlang, Perl, R, Haskell, Lua and Julia. */
export const OTHER_WORDS: LanguageWords = {
  primitives: {
    // Elixir (typespec words; `String.t` and the like are qualified; integer, float, boolean, number, any
    // are shared words; `binary()` is raw bytes)
    term: ANY, // also Erlang
    atom: STRING, // also Erlang; atoms encode as JSON strings
    non_neg_integer: INTEGER, // also Erlang
    pos_integer: INTEGER, // also Erlang
    neg_integer: INTEGER, // also Erlang
    map: OPEN_OBJECT, // also Erlang: `map()` is any map
    list: ANY_ARRAY, // also Erlang: `list()` is any list
    // Erlang (string, integer, float, boolean, number, binary, any, term, atom above)
    // Perl (Moose type constraints; Int, Bool, Any are shared words; `Item` is any value but a common
    // model name)
    str: STRING,
    // (Moose's `Num` is Dart's `num`, in lexicon-native.ts)
    undef: NULL,
    filehandle: BINARY,
    // R (integer, numeric, double are shared words; R's `Date` is a day but the shared `Date` is an
    // instant)
    logical: BOOLEAN,
    raw: BINARY,
    posixct: DATE_TIME,
    posixlt: DATE_TIME,
    // Haskell (Int, Int64, Integer, Double, Float, Bool, Text, String are shared words; aeson's `Value`
    // and `Object` are common model names: aeson.value, aeson.object only)
    scientific: DECIMAL,
    utctime: DATE_TIME,
    zonedtime: DATE_TIME,
    Day: DATE, // case-sensitive: a plausible model name in lowercase docs
    bytestring: BINARY,
    // Lua (string, number, integer, boolean, nil, any are shared words; `table` is a generic)
    // Julia (Int64, Int32, Float64, Bool, String, Any, DateTime are shared words; `Dates.Date` is
    // qualified because the shared `Date` is an instant)
    nothing: NULL,
    missing: NULL,
    bigfloat: DECIMAL,
    zoneddatetime: DATE_TIME,
  },
  qualified: {
    // Elixir (typespecs: `String.t()` is the word `String.t`)
    "string.t": STRING,
    "datetime.t": DATE_TIME,
    "naivedatetime.t": DATE_TIME,
    "date.t": DATE,
    "decimal.t": DECIMAL,
    // Erlang (remote types `module:type()`)
    "unicode.unicode_binary": STRING,
    "unicode.chardata": STRING,
    "calendar.date": DATE,
    "calendar.datetime": DATE_TIME,
    "maps.map": OPEN_OBJECT,
    // Perl
    "math.bigfloat": DECIMAL,
    "math.bigint": INTEGER,
    "datetime.tiny": DATE_TIME,
    // R: no qualified words
    // Haskell
    "data.text.text": STRING,
    "aeson.value": ANY,
    "data.aeson.value": ANY,
    "aeson.object": OPEN_OBJECT,
    "data.aeson.object": OPEN_OBJECT,
    "data.time.day": DATE,
    "data.time.utctime": DATE_TIME,
    "data.scientific.scientific": DECIMAL,
    "data.bytestring.bytestring": BINARY,
    // Lua: no qualified words
    // Julia
    "dates.date": DATE,
    "dates.datetime": DATE_TIME,
    "timezones.zoneddatetime": DATE_TIME,
    // Protocol Buffers well-known types (any language's generated code)
    "google.protobuf.timestamp": DATE_TIME,
    "google.protobuf.value": ANY,
    "google.protobuf.struct": OPEN_OBJECT,
    "google.protobuf.any": OPEN_OBJECT,
  },
  generics: {
    // Elixir, Erlang (`list(T)` is shared)
    nonempty_list: "array",
    // Perl (Moose: Maybe is shared)
    arrayref: "array",
    hashref: "map",
    // R (`array[T]`, `map(T)` are shared)
    // Haskell (Maybe, Map, HashMap, Vector are shared)
    nonempty: "array",
    keymap: "map",
    // Lua (LuaCATS `table<K, V>`)
    table: "map",
    // Julia (Vector, Dict, Union are shared)
    abstractvector: "array",
    abstractdict: "map",
  },
  libraryTypes: {
    // Elixir
    "tesla.env": "Tesla's request/response environment",
    "plug.upload": "Plug's uploaded file",
    // Julia
    iobuffer: "Base.IOBuffer, an in-memory byte stream",
  },
};
