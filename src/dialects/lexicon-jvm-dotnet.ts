/**
 * The type words of the languages of the JVM and .NET: Java, Kotlin, Scala, C# and F#. One family of
 * the lexicon (lexicon.ts merges the families in a fixed order and states their conventions).
 */
import * as json from "./lexicon-types.js";
import type { LanguageWords } from "./lexicon-types.js";

/** The words of Java, Kotlin, Scala, C# and F#. */
export const JVM_DOTNET_WORDS: LanguageWords = {
  primitives: {
    // Java (also: String, Long, Double, Float, Boolean, BigDecimal, BigInteger, OffsetDateTime, LocalDate
    // in the shared words; `Object` is any value but a common model name: java.lang.Object only)
    character: json.STRING, // also R's string vector type (lowercase only, see LEXICON_LOWERCASE_ONLY)
    // Kotlin (Int, Long, Short, Byte, Float, Double, Boolean, String, Any, ByteArray are shared words)
    ubyte: json.INT32,
    ushort: json.INT32,
    ulong: json.INT64,
    // Scala (BigInt and BigDecimal are shared words; `Any` is any value)
    anyval: json.ANY,
    // C# (string, long, int, bool, double, decimal, DateTime, DateTimeOffset, DateOnly, Guid, dynamic are
    // shared words; `object` is System.Object, any value, but the shared `object` is an open object)
    sbyte: json.INT32,
    nint: json.INT64,
    nuint: json.INT64,
    jtoken: json.ANY,
    jobject: json.OPEN_OBJECT,
    // F# (int64, int16, uint64, decimal, bool, string, byte are shared words; F#'s `float` is 64-bit but
    // the shared `float` is single precision)
    obj: json.ANY,
    single: json.FLOAT,
  },
  qualified: {
    // Java
    "java.lang.string": json.STRING,
    "java.lang.integer": json.INT32,
    "java.lang.long": json.INT64,
    "java.lang.short": json.INT32,
    "java.lang.byte": json.INT32,
    "java.lang.double": json.DOUBLE,
    "java.lang.float": json.FLOAT,
    "java.lang.boolean": json.BOOLEAN,
    "java.lang.object": json.ANY,
    "java.math.bigdecimal": json.DECIMAL,
    "java.math.biginteger": json.INTEGER,
    "java.time.instant": json.DATE_TIME,
    "java.time.localdatetime": json.DATE_TIME,
    "java.time.zoneddatetime": json.DATE_TIME,
    "java.util.uuid": json.STRING,
    "java.net.uri": json.STRING,
    "java.net.url": json.STRING,
    "java.io.file": json.BINARY,
    "java.io.inputstream": json.BINARY,
    "com.fasterxml.jackson.databind.jsonnode": json.ANY,
    // Kotlin
    "kotlin.string": json.STRING,
    "kotlin.int": json.INT32,
    "kotlin.long": json.INT64,
    "kotlin.short": json.INT32,
    "kotlin.byte": json.INT32,
    "kotlin.double": json.DOUBLE,
    "kotlin.float": json.FLOAT,
    "kotlin.boolean": json.BOOLEAN,
    "kotlin.any": json.ANY,
    "kotlin.bytearray": json.BINARY,
    "kotlinx.datetime.instant": json.DATE_TIME,
    "kotlinx.datetime.localdate": json.DATE,
    "kotlinx.serialization.json.jsonelement": json.ANY,
    "kotlinx.serialization.json.jsonobject": json.OPEN_OBJECT,
    // Scala
    "scala.bigdecimal": json.DECIMAL,
    "scala.math.bigdecimal": json.DECIMAL,
    "scala.math.bigint": json.INTEGER,
    "scala.any": json.ANY,
    "io.circe.json": json.ANY,
    // C#
    "system.string": json.STRING,
    "system.int16": json.INT32,
    "system.int32": json.INT32,
    "system.int64": json.INT64,
    "system.byte": json.INT32,
    "system.double": json.DOUBLE,
    "system.single": json.FLOAT,
    "system.decimal": json.DECIMAL,
    "system.boolean": json.BOOLEAN,
    "system.object": json.ANY,
    "system.guid": json.STRING,
    "system.uri": json.STRING,
    "system.dateonly": json.DATE,
    "system.io.stream": json.BINARY,
    "system.text.json.jsonelement": json.ANY,
    "system.text.json.nodes.jsonnode": json.ANY,
    "system.text.json.nodes.jsonobject": json.OPEN_OBJECT,
    "newtonsoft.json.linq.jtoken": json.ANY,
    "newtonsoft.json.linq.jobject": json.OPEN_OBJECT,
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
