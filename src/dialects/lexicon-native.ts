/**
 * The type words of compiled languages of apps and systems: Swift, Dart, Go, Rust and C++. One family
 * of the lexicon (lexicon.ts merges the families in a fixed order and states their conventions).
 */
import {
  ANY,
  BINARY,
  BOOLEAN,
  DATE,
  DATE_TIME,
  DECIMAL,
  DOUBLE,
  INT32,
  INT64,
  INTEGER,
  NULL,
  OPEN_OBJECT,
  STRING,
  type LanguageWords,
} from "./lexicon-types.js";

/** The words of Swift, Dart, Go, Rust and C++. */
export const NATIVE_WORDS: LanguageWords = {
  primitives: {
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
  },
  qualified: {
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
    emptyBraces: { interface: ANY },
    base64Elements: ["byte"],
  },
};
