/**
 * The type words of functional, data and embedded languages: Elixir, Erlang, Perl, R, Haskell, Lua and
 * Julia, and the Protocol Buffers well-known types. One family of the lexicon (lexicon.ts merges the
 * families in a fixed order and states their conventions).
 */
import * as json from "./lexicon-types.js";
import type { LanguageWords } from "./lexicon-types.js";

/** The words of Elixir, Erlang, Perl, R, Haskell, Lua and Julia. */
export const OTHER_WORDS: LanguageWords = {
  primitives: {
    // Elixir (typespec words; `String.t` and the like are qualified; integer, float, boolean, number, any
    // are shared words; `binary()` is raw bytes)
    term: json.ANY, // also Erlang
    atom: json.STRING, // also Erlang; atoms encode as JSON strings
    non_neg_integer: json.INTEGER, // also Erlang
    pos_integer: json.INTEGER, // also Erlang
    neg_integer: json.INTEGER, // also Erlang
    map: json.OPEN_OBJECT, // also Erlang: `map()` is any map
    list: json.ANY_ARRAY, // also Erlang: `list()` is any list
    // Erlang (string, integer, float, boolean, number, binary, any, term, atom above)
    // Perl (Moose type constraints; Int, Bool, Any are shared words; `Item` is any value but a common
    // model name)
    str: json.STRING,
    // (Moose's `Num` is Dart's `num`, in lexicon-native.ts)
    undef: json.NULL,
    filehandle: json.BINARY,
    // R (integer, numeric, double are shared words; R's `Date` is a day but the shared `Date` is an
    // instant)
    logical: json.BOOLEAN,
    raw: json.BINARY,
    posixct: json.DATE_TIME,
    posixlt: json.DATE_TIME,
    // Haskell (Int, Int64, Integer, Double, Float, Bool, Text, String are shared words; aeson's `Value`
    // and `Object` are common model names: aeson.value, aeson.object only)
    scientific: json.DECIMAL,
    utctime: json.DATE_TIME,
    zonedtime: json.DATE_TIME,
    Day: json.DATE, // case-sensitive: a plausible model name in lowercase docs
    bytestring: json.BINARY,
    // Lua (string, number, integer, boolean, nil, any are shared words; `table` is a generic)
    // Julia (Int64, Int32, Float64, Bool, String, Any, DateTime are shared words; `Dates.Date` is
    // qualified because the shared `Date` is an instant)
    nothing: json.NULL,
    missing: json.NULL,
    bigfloat: json.DECIMAL,
    zoneddatetime: json.DATE_TIME,
  },
  qualified: {
    // Elixir (typespecs: `String.t()` is the word `String.t`)
    "string.t": json.STRING,
    "datetime.t": json.DATE_TIME,
    "naivedatetime.t": json.DATE_TIME,
    "date.t": json.DATE,
    "decimal.t": json.DECIMAL,
    // Erlang (remote types `module:type()`)
    "unicode.unicode_binary": json.STRING,
    "unicode.chardata": json.STRING,
    "calendar.date": json.DATE,
    "calendar.datetime": json.DATE_TIME,
    "maps.map": json.OPEN_OBJECT,
    // Perl
    "math.bigfloat": json.DECIMAL,
    "math.bigint": json.INTEGER,
    "datetime.tiny": json.DATE_TIME,
    // R: no qualified words
    // Haskell
    "data.text.text": json.STRING,
    "aeson.value": json.ANY,
    "data.aeson.value": json.ANY,
    "aeson.object": json.OPEN_OBJECT,
    "data.aeson.object": json.OPEN_OBJECT,
    "data.time.day": json.DATE,
    "data.time.utctime": json.DATE_TIME,
    "data.scientific.scientific": json.DECIMAL,
    "data.bytestring.bytestring": json.BINARY,
    // Lua: no qualified words
    // Julia
    "dates.date": json.DATE,
    "dates.datetime": json.DATE_TIME,
    "timezones.zoneddatetime": json.DATE_TIME,
    // Protocol Buffers well-known types (any language's generated code)
    "google.protobuf.timestamp": json.DATE_TIME,
    "google.protobuf.value": json.ANY,
    "google.protobuf.struct": json.OPEN_OBJECT,
    "google.protobuf.any": json.OPEN_OBJECT,
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
