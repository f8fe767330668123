/**
 * The intermediate model: plain, serialisable data between the Markdown readers and the emitters.
 * `JSON.stringify(model)` is a faithful debugging view; nothing here knows Markdown or TypeScript.
 */

/** A 1-based line/column point in a source page (unist `Point`). */
export interface Point {
  line: number;
  column: number;
}

/** Where a node came from: the page (relative to the input root, `/`-separated) and its start point. */
export interface Origin {
  file: string;
  line: number;
  column: number;
}

/** Number formats that the emitters distinguish (JSDoc `@format`, validator range checks). */
export type NumberFormat = "int32" | "int64" | "integer" | "float" | "double";

/** A type expression as read from a type cell, before or after reference resolution. */
export type TypeRef =
  | { kind: "string"; format?: "date-time" | "date" }
  | { kind: "number"; format?: NumberFormat }
  | { kind: "boolean" }
  | { kind: "unknown"; reason?: "any" | "external" | "unrecognised" }
  | { kind: "null" }
  | { kind: "literal"; value: string | number | boolean }
  | { kind: "array"; items: TypeRef }
  | { kind: "map"; values: TypeRef }
  /** An object with no documented fields: any non-null, non-array object. */
  | { kind: "open-object" }
  | { kind: "union"; members: TypeRef[] }
  | {
      kind: "ref";
      /** The name as written in the cell, namespace stripped (`components.Batch` -> `Batch`). */
      name: string;
      /** The link target as written, when the cell was a link. */
      href?: string;
      /** The id of the declaration it resolves to (set by the resolver). */
      target?: string;
    };

/** One documented field of an object model. */
export interface FieldModel {
  /** The name exactly as documented (`InputFileID`). */
  name: string;
  type: TypeRef;
  /** False when the field may be absent. */
  required: boolean;
  description?: string;
  deprecated?: boolean;
  readonly?: boolean;
  /** A default value, as documented text. */
  defaultText?: string;
  /** An example value, as documented text. */
  exampleText?: string;
  origin: Origin;
  /** Where the type cell starts (diagnostics about the type point here). */
  typeOrigin: Origin;
}

export interface EnumMemberModel {
  /** The documented member name (`StatusInProgress`), when the page gives one. */
  name?: string;
  value: string | number | boolean;
  description?: string;
  origin: Origin;
}

export interface UnionMemberModel {
  type: TypeRef;
  /** The `###` heading text, when not empty. */
  label?: string;
  origin: Origin;
}

interface DeclBase {
  /** Unique id: the page path relative to the input root, without `.md` (`models/components/batch`). */
  id: string;
  /** The type name as documented in the title. */
  name: string;
  description?: string;
  deprecated?: boolean;
  origin: Origin;
}

export interface ObjectDecl extends DeclBase {
  kind: "object";
  fields: FieldModel[];
  /** True when the `## Fields` table has no rows: any object is accepted. */
  open: boolean;
}

export interface EnumDecl extends DeclBase {
  kind: "enum";
  members: EnumMemberModel[];
  /** Open enums accept any value of the members' base type as well. */
  open: boolean;
}

export interface UnionDecl extends DeclBase {
  kind: "union";
  members: UnionMemberModel[];
}

export type Decl = ObjectDecl | EnumDecl | UnionDecl;

/** The whole model of a docs folder: declarations keyed by id, in code-point order of id. */
export interface Model {
  decls: Decl[];
}
