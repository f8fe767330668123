/**
 * The type words of the languages of the JVM and .NET: Java, Kotlin, Scala, C# and F#. One family of
 * the lexicon (lexicon.ts merges the families in a fixed order and states their conventions).
 */
import {
  ANY,
  BINARY,
  BOOLEAN,
  DATE,
  DATE_TIME,
  DECIMAL,
  DOUBLE,
  FLOAT,
  INT32,
  INT64,
  INTEGER,
  OPEN_OBJECT,
  STRING,
  type LanguageWords,
} from "./lexicon-types.js";

/** The words of Java, Kotlin, Scala, C# and F#. */
export const JVM_DOTNET_WORDS: LanguageWords = {
  primitives: {
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
  },
  qualified: {
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
  },
  generics: {
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
  },
  libraryTypes: {
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
  },
  shapes: {
    // `byte[]` (Java, C#, F#): JSON carries bytes as base64 text, as Go's `[]byte`.
    base64Elements: ["byte"],
    // Java's `HttpResponse<? extends T>`, `List<? super T>`.
    wildcardBounds: ["extends", "super"],
  },
};
