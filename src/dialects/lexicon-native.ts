/**
 * The type words of compiled languages of apps and systems: Swift, Dart, Go, Rust and C++. One family
 * of the lexicon (lexicon.ts merges the families in a fixed order and states their conventions).
 */
import * as json from "./lexicon-types.js";
import type { LanguageWords } from "./lexicon-types.js";

/** The words of Swift, Dart, Go, Rust and C++. */
export const NATIVE_WORDS: LanguageWords = {
  primitives: {
    // Swift (Int64, Int32, UInt64, Double, Float, Bool, String, Decimal, Date, UUID, URL are shared words;
    // Foundation's `Data` is binary but a common model name: foundation.data only)
    anycodable: json.ANY, // JSONValue is a shared word
    // Dart (int, double, bool, String, DateTime, dynamic, BigInt are shared words)
    num: json.DOUBLE,
    uint8list: json.BINARY,
    jsonobject: json.ANY, // built_value's JsonObject holds any JSON value, not only objects
    // Go: `interface{}`, `[]byte` and `map[K]V` are shapes; its words are shared words.
    // Rust (i8..i64, u8..u64, f32, f64, bool, String, usize are shared words)
    i128: json.INTEGER,
    u128: json.INTEGER,
    // C++ (<cstdint>; double, float, bool, char are shared words)
    int8_t: json.INT32,
    int16_t: json.INT32,
    int32_t: json.INT32,
    int64_t: json.INT64,
    uint8_t: json.INT32,
    uint16_t: json.INT32,
    uint32_t: json.INT64,
    uint64_t: json.INT64,
    size_t: json.INT64,
    intmax_t: json.INT64,
  },
  qualified: {
    // Swift (Foundation)
    "foundation.data": json.BINARY,
    "foundation.date": json.DATE_TIME,
    "foundation.decimal": json.DECIMAL,
    "foundation.url": json.STRING,
    "foundation.uuid": json.STRING,
    "swift.string": json.STRING,
    "swift.int": json.INT64,
    "swift.double": json.DOUBLE,
    "swift.bool": json.BOOLEAN,
    // Dart
    "dart.core.string": json.STRING,
    "dart.core.datetime": json.DATE_TIME,
    "dart.typed_data.uint8list": json.BINARY,
    // Go
    "decimal.decimal": json.DECIMAL, // also Python's decimal.Decimal
    "uuid.uuid": json.STRING, // also Rust's uuid::Uuid and Python's uuid.UUID
    "civil.date": json.DATE,
    "civil.datetime": json.DATE_TIME,
    "big.int": json.INTEGER,
    "big.float": json.DECIMAL,
    "os.file": json.BINARY,
    // Rust
    "std.string.string": json.STRING,
    "chrono.naivedate": json.DATE,
    "chrono.naivedatetime": json.DATE_TIME,
    "time.offsetdatetime": json.DATE_TIME,
    "time.date": json.DATE,
    "rust_decimal.decimal": json.DECIMAL,
    "bigdecimal.bigdecimal": json.DECIMAL,
    "url.url": json.STRING,
    "bytes.bytes": json.BINARY,
    "std.path.pathbuf": json.BINARY,
    "serde_json.map": json.OPEN_OBJECT,
    // C++
    "std.string": json.STRING,
    "std.int8_t": json.INT32,
    "std.int16_t": json.INT32,
    "std.int32_t": json.INT32,
    "std.int64_t": json.INT64,
    "std.uint64_t": json.INT64,
    "std.size_t": json.INT64,
    "std.nullptr_t": json.NULL,
    "std.chrono.system_clock.time_point": json.DATE_TIME,
    "std.chrono.year_month_day": json.DATE,
    "std.istream": json.BINARY,
    "std.ifstream": json.BINARY,
    "nlohmann.json": json.ANY,
    "web.json.value": json.ANY,
    "utility.string_t": json.STRING,
    "utility.datetime": json.DATE_TIME,
  },
  generics: {
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
  },
  libraryTypes: {
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
  },
  shapes: {
    // Go: `map[string]V`, `interface{}` (any value), `[]byte` (base64 text on the wire).
    keyedMaps: ["map"],
    emptyBraces: { interface: json.ANY },
    base64Elements: ["byte"],
  },
};
