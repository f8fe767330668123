/**
 * The type words of the languages of web back ends and front ends: PHP, Ruby, Crystal, Python and
 * TypeScript. One family of the lexicon (lexicon.ts merges the families in a fixed order and states
 * their conventions).
 */
import * as json from "./lexicon-types.js";
import type { LanguageWords } from "./lexicon-types.js";

/** The words of PHP, Ruby, Crystal, Python and TypeScript. */
export const SCRIPTING_WORDS: LanguageWords = {
  primitives: {
    // PHP (int, float, string, bool, mixed, object, null are shared words; `array` is a generic)
    datetimeinterface: json.DATE_TIME,
    datetimeimmutable: json.DATE_TIME,
    splfileobject: json.BINARY,
    // Ruby (Integer, Float, String, BigDecimal, DateTime, Boolean are shared words; `Object` is any value
    // but a common model name; Ruby's `Date` is a day but the shared `Date` is an instant)
    Time: json.DATE_TIME, // also Crystal; case-sensitive: Python's `time` is a time of day
    stringio: json.BINARY,
    tempfile: json.BINARY,
    // Crystal (Int32, Int64, Float64, Bool, String, BigDecimal, Bytes, Nil are shared words; Time above)
    // Python (str, int, float, bool, bytes, bytearray, None, Any, Decimal, datetime, date are shared words)
    strictstr: json.STRING,
    strictint: json.INT64,
    strictfloat: json.FLOAT,
    strictbool: json.BOOLEAN,
    strictbytes: json.BINARY,
    // Speakeasy's open-enum members: any other string or integer (`Union[Literal["a"], UnrecognizedStr]`)
    unrecognizedstr: json.STRING,
    unrecognizedint: json.INT64,
    // TypeScript (string, number, boolean, bigint, any, unknown, null, Date, Uint8Array, ArrayBuffer are
    // shared words)
    blob: json.BINARY,
  },
  qualified: {
    // PHP (leading `\` dropped)
    "brick.math.bigdecimal": json.DECIMAL,
    "brick.datetime.localdate": json.DATE,
    "psr.http.message.streaminterface": json.BINARY,
    "carbon.carbon": json.DATE_TIME,
    // Ruby (Sorbet; leading `::` kept as a leading `.` where the bare word means something else)
    ".date": json.DATE,
    ".object": json.ANY,
    "t.boolean": json.BOOLEAN,
    "t.untyped": json.ANY,
    // Crystal
    "json.any": json.ANY,
    "yaml.any": json.ANY,
    // Python
    "datetime.time": json.STRING,
    "pydantic.json": json.ANY,
    // TypeScript: no qualified words
  },
  generics: {
    // PHP (`array<T>`, `list<T>`, `iterable<T>` are shared; `array<K, V>` is a map: a shape)
    // Ruby (Sorbet: T::Array, T::Hash, T::Set are shared)
    nilable: "nullable",
    any: "union", // T.any(A, B)
    enumerable: "array",
    // Crystal (Array, Hash, Set, Union are shared)
    // Python (List, Dict, Optional, Union, Sequence, Mapping, Set, FrozenSet, Literal, Annotated are shared)
    notrequired: "optional",
    // TypeScript (Array, ReadonlyArray, Record, Promise, ReadableStream are shared)
  },
  libraryTypes: {
    // PHP
    responseinterface: "PSR-7's Psr\\Http\\Message\\ResponseInterface, a raw HTTP response",
    requestinterface: "PSR-7's Psr\\Http\\Message\\RequestInterface, a raw HTTP request",
    streaminterface: "PSR-7's Psr\\Http\\Message\\StreamInterface, a body stream",
    uploadedfileinterface: "PSR-7's uploaded file",
    // Ruby
    "faraday.response": "Faraday's raw HTTP response",
    "net.httpresponse": "Net::HTTPResponse, a raw HTTP response",
    // Python
    "httpx.response": "httpx's raw HTTP response",
    "requests.response": "requests' raw HTTP response",
    bufferedreader: "io.BufferedReader, a byte stream",
    bytesio: "io.BytesIO, an in-memory byte stream",
    // TypeScript / JavaScript
    readablestream: "a web stream of bytes or events",
    formdata: "a multipart form body",
    abortsignal: "a cancellation signal",
  },
  shapes: {
    // Ruby's `Foo.new(T)` is the wrapper `Foo(T)`.
    constructors: ["new"],
  },
};
