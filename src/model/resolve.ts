/**
 * Resolves references: by link target (relative to the page, inside the input root), then by name.
 * Unresolvable references become `unknown` with a warning at the cell and a note in the documentation
 * of the field (or model) that names the missing page: a docs defect the user cannot fix.
 */
import { posix as path } from "node:path";
import { diagnosticAt, type Diagnostic, type RuleId, type Severity } from "../core/diagnostics.js";
import type { Decl, Origin, TypeRef } from "../core/model.js";
import { anchorOfId, declaredAt } from "../core/decl-ref.js";
import { linkTarget, throughOutsideLink } from "./link-target.js";
import { aliasOf, withoutUnused } from "./anonymous.js";
import { missingNote, withNotes } from "./missing-note.js";
import { inNamespace, pickByName } from "./pick-by-name.js";
import { buildIndex, type Index } from "./ref-index.js";
import { suggestPages } from "./suggest-pages.js";

/** What the resolver knows about the input folder besides its declarations. */
export interface ResolveContext {
  /**
   * Paths (relative to the root) of symlinks whose real path lies outside the root. A link into one
   * of them, or below one, points outside the input folder even though its text stays inside.
   */
  outside?: readonly string[];
  /**
   * The input folder's real path. Links are followed against it, so one that climbs out and back in
   * (`../../models/components/x.md` with the input `docs/models/components`) stays inside. Without it,
   * every link climbing past the input folder is outside.
   */
  root?: string;
}

class Resolver {
  readonly diagnostics: Diagnostic[] = [];
  /** Notes on references that name nothing, since the last `takeNotes()`. */
  private notes: string[] = [];
  /** The anonymous aliases being written into a type (a cycle of them falls back). */
  private readonly expanding = new Set<string>();

  constructor(
    private readonly index: Index,
    private readonly outside: readonly string[] = [],
    private readonly root?: string,
  ) {}

  private report(origin: Origin, severity: Severity, ruleId: RuleId, message: string): void {
    this.diagnostics.push(diagnosticAt(origin, severity, ruleId, message));
  }

  private error(origin: Origin, ruleId: RuleId, message: string): void {
    this.report(origin, "error", ruleId, message);
  }

  /** The notes of the references resolved since the last call (each once), for a description. */
  takeNotes(): string[] {
    const notes = [...new Set(this.notes)];
    this.notes = [];
    return notes;
  }

  /** Resolves the references in `type`, written on the page of `owner`. */
  resolveType(type: TypeRef, origin: Origin, owner: Decl): TypeRef {
    switch (type.kind) {
      case "array":
        return { kind: "array", items: this.resolveType(type.items, origin, owner) };
      case "map":
        return { kind: "map", values: this.resolveType(type.values, origin, owner) };
      case "union":
        return {
          kind: "union",
          members: type.members.map((m) => this.resolveType(m, origin, owner)),
        };
      case "ref":
        return this.resolveRef(type, origin, owner);
      default:
        return type;
    }
  }

  private resolveRef(ref: Extract<TypeRef, { kind: "ref" }>, origin: Origin, owner: Decl): TypeRef {
    if (ref.fallback?.why === "sub-schema") return this.subSchema(ref, ref.fallback.type, origin);
    if (ref.fallback?.why === "word") {
      const named = this.index.byName.get(ref.name);
      const decl = named ? pickByName(named, origin.file, undefined, ref.qualified) : undefined;
      return decl ? { ...ref, target: decl.id } : ref.fallback.type;
    }
    if (ref.href !== undefined) {
      const target = linkTarget(origin.file, ref.href, this.root);
      if ("outside" in target || ("id" in target && throughOutsideLink(target.id, this.outside)))
        return this.outsideLink(ref, origin, owner, "path" in target ? target.path : undefined);
      if ("id" in target || "site" in target) {
        const decl = this.linked(target);
        if (decl) return { ...ref, target: decl.id };
        // A site-absolute path that names no page of the folder may name anything outside it.
        if (
          "site" in target &&
          !target.site.some((id) => this.index.pages.has(id)) &&
          ref.fallback?.why !== "section"
        )
          return this.outsideLink(ref, origin, owner, undefined);
      }
    }
    // A union is never its own member: a same-named page elsewhere is the one meant
    // (`operations/X.md` listing `models.X` beside an error type).
    const named = this.index.byName.get(ref.name);
    const candidates =
      owner.kind === "union" && named && named.length > 1
        ? named.filter((candidate) => candidate !== owner)
        : named;
    const link = ref.href !== undefined ? { href: ref.href, owner } : undefined;
    const decl = candidates ? pickByName(candidates, origin.file, link, ref.qualified) : undefined;
    if (decl && candidates) {
      const folder = path.dirname(origin.file);
      const nearby = candidates.filter((c) => path.dirname(c.id) === folder);
      const named = inNamespace(candidates, ref.qualified).length === 1;
      if (nearby.length !== 1 && candidates.length > 1 && !named) {
        this.report(
          origin,
          "warning",
          "ambiguous-ref",
          `Unexpected reference to \`${ref.name}\` that ${candidates.length} models share (${candidates.map((c) => declaredAt(c)).join(", ")}), expected one; using ${declaredAt(decl)} (link to the page to choose)`,
        );
      } else if (ref.href !== undefined) {
        this.brokenLink(
          origin,
          ref.href,
          `resolved \`${ref.name}\` by name to ${declaredAt(decl)}`,
        );
      }
      return { ...ref, target: decl.id };
    }
    const near = this.nearName(ref.name, owner);
    if (near) {
      this.report(origin, "info", near.rule, near.message);
      if (ref.href !== undefined)
        this.brokenLink(origin, ref.href, `resolved \`${ref.name}\` to ${declaredAt(near.decl)}`);
      return { ...ref, target: near.decl.id };
    }
    if (ref.fallback) return this.fallback(ref, ref.fallback, origin);
    const where = ref.href !== undefined ? ` (link \`${ref.href}\`)` : "";
    this.report(
      origin,
      "warning",
      "unresolved-ref",
      `Unexpected reference to \`${ref.name}\`${where}, expected a model page in the input folder${suggestPages(this.index, ref)}; using \`unknown\``,
    );
    const target =
      ref.href === undefined ? undefined : linkTarget(origin.file, ref.href, this.root);
    this.notes.push(missingNote(ref.name, ref.href, target, (id) => this.index.pages.has(id)));
    return { kind: "unknown", reason: "unrecognised" };
  }

  /**
   * A link to an untitled sub-schema's page: its model when the page declares one (an anonymous union,
   * a map or a union of members, replaced by its type, resolved where it is written), else `fallback` (what the
   * link's sentence says, `object`), with nothing to report: the page exists and says no more.
   */
  private subSchema(
    ref: Extract<TypeRef, { kind: "ref" }>,
    fallback: TypeRef,
    origin: Origin,
  ): TypeRef {
    const target =
      ref.href === undefined ? undefined : linkTarget(origin.file, ref.href, this.root);
    const decl = target && "id" in target ? this.linked(target) : undefined;
    if (!decl) return fallback;
    const alias = aliasOf(decl);
    if (!alias) return { ...ref, target: decl.id };
    if (this.expanding.has(decl.id)) return fallback;
    this.expanding.add(decl.id);
    try {
      const types = alias.map((member) => this.resolveType(member.type, member.origin, decl));
      return types.length === 1 ? (types[0] as TypeRef) : { kind: "union", members: types };
    } finally {
      this.expanding.delete(decl.id);
    }
  }

  /**
   * The declaration a link inside the folder names: the model of the section its anchor names, else
   * the page's model when the page holds one (and the link names no other section of a page whose model
   * is one of its sections). A site-absolute link names the longest tail of its path
   * that is a page of the folder (never a path outside it).
   */
  private linked(target: { id: string; anchor?: string } | { site: string[]; anchor?: string }) {
    const page =
      "id" in target
        ? target.id
        : (target.site.find(
            (id) => this.index.pages.has(id) && !throughOutsideLink(id, this.outside),
          ) ?? target.site[0]);
    if (page === undefined) return undefined;
    if (target.anchor !== undefined) {
      const section = this.index.byAnchor.get(`${page}#${target.anchor}`);
      if (section) return section;
    }
    const declared = this.index.pages.get(page);
    const only = declared?.length === 1 ? declared[0] : undefined;
    // A link to another section of a page whose one model is a section of its own is not that model.
    if (only && target.anchor !== undefined && anchorOfId(only.id) !== undefined) return undefined;
    return only;
  }

  /**
   * A link to a page outside the input folder, which is never read: a model inside with the link's
   * name stands in for it, with a warning naming both; with no such model the link is refused.
   */
  private outsideLink(
    ref: Extract<TypeRef, { kind: "ref" }>,
    origin: Origin,
    owner: Decl,
    leadsTo: string | undefined,
  ): TypeRef {
    const href = ref.href ?? "";
    const candidates = this.index.byName.get(ref.name);
    const decl = candidates ? pickByName(candidates, origin.file, { href, owner }) : undefined;
    if (decl && candidates) {
      const others =
        candidates.length > 1 ? ` (of ${candidates.length} models named \`${ref.name}\`)` : "";
      this.report(
        origin,
        "warning",
        "link-outside-resolved",
        `Unexpected link \`${href}\` to outside the input folder, expected a page inside it; resolved \`${ref.name}\` by name to ${declaredAt(decl)}${others}`,
      );
      return { ...ref, target: decl.id };
    }
    this.error(
      origin,
      "link-outside-root",
      leadsTo === undefined
        ? `Unexpected link \`${href}\` to outside the input folder, expected a page inside it`
        : `Unexpected link \`${href}\` to \`${leadsTo}\`, outside the input folder, expected a page inside it (point the input at a folder that holds both pages, or link a page inside)`,
    );
    return { kind: "unknown", reason: "unrecognised" };
  }

  /** A link whose page does not exist: the docs should be fixed, so this is a warning. */
  private brokenLink(origin: Origin, href: string, outcome: string): void {
    // The page may be there and only the section missing (a misspelt anchor): say which.
    const target = linkTarget(origin.file, href, this.root);
    const page =
      "id" in target
        ? target.id
        : "site" in target
          ? target.site.find((id) => this.index.pages.has(id))
          : undefined;
    const anchor = "id" in target || "site" in target ? target.anchor : undefined;
    const missed =
      page !== undefined && anchor !== undefined && this.index.pages.has(page)
        ? `to no section \`#${anchor}\` of the page \`${page}\`, expected the anchor of one of its models`
        : "to no model page, expected a page in the input folder";
    this.report(
      origin,
      "warning",
      "ref-by-name",
      `Unexpected link \`${href}\` ${missed}; ${outcome}`,
    );
  }

  /**
   * A page for a name that no page declares as written: the one declaration with that name in another
   * letter case, or the one named after the referring declaration and the name (a union member
   * `Manual` of `CreateRequest` documented as `CreateRequestManual`).
   */
  private nearName(
    name: string,
    owner: Decl,
  ): { decl: Decl; rule: RuleId; message: string } | undefined {
    const cased = this.index.byLowerName.get(name.toLowerCase());
    if (cased?.length === 1) {
      const decl = cased[0] as Decl;
      return {
        decl,
        rule: "ref-by-case",
        message: `Unexpected reference to \`${name}\`, expected the letter case of its page; resolved to \`${decl.name}\` (${declaredAt(decl)})`,
      };
    }
    const prefixed = this.index.byLowerName.get(`${owner.name}${name}`.toLowerCase());
    if (prefixed?.length === 1) {
      const decl = prefixed[0] as Decl;
      return {
        decl,
        rule: "ref-by-owner",
        message: `Unexpected reference to \`${name}\` that no page declares, expected a model page; resolved to \`${decl.name}\` (${declaredAt(decl)}), named after \`${owner.name}\``,
      };
    }
    return undefined;
  }

  /** A name no page declares that the grammar knew a meaning for. */
  private fallback(
    ref: Extract<TypeRef, { kind: "ref" }>,
    fallback: NonNullable<Extract<TypeRef, { kind: "ref" }>["fallback"]>,
    origin: Origin,
  ): TypeRef {
    if (fallback.why === "library") {
      this.report(
        origin,
        "warning",
        "external-type",
        `Unexpected external type \`${ref.qualified ?? ref.name}\`, expected a documented model; using \`unknown\` (map it with the \`typeMap\` option)`,
      );
    } else if (fallback.why === "section") {
      const where = ref.href !== undefined ? ` (link \`${ref.href}\`)` : "";
      this.report(
        origin,
        "warning",
        "undocumented-model",
        `Unexpected reference to \`${ref.name}\`${where} that no section with a field or value table declares, expected a model section; typing it as \`unknown\``,
      );
    } else if (fallback.why === "label") {
      this.report(
        origin,
        "warning",
        "undocumented-model",
        `Unexpected union member \`${ref.name}\` that no page declares, expected a model page; typing the member as \`unknown\``,
      );
    } else {
      this.brokenLink(
        origin,
        ref.href ?? "",
        `read \`${ref.name}\` as the language's primitive type`,
      );
    }
    return fallback.type;
  }
}

/** Resolves every reference in the declarations; returns new declarations and the diagnostics. */
export function resolveModel(
  decls: readonly Decl[],
  context: ResolveContext = {},
): { decls: Decl[]; diagnostics: Diagnostic[] } {
  const resolver = new Resolver(buildIndex(decls), context.outside, context.root);
  // An anonymous alias is written into the types that reference it (Resolver.subSchema), not emitted.
  const resolved = decls
    .flatMap((decl): Decl[] => (aliasOf(decl) ? [] : [decl]))
    .map((decl): Decl => {
      switch (decl.kind) {
        case "object": {
          const fields = decl.fields.map((field) => {
            const type = resolver.resolveType(field.type, field.typeOrigin, decl);
            const description = withNotes(field.description, resolver.takeNotes());
            return { ...field, type, ...(description !== undefined && { description }) };
          });
          const bases = decl.extends?.map((base) => ({
            ...base,
            type: resolver.resolveType(base.type, base.origin, decl),
          }));
          const description = withNotes(decl.description, resolver.takeNotes());
          return {
            ...decl,
            fields,
            ...(bases && { extends: bases }),
            ...(description !== undefined && { description }),
          };
        }
        case "union": {
          const members = decl.members.map((member) => ({
            ...member,
            type: resolver.resolveType(member.type, member.origin, decl),
          }));
          const description = withNotes(decl.description, resolver.takeNotes());
          return { ...decl, members, ...(description !== undefined && { description }) };
        }
        case "enum":
          return decl;
      }
    });
  return { decls: withoutUnused(resolved), diagnostics: resolver.diagnostics };
}
