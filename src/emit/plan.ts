/**
 * The emit plan: which module each declaration goes to, the identifier it is exported as, and the local
 * names under which each module sees the declarations it references. Deterministic: everything is
 * decided in code-point order of declaration ids.
 */
import { posix as path } from "node:path";
import { diagnosticAt, type Diagnostic, type RuleId } from "../core/diagnostics.js";
import { byCodePoint } from "../core/text.js";
import { sanitizeIdentifier } from "../core/identifiers.js";
import { propertyName } from "../core/naming.js";
import { NameAllocator } from "./names.js";
import type { Decl, FieldModel, ObjectDecl, TypeRef } from "../core/model.js";
import type { FieldNameStyle } from "../core/options.js";
import { anchorOfId, declaredAt, pageOfId } from "../core/decl-ref.js";

/** A module-to-module import. */
export interface ModuleImport {
  /** The declaration imported. */
  targetId: string;
  /** Its kind (an enum's check is its `isX`, which takes no depth). */
  kind: Decl["kind"];
  /** Its exported identifier. */
  exported: string;
  /** The name it has in the importing module (differs when two imports collide). */
  local: string;
  /** Relative specifier with a `.js` extension. */
  specifier: string;
  /** The imported module's output path. */
  path: string;
}

/** One output module: a declaration and what it needs. */
export interface ModulePlan {
  decl: Decl;
  /** Output path relative to the output root, `/`-separated (`models/components/batch.ts`). */
  path: string;
  /** The exported identifier of the declaration. */
  identifier: string;
  imports: ModuleImport[];
  /** Local name of every referenced declaration (and the module's own), by id. */
  localNames: ReadonlyMap<string, string>;
  /** Property name of each field (after the `fieldNames` conversion), in field order. */
  propertyNames: string[];
}

export interface EmitPlan {
  modules: ModulePlan[];
  /** Folder (relative path) of each module, for the index. */
  identifiers: ReadonlyMap<string, string>;
  diagnostics: Diagnostic[];
}

/**
 * Names a generated declaration must not take although they are valid identifiers: globals that the
 * emitted code itself uses (`Record<...>` in types, `Array.isArray`, `Number.isSafeInteger`, ... in
 * validators), and `as`, which TypeScript 5.9 cannot parse in `export type as = ...`.
 */
export const SHADOW_PROOF_NAMES: readonly string[] = [
  "Array",
  "BigInt",
  "Boolean",
  "Date",
  "Error",
  "Function",
  "Infinity",
  "JSON",
  "Map",
  "Math",
  "NaN",
  "Number",
  "Object",
  "Promise",
  "Record",
  "Reflect",
  "RegExp",
  "Set",
  "String",
  "Symbol",
  "TypeError",
  "as",
  "globalThis",
];

/** Every declaration id a type refers to. */
export function collectTargets(type: TypeRef, into: Set<string>): void {
  switch (type.kind) {
    case "array":
      collectTargets(type.items, into);
      break;
    case "map":
      collectTargets(type.values, into);
      break;
    case "union":
      for (const member of type.members) collectTargets(member, into);
      break;
    case "ref":
      if (type.target !== undefined) into.add(type.target);
      break;
    default:
      break;
  }
}

/**
 * The declaration ids a declaration refers to, sorted: its fields' and members' types, and for an
 * object that inherits, its bases and the types of every field it inherits (its validator checks them).
 */
export function referencedIds(decl: Decl, byId?: ReadonlyMap<string, Decl>): string[] {
  const ids = new Set<string>();
  if (decl.kind === "object") {
    const bases = new Set<string>();
    const inherit = (object: ObjectDecl) => {
      for (const field of object.fields) collectTargets(field.type, ids);
      for (const base of object.extends ?? []) {
        const target = base.type.kind === "ref" ? base.type.target : undefined;
        if (target === undefined || bases.has(target)) continue;
        bases.add(target);
        // The `extends` clause names the direct bases; a base's bases reach it through them.
        if (object === decl) ids.add(target);
        const inner = byId?.get(target);
        if (inner?.kind === "object") inherit(inner);
      }
    };
    inherit(decl);
  }
  if (decl.kind === "union") for (const member of decl.members) collectTargets(member.type, ids);
  ids.delete(decl.id);
  return [...ids].sort(byCodePoint);
}

/** The extension relative import specifiers end in (see the `importExtension` option). */
export type ImportExtension = ".js" | ".ts";

/** A relative import specifier from module `from` to module `to` (both output paths). */
export function importSpecifier(
  from: string,
  to: string,
  extension: ImportExtension = ".js",
): string {
  const relative = path.relative(path.dirname(from), to).replace(/\.ts$/, extension);
  return relative.startsWith(".") ? relative : `./${relative}`;
}

/**
 * Where a declaration's module goes, relative to the output root, before names are made safe and
 * unique: its family's proposal, else its page's id for a page's only model, else a module named after
 * the model in a folder named after its page (`resources/parcel/Parcel` for `resources/parcel#parcel-object`).
 */
function moduleBase(decl: Decl): string {
  if (decl.module !== undefined) return decl.module;
  return anchorOfId(decl.id) === undefined ? decl.id : `${pageOfId(decl.id)}/${decl.name}`;
}

/** Module file path for a module base: folders kept, the file name made safe. */
function modulePath(base: string): string {
  const parts = base
    .split("/")
    .map((part) => part.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^\.+/, "_") || "_");
  return `${parts.join("/")}.ts`;
}

/** The namespace index.ts most likely gives a module's folder (its last segment), for messages. */
function namespaceHint(base: string): string {
  const folder = path.dirname(base);
  return sanitizeIdentifier(folder === "." ? "root" : path.basename(folder));
}

/** Plans the output modules. `decls` must be sorted by id. */
export function planModules(
  decls: readonly Decl[],
  fieldNames: FieldNameStyle,
  extension: ImportExtension = ".js",
): EmitPlan {
  const diagnostics: Diagnostic[] = [];
  const warn = (decl: Decl | FieldModel, ruleId: RuleId, message: string) =>
    diagnostics.push(diagnosticAt(decl.origin, "warning", ruleId, message));

  // Identifiers: sanitised, then unique per output folder (the index namespaces folders that collide).
  const identifiers = new Map<string, string>();
  const perFolder = new Map<string, NameAllocator>();
  const firstByName = new Map<string, Decl>();
  // Anonymous models (names docs2ts made) come last: a documented name keeps its spelling.
  const named = decls.filter((decl) => !decl.anonymous);
  for (const decl of [...named, ...decls.filter((decl) => decl.anonymous)]) {
    // Same-named models in different folders work (each folder is a namespace of the index), but
    // users importing from the index should know why a name is not at its top level.
    const base = moduleBase(decl);
    const first = firstByName.get(decl.name);
    if (first === undefined) firstByName.set(decl.name, decl);
    else if (!decl.anonymous && path.dirname(moduleBase(first)) !== path.dirname(base)) {
      warn(
        decl,
        "duplicate-name",
        `Unexpected type name \`${decl.name}\` that ${declaredAt(first)} declares too, expected names unique across folders; index.ts exports both only in their folders' namespaces (\`${namespaceHint(base)}.${decl.name}\`), not at its top level`,
      );
    }
    const folder = path.dirname(base);
    let allocator = perFolder.get(folder);
    if (!allocator) {
      allocator = new NameAllocator(SHADOW_PROOF_NAMES);
      perFolder.set(folder, allocator);
    }
    const sanitised = sanitizeIdentifier(decl.name);
    const identifier = allocator.allocate(sanitised);
    if (identifier !== decl.name && !decl.anonymous) {
      const why =
        sanitised !== decl.name
          ? "not a TypeScript identifier as written"
          : SHADOW_PROOF_NAMES.includes(sanitised)
            ? "a global the generated code uses"
            : `the identifier of another page of ${folder === "." ? "the docs folder" : `${folder}/`}`;
      warn(
        decl,
        "renamed-identifier",
        `Unexpected type name \`${decl.name}\` (${why}), expected a name the output can use as it is; emitted as \`${identifier}\`. To choose the name, set it in the config: "overrides": { ${JSON.stringify(declaredAt(decl))}: { "name": "..." } }`,
      );
    }
    identifiers.set(decl.id, identifier);
  }

  // Module paths: unique even on case-insensitive file systems, and never a barrel's name.
  const paths = new NameAllocator(["index_root"], { caseInsensitive: true });
  const modules: ModulePlan[] = [];
  const pathById = new Map<string, string>();
  for (const decl of decls) {
    // `index` is each folder's barrel (emit/index-module.ts), never a module.
    const wanted = modulePath(moduleBase(decl))
      .replace(/\.ts$/, "")
      .replace(/(^|\/)index$/i, "$1index_");
    pathById.set(decl.id, `${paths.allocate(wanted)}.ts`);
  }

  const kinds = new Map(decls.map((decl) => [decl.id, decl.kind]));
  const byId = new Map(decls.map((decl) => [decl.id, decl]));
  for (const decl of decls) {
    const identifier = identifiers.get(decl.id) as string;
    const modPath = pathById.get(decl.id) as string;
    const locals = new NameAllocator([...SHADOW_PROOF_NAMES, identifier]);
    const localNames = new Map<string, string>([[decl.id, identifier]]);
    const imports: ModuleImport[] = [];
    for (const targetId of referencedIds(decl, byId)) {
      const exported = identifiers.get(targetId);
      const targetPath = pathById.get(targetId);
      if (exported === undefined || targetPath === undefined) continue;
      const local = locals.allocate(exported);
      localNames.set(targetId, local);
      imports.push({
        targetId,
        kind: kinds.get(targetId) as Decl["kind"],
        exported,
        local,
        specifier: importSpecifier(modPath, targetPath, extension),
        path: targetPath,
      });
    }
    const propertyNames: string[] = [];
    if (decl.kind === "object") {
      const used = new NameAllocator();
      for (const field of decl.fields) {
        // A name set by an override is used as is, whatever `fieldNames` says.
        const wanted = field.propertyName ?? propertyName(field.name, fieldNames);
        const name = used.allocate(wanted);
        if (name !== wanted)
          warn(
            field,
            "renamed-property",
            `Unexpected property \`${wanted}\` twice after renaming, expected unique property names; emitted as \`${name}\``,
          );
        propertyNames.push(name);
      }
    }
    modules.push({ decl, path: modPath, identifier, imports, localNames, propertyNames });
  }
  return { modules, identifiers, diagnostics };
}
