/**
 * The type words of protobuf docs, read as the proto3 JSON mapping says a message looks in JSON
 * (protobuf.dev, "JSON Mapping"): what the scalar types and the well-known types of
 * `google/protobuf/*.proto` are as JSON values. Plain tables, as the other lexicons: the protobuf family
 * (families/protobuf/) and the `protoc-gen-doc` dialect's spellings (dialect-rules.ts) read them.
 *
 * - 32-bit integers and floating-point numbers are JSON numbers; 64-bit integers are decimal strings
 *   (JavaScript numbers cannot hold them); `bytes` is base64 text.
 * - `Timestamp` is RFC 3339 text, `Duration` text such as `"1.5s"`, `FieldMask` one string of
 *   comma-separated paths; `Struct` any JSON object, `Value` any JSON value, `ListValue` any JSON array,
 *   `Empty` an empty object, `NullValue` null; a wrapper (`Int64Value`) its primitive or null.
 * - `Any` is an object with an `@type` (families/protobuf/ declares it as a model), so it is not here.
 */
import type { TypeRef } from "../core/model.js";
import {
  ANY,
  ANY_ARRAY,
  BOOLEAN,
  DATE_TIME,
  DOUBLE,
  FLOAT,
  INT32,
  NULL,
  OPEN_OBJECT,
  STRING,
} from "./lexicon-types.js";

/** A uint32 is a number too, beyond int32's range: no int32 format on it. */
const INTEGER_NUMBER: TypeRef = { kind: "number", format: "integer" };

/** A 64-bit integer: a decimal string in proto3 JSON. */
const INT64_TEXT: TypeRef = STRING;

/** `bytes`: base64 text. */
const BASE64: TypeRef = STRING;

/** The scalar value types of `.proto` files (lowercase, as the language writes them). */
export const PROTOBUF_SCALARS: Readonly<Record<string, TypeRef>> = {
  double: DOUBLE,
  float: FLOAT,
  int32: INT32,
  sint32: INT32,
  sfixed32: INT32,
  uint32: INTEGER_NUMBER,
  fixed32: INTEGER_NUMBER,
  int64: INT64_TEXT,
  sint64: INT64_TEXT,
  sfixed64: INT64_TEXT,
  uint64: INT64_TEXT,
  fixed64: INT64_TEXT,
  bool: BOOLEAN,
  string: STRING,
  bytes: BASE64,
};

const nullable = (type: TypeRef): TypeRef => ({ kind: "union", members: [type, NULL] });

/**
 * The well-known types by full name (lowercase keys) and their JSON, except `google.protobuf.Any`
 * (an object with an `@type`: see {@link PROTOBUF_ANY}).
 */
export const PROTOBUF_WELL_KNOWN: Readonly<Record<string, TypeRef>> = {
  "google.protobuf.timestamp": DATE_TIME,
  "google.protobuf.duration": STRING,
  "google.protobuf.fieldmask": STRING,
  "google.protobuf.struct": OPEN_OBJECT,
  "google.protobuf.value": ANY,
  "google.protobuf.listvalue": ANY_ARRAY,
  "google.protobuf.nullvalue": NULL,
  "google.protobuf.empty": OPEN_OBJECT,
  "google.protobuf.doublevalue": nullable(DOUBLE),
  "google.protobuf.floatvalue": nullable(FLOAT),
  "google.protobuf.int32value": nullable(INT32),
  "google.protobuf.uint32value": nullable(INTEGER_NUMBER),
  "google.protobuf.int64value": nullable(INT64_TEXT),
  "google.protobuf.uint64value": nullable(INT64_TEXT),
  "google.protobuf.boolvalue": nullable(BOOLEAN),
  "google.protobuf.stringvalue": nullable(STRING),
  "google.protobuf.bytesvalue": nullable(BASE64),
};

/** The full name of the well-known type whose JSON is an object with an `@type` URL and the message's fields. */
export const PROTOBUF_ANY = "google.protobuf.Any";
