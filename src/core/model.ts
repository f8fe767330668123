/**
 * The intermediate model: plain, serialisable data between the Markdown readers and the emitters.
 * `JSON.stringify(model)` is a faithful debugging view; nothing here knows Markdown or TypeScript.
 */

/** A 1-based line/column point in a source page (unist `Point`). */
export interface Point {
  line: number;
  column: number;
}

/**
 * Where a node came from: the page (relative to the input root, `/`-separated) and the span of its
 * Markdown, from its start point to its end (exclusive, as in unist).
 */
export interface Origin {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Number formats that the emitters distinguish (JSDoc `@format`, validator range checks). */
export type NumberFormat = "int32" | "int64" | "integer" | "float" | "double";

/** A type expression as read from a type cell, before or after reference resolution. */
export type TypeRef =
  | { kind: "string"; format?: "date-time" | "date" }
  | { kind: "number"; format?: NumberFormat }
  | { kind: "boolean" }
  /**
   * No type to check: the docs say any value (`any`), name a library type with no JSON shape
   * (`external`), write a spelling docs2ts cannot read (`unrecognised`), or name a model whose page
   * documents nothing (`undocumented`).
   */
  | { kind: "unknown"; reason?: "any" | "external" | "unrecognised" | "undocumented" }
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
      /**
       * The name as written when it has a namespace (`Billing\\InvoiceLine`): among same-named pages
       * the resolver prefers the one under the folders the namespace names, and messages quote it.
       */
      qualified?: string;
      /**
       * What the name means when no page declares it: a primitive written as a link to a page that
       * does not exist (`[String](string.md)`), a well-known library type (`HttpRequestMessage`), or
       * a union member's heading that labels a member the docs do not describe, or a primitive word
       * in another letter case (`Email`) that names a model only when a page declares it, or a docs
       * site's link to a section (or name of one) that may be documented in prose, with no table to read,
       * or a JSON Schema tool's link to an untitled sub-schema's page, which is a model only when that
       * page lists properties (else the type the link's sentence gives).
       */
      fallback?: {
        type: TypeRef;
        why: "primitive" | "word" | "library" | "label" | "section" | "sub-schema";
      };
    };

/**
 * What an override in the config changed on a declaration or field (`nullable`, `name`, ...), so the
 * output can say that the docs said otherwise.
 */
export interface OverrideNote {
  /** Where the override was written: the config file's name (`docs2ts.config.json`). */
  source: string;
  /** The override keys that changed something, in the order they were applied. */
  changed: string[];
}

/** One documented field of an object model. */
export interface FieldModel {
  /**
   * The name as documented (`InputFileID`), or the wire name when the docs wrote a reserved word
   * renamed by the SDK's rule (`var_from` in the docs is `from`).
   */
  name: string;
  /** The name as the docs wrote it, when it differs from `name` (a renamed reserved word). */
  documentedName?: string;
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
  /** The property name in the output, set by an override: used as is, whatever `fieldNames` says. */
  propertyName?: string;
  /** What an override changed on this field. */
  overridden?: OverrideNote;
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
  /**
   * Unique id: the page's id (its path relative to the input root without the extension,
   * `models/components/batch`) for the model a whole page documents, or the page's id and the
   * section's anchor for one of several models of a page (`resources/parcel#parcel-object`).
   */
  id: string;
  /**
   * Further anchors (lowercase) that name the declaration's section on its page (an HTML `<a id>` or
   * `<a name>` before its heading, a heading's own slug): a link `page#anchor` to any of them means it.
   */
  anchors?: string[];
  /**
   * The output module path the declaration's family proposes, relative to the output root and without
   * `.ts` (a protobuf message's package path, `pkg/v1/Message`); default: derived from the id.
   */
  module?: string;
  /** The type name as documented in the title. */
  name: string;
  /**
   * The docs give it no name (a JSON Schema tool's untitled sub-schema, with a page of its own): its
   * name is made from where it sits, and a reference to it that is a union (of one member, an alias:
   * `Record<string, X>`, or several) is replaced by the union's type, the union itself not emitted.
   */
  anonymous?: boolean;
  description?: string;
  deprecated?: boolean;
  origin: Origin;
  /** What an override changed on this declaration (its name, its enum values). */
  overridden?: OverrideNote;
}

export interface ObjectDecl extends DeclBase {
  kind: "object";
  fields: FieldModel[];
  /** True when the `## Fields` table has no rows: any object is accepted. */
  open: boolean;
  /**
   * The models it inherits from, as the docs say it in words ("Inherits from [Base](base.md)",
   * "Extends ...", a JSON Schema `allOf` shown as `Merged`): it has their fields as well as its own.
   */
  extends?: BaseModel[];
}

/** One model an object inherits from. */
export interface BaseModel {
  /** A reference (`ref`) before and after resolution, like a field's type. */
  type: TypeRef;
  origin: Origin;
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
