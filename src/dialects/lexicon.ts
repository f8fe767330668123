/**
 * The type words of SDK languages, as plain tables for the spelling tables (spellings.ts) to merge: what
 * each language calls its strings, numbers, dates, binary data, "any value", wrappers and containers, and
 * which library types (HTTP responses, streams) have no JSON shape. The grammar (grammar.ts) knows the
 * shapes; nothing here knows Markdown or the grammar.
 *
 * Conventions:
 * - Keys are lowercase and match a word however it is capitalised, except keys that contain a capital
 *   (`Time`, `Day`): those match only as written, because another language uses the lowercase word for
 *   something else (Python's `time` is a time of day) or the word is a plausible model name.
 * - A word that is a very common model name (`Value`, `Object`, `Data`, `Result`, `Error`, `File`,
 *   `Table`, `Stream`, `Response`) appears only in {@link LEXICON_QUALIFIED}, with its namespace.
 * - A word several languages share appears once, under the first language that uses it; the comment
 *   names the others. Words of DEFAULT_SPELLINGS are not repeated unless a language needs them
 *   noted; where a language's meaning differs from the shared one, the shared one wins and the comment
 *   says so (Java's, Kotlin's and C#'s `int` is 32-bit, the shared `int` is int64: lenient).
 * - Decimals read as `number` (format `double`), binary data and streams as `unknown` (`external`), "any
 *   value" as `unknown` (`any`), dates as `string` (format `date`), instants as `string` (`date-time`).
 *
 * The words every flavour already shares are DEFAULT_SPELLINGS in spellings.ts.
 */
import type { TypeRef } from "../core/model.js";
import type { GenericMeaning } from "./spellings.js";

const STRING: TypeRef = { kind: "string" };
const INT32: TypeRef = { kind: "number", format: "int32" };
const INT64: TypeRef = { kind: "number", format: "int64" };
/** Arbitrary-precision or platform-sized integers (Ruby, Elixir, Erlang, Haskell `Integer`). */
const INTEGER: TypeRef = { kind: "number", format: "integer" };
const FLOAT: TypeRef = { kind: "number", format: "float" };
const DOUBLE: TypeRef = { kind: "number", format: "double" };
/** Decimal types carry exact numbers; on the wire they are JSON numbers. */
const DECIMAL: TypeRef = DOUBLE;
const BOOLEAN: TypeRef = { kind: "boolean" };
const DATE: TypeRef = { kind: "string", format: "date" };
const DATE_TIME: TypeRef = { kind: "string", format: "date-time" };
/** Binary data, files and streams: no JSON shape to check. */
const BINARY: TypeRef = { kind: "unknown", reason: "external" };
const ANY: TypeRef = { kind: "unknown", reason: "any" };
const NULL: TypeRef = { kind: "null" };
const OPEN_OBJECT: TypeRef = { kind: "open-object" };
const ANY_ARRAY: TypeRef = { kind: "array", items: ANY };

/**
 * Primitive words of each language (bare, unqualified), lowercase keys unless case matters (see the
 * module comment). Each maps to the TypeRef its values have in JSON.
 */
export const LEXICON_PRIMITIVES: Readonly<Record<string, TypeRef>> = {
  // Java (also: String, Long, Double, Float, Boolean, BigDecimal, BigInteger, OffsetDateTime, LocalDate
  // in the shared words; `Object` is any value but a common model name: java.lang.Object only)
  character: STRING, // also R's string vector type (lowercase only, see LEXICON_LOWERCASE_ONLY)
  // Kotlin (Int, Long, Short, Byte, Float, Double, Boolean, String, Any, ByteArray are shared words)
  ubyte: INT32,
  ushort: INT32,
  ulong: INT64,
  // Scala (BigInt and BigDecimal are shared words; `Any` is any value)
  anyval: ANY,
  // C# (string, long, int, bool, double, decimal, DateTime, DateTimeOffset, DateOnly, Guid, dynamic are
  // shared words; `object` is System.Object, any value, but the shared `object` is an open object)
  sbyte: INT32,
  nint: INT64,
  nuint: INT64,
  jtoken: ANY,
  jobject: OPEN_OBJECT,
  // F# (int64, int16, uint64, decimal, bool, string, byte are shared words; F#'s `float` is 64-bit but
  // the shared `float` is single precision)
  obj: ANY,
  single: FLOAT,
  // Swift (Int64, Int32, UInt64, Double, Float, Bool, String, Decimal, Date, UUID, URL are shared words;
  // Foundation's `Data` is binary but a common model name: foundation.data only)
  anycodable: ANY, // JSONValue is a shared word
  // Dart (int, double, bool, String, DateTime, dynamic, BigInt are shared words)
  num: DOUBLE,
  uint8list: BINARY,
  jsonobject: ANY, // built_value's JsonObject holds any JSON value, not only objects
  // Go: `interface{}`, `[]byte` and `map[K]V` are shapes; its words are shared words.
  // Rust (i8..i64, u8..u64, f32, f64, bool, String, usize are shared words)
  i128: INTEGER,
  u128: INTEGER,
  // C++ (<cstdint>; double, float, bool, char are shared words)
  int8_t: INT32,
  int16_t: INT32,
  int32_t: INT32,
  int64_t: INT64,
  uint8_t: INT32,
  uint16_t: INT32,
  uint32_t: INT64,
  uint64_t: INT64,
  size_t: INT64,
  intmax_t: INT64,
  // PHP (int, float, string, bool, mixed, object, null are shared words; `array` is a generic)
  datetimeinterface: DATE_TIME,
  datetimeimmutable: DATE_TIME,
  splfileobject: BINARY,
  // Ruby (Integer, Float, String, BigDecimal, DateTime, Boolean are shared words; `Object` is any value
  // but a common model name; Ruby's `Date` is a day but the shared `Date` is an instant)
  Time: DATE_TIME, // also Crystal; case-sensitive: Python's `time` is a time of day
  stringio: BINARY,
  tempfile: BINARY,
  // Crystal (Int32, Int64, Float64, Bool, String, BigDecimal, Bytes, Nil are shared words; Time above)
  // Python (str, int, float, bool, bytes, bytearray, None, Any, Decimal, datetime, date are shared words)
  strictstr: STRING,
  strictint: INT64,
  strictfloat: FLOAT,
  strictbool: BOOLEAN,
  strictbytes: BINARY,
  // TypeScript (string, number, boolean, bigint, any, unknown, null, Date, Uint8Array, ArrayBuffer are
  // shared words)
  blob: BINARY,
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
  // (Moose's `Num` is Dart's `num` above)
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
};

/**
 * Lowercase keys of {@link LEXICON_PRIMITIVES} that match only when written in lowercase: the words of
 * lowercase-typed languages (Erlang, Elixir, R) that are also plausible model names when capitalised
 * (`Map`, `List`, `Term`, `Atom`, `Character`, `Raw`).
 */
export const LEXICON_LOWERCASE_ONLY: ReadonlySet<string> = new Set([
  "character",
  "term",
  "atom",
  "map",
  "list",
  "logical",
  "raw",
]);

/**
 * Qualified names of well-known types, lowercase, `.`-separated whatever the language writes (`::` and
 * `\` are normalised to `.`). A key starting with `.` is a name written with a leading separator that
 * means something other than the bare word (Ruby's `::Date` is a day, `::Object` any value).
 */
export const LEXICON_QUALIFIED: Readonly<Record<string, TypeRef>> = {
  // Java
  "java.lang.string": STRING,
  "java.lang.integer": INT32,
  "java.lang.long": INT64,
  "java.lang.short": INT32,
  "java.lang.byte": INT32,
  "java.lang.double": DOUBLE,
  "java.lang.float": FLOAT,
  "java.lang.boolean": BOOLEAN,
  "java.lang.object": ANY,
  "java.math.bigdecimal": DECIMAL,
  "java.math.biginteger": INTEGER,
  "java.time.instant": DATE_TIME,
  "java.time.localdatetime": DATE_TIME,
  "java.time.zoneddatetime": DATE_TIME,
  "java.util.uuid": STRING,
  "java.net.uri": STRING,
  "java.net.url": STRING,
  "java.io.file": BINARY,
  "java.io.inputstream": BINARY,
  "com.fasterxml.jackson.databind.jsonnode": ANY,
  // Kotlin
  "kotlin.string": STRING,
  "kotlin.int": INT32,
  "kotlin.long": INT64,
  "kotlin.short": INT32,
  "kotlin.byte": INT32,
  "kotlin.double": DOUBLE,
  "kotlin.float": FLOAT,
  "kotlin.boolean": BOOLEAN,
  "kotlin.any": ANY,
  "kotlin.bytearray": BINARY,
  "kotlinx.datetime.instant": DATE_TIME,
  "kotlinx.datetime.localdate": DATE,
  "kotlinx.serialization.json.jsonelement": ANY,
  "kotlinx.serialization.json.jsonobject": OPEN_OBJECT,
  // Scala
  "scala.bigdecimal": DECIMAL,
  "scala.math.bigdecimal": DECIMAL,
  "scala.math.bigint": INTEGER,
  "scala.any": ANY,
  "io.circe.json": ANY,
  // C#
  "system.string": STRING,
  "system.int16": INT32,
  "system.int32": INT32,
  "system.int64": INT64,
  "system.byte": INT32,
  "system.double": DOUBLE,
  "system.single": FLOAT,
  "system.decimal": DECIMAL,
  "system.boolean": BOOLEAN,
  "system.object": ANY,
  "system.guid": STRING,
  "system.uri": STRING,
  "system.dateonly": DATE,
  "system.io.stream": BINARY,
  "system.text.json.jsonelement": ANY,
  "system.text.json.nodes.jsonnode": ANY,
  "system.text.json.nodes.jsonobject": OPEN_OBJECT,
  "newtonsoft.json.linq.jtoken": ANY,
  "newtonsoft.json.linq.jobject": OPEN_OBJECT,
  // Swift (Foundation)
  "foundation.data": BINARY,
  "foundation.date": DATE_TIME,
  "foundation.decimal": DECIMAL,
  "foundation.url": STRING,
  "foundation.uuid": STRING,
  "swift.string": STRING,
  "swift.int": INT64,
  "swift.double": DOUBLE,
  "swift.bool": BOOLEAN,
  // Dart
  "dart.core.string": STRING,
  "dart.core.datetime": DATE_TIME,
  "dart.typed_data.uint8list": BINARY,
  // Go
  "decimal.decimal": DECIMAL, // also Python's decimal.Decimal
  "uuid.uuid": STRING, // also Rust's uuid::Uuid and Python's uuid.UUID
  "civil.date": DATE,
  "civil.datetime": DATE_TIME,
  "big.int": INTEGER,
  "big.float": DECIMAL,
  "os.file": BINARY,
  // Rust
  "std.string.string": STRING,
  "chrono.naivedate": DATE,
  "chrono.naivedatetime": DATE_TIME,
  "time.offsetdatetime": DATE_TIME,
  "time.date": DATE,
  "rust_decimal.decimal": DECIMAL,
  "bigdecimal.bigdecimal": DECIMAL,
  "url.url": STRING,
  "bytes.bytes": BINARY,
  "std.path.pathbuf": BINARY,
  "serde_json.map": OPEN_OBJECT,
  // C++
  "std.string": STRING,
  "std.int8_t": INT32,
  "std.int16_t": INT32,
  "std.int32_t": INT32,
  "std.int64_t": INT64,
  "std.uint64_t": INT64,
  "std.size_t": INT64,
  "std.nullptr_t": NULL,
  "std.chrono.system_clock.time_point": DATE_TIME,
  "std.chrono.year_month_day": DATE,
  "std.istream": BINARY,
  "std.ifstream": BINARY,
  "nlohmann.json": ANY,
  "web.json.value": ANY,
  "utility.string_t": STRING,
  "utility.datetime": DATE_TIME,
  // PHP (leading `\` dropped)
  "brick.math.bigdecimal": DECIMAL,
  "brick.datetime.localdate": DATE,
  "psr.http.message.streaminterface": BINARY,
  "carbon.carbon": DATE_TIME,
  // Ruby (Sorbet; leading `::` kept as a leading `.` where the bare word means something else)
  ".date": DATE,
  ".object": ANY,
  "t.boolean": BOOLEAN,
  "t.untyped": ANY,
  // Crystal
  "json.any": ANY,
  "yaml.any": ANY,
  // Python
  "datetime.time": STRING,
  "pydantic.json": ANY,
  // TypeScript: no qualified words
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
};

/**
 * Generic wrappers and containers of each language, keyed by the lowercase last segment of their name
 * (`std::unordered_map` -> `unordered_map`, `T.nilable` -> `nilable`).
 */
export const LEXICON_GENERICS: Readonly<Record<string, GenericMeaning>> = {
  // Java (List, ArrayList, Set, HashSet, Map, HashMap, TreeMap, LinkedHashMap, Optional are shared)
  jsonnullable: "nullable",
  linkedlist: "array",
  linkedhashset: "array",
  treeset: "array",
  sortedset: "array",
  sortedmap: "map",
  completablefuture: "external",
  httpresponse: "external",
  // Kotlin (List, MutableList, Map, MutableMap, Set, Array are shared)
  mutableset: "array",
  // Scala (Seq, List, Vector, Set, Map, Option are shared)
  indexedseq: "array",
  // C# (List, IList, IEnumerable, ICollection, Dictionary, IDictionary, HashSet, Nullable are shared)
  iset: "array",
  ireadonlyset: "array",
  sorteddictionary: "map",
  task: "external",
  valuetask: "external",
  iasyncenumerable: "external",
  // F# (list, seq, option, Map, Set are shared)
  voption: "nullable",
  resizearray: "array",
  // Swift (Array, Dictionary, Set are shared; `Optional<T>` is spelled `T?`)
  // Dart (List, Map, Set, Iterable, Future are shared)
  builtlist: "array",
  builtset: "array",
  builtmap: "map",
  stream: "external",
  // Rust (Vec, Option, HashMap, BTreeMap, HashSet, Box, Rc, Arc are shared)
  vecdeque: "array",
  btreeset: "array",
  indexmap: "map",
  indexset: "array",
  // C++ (std::vector, std::map, std::set, std::optional, std::list are shared)
  unordered_map: "map",
  unordered_set: "array",
  deque: "array", // also Crystal
  shared_ptr: "identity",
  unique_ptr: "identity",
  variant: "union",
  // PHP (`array<T>`, `list<T>`, `iterable<T>` are shared; `array<K, V>` is a map: a shape)
  // Ruby (Sorbet: T::Array, T::Hash, T::Set are shared)
  nilable: "nullable",
  any: "union", // T.any(A, B)
  enumerable: "array",
  // Crystal (Array, Hash, Set, Union are shared)
  // Python (List, Dict, Optional, Union, Sequence, Mapping, Set, FrozenSet, Literal, Annotated are shared)
  notrequired: "optional",
  // TypeScript (Array, ReadonlyArray, Record, Promise, ReadableStream are shared)
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
};

/**
 * Library types with no JSON shape that SDK docs mention without a link (HTTP requests and responses,
 * streams, uploads): lowercase key -> what it is. Bare names only where unambiguous; names that are
 * also common model names (`Response`, `Stream`, `File`) are listed qualified.
 */
export const LEXICON_LIBRARY_TYPES: Readonly<Record<string, string>> = {
  // Java
  inputstream: "java.io.InputStream, a byte stream (also Swift's InputStream)",
  outputstream: "java.io.OutputStream, a byte sink",
  bytearrayinputstream: "java.io.ByteArrayInputStream, an in-memory byte stream",
  httpresponse: "java.net.http.HttpResponse, a raw HTTP response",
  "okhttp3.response": "OkHttp's raw HTTP response (Kotlin, Java)",
  "okhttp3.responsebody": "OkHttp's raw response body (Kotlin, Java)",
  // C#
  httpresponsemessage: "System.Net.Http.HttpResponseMessage, a raw HTTP response",
  httprequestmessage: "System.Net.Http.HttpRequestMessage, a raw HTTP request",
  httpcontent: "an HTTP body: System.Net.Http.HttpContent (C#) or the C++ REST SDK's HttpContent",
  memorystream: "System.IO.MemoryStream, an in-memory byte stream",
  filestream: "System.IO.FileStream, a file's byte stream",
  iformfile: "ASP.NET's uploaded file",
  "system.io.stream": "System.IO.Stream, a byte stream",
  // Swift
  httpurlresponse: "Foundation's HTTPURLResponse, a raw HTTP response",
  urlresponse: "Foundation's URLResponse, a raw response",
  // Dart
  multipartfile: "an upload part (package:http, dio)",
  streamedresponse: "package:http's streamed HTTP response",
  "dio.response": "dio's raw HTTP response",
  // Go
  "http.response": "net/http's raw HTTP response (also Julia's HTTP.Response)",
  "http.request": "net/http's raw HTTP request",
  // Rust
  "reqwest.response": "reqwest's raw HTTP response",
  bytestream: "a streaming byte body (AWS SDK for Rust's ByteStream)",
  // C++
  "web.http.http_response": "the C++ REST SDK's raw HTTP response",
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
  // Elixir
  "tesla.env": "Tesla's request/response environment",
  "plug.upload": "Plug's uploaded file",
  // Julia
  iobuffer: "Base.IOBuffer, an in-memory byte stream",
};
