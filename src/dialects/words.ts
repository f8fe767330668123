/**
 * What one word of a type cell names, by the spelling tables alone: a primitive, a known qualified
 * type, a documented model (a reference for the resolver), or an external library type. The grammar
 * (grammar.ts) reads the shapes around words; this module reads the words.
 */
import type { TypeRef } from "../core/model.js";
import { applyGeneric, CellSyntaxError, own, typeExpr, type Expr } from "./expr.js";
import type { GenericMeaning, Spellings } from "./spellings.js";

/** Something in a cell the generator could not map to a precise type. */
export interface CellProblem {
  /** `inferred-wrapper`: an unknown generic read by what its name says (`FooNullable<T>`). */
  rule: "unknown-type" | "external-type" | "type-too-deep" | "inferred-wrapper";
  /** The spelling as written. */
  spelling: string;
  /** For `inferred-wrapper`: the meaning read from the name. */
  meaning?: GenericMeaning;
}

/** Separators between a namespace and a name: `.`, `::`, `\`. */
export const NAMESPACE_SEPARATOR = /\.|::|\\/g;

const ROOT = /^(?:::|\\)/;

const EXTERNAL: TypeRef = { kind: "unknown", reason: "external" };

/** True for a link to a page (relative or `file:`), false for one to a web page. */
export const isMarkdownHref = (href: string): boolean =>
  !/^[a-z][a-z0-9+.-]*:/i.test(href) || /^file:/i.test(href);

/** The last segment of a possibly qualified, lowercased word. */
export const lastSegment = (lower: string): string =>
  lower.split(NAMESPACE_SEPARATOR).pop() ?? lower;

/**
 * What an unknown generic wrapper's lowercase name says it is (`JsonNullable`, `ImmutableList`,
 * `SortedDict`): the meaning of the first of the tables' name parts that it contains.
 */
export function wrapperByName(spellings: Spellings, name: string): GenericMeaning | undefined {
  return spellings.shapes.wrapperNameParts.find(([part]) => name.includes(part))?.[1];
}

/**
 * The primitive a bare word names: its key as written, else lowercased (unless the lowercase key
 * is one that only matches as written).
 */
export function primitiveOf(spellings: Spellings, word: string): TypeRef | undefined {
  const exact = own(spellings.primitives, word);
  if (exact) return exact;
  const lower = word.toLowerCase();
  if (lower !== word && spellings.lowercaseOnly.has(lower)) return undefined;
  return own(spellings.primitives, lower);
}

/** `NullableString`: a wrapper prefix before a capitalised primitive word. */
export function prefixedPrimitive(spellings: Spellings, word: string): Expr | undefined {
  for (const [prefix, meaning] of Object.entries(spellings.wrapperPrefixes)) {
    if (word.length <= prefix.length || word.slice(0, prefix.length).toLowerCase() !== prefix)
      continue;
    const rest = word.slice(prefix.length);
    const primitive = /^[A-Z]/.test(rest) ? primitiveOf(spellings, rest) : undefined;
    if (primitive) return applyGeneric(meaning, [typeExpr(primitive)]);
  }
  return undefined;
}

/**
 * A name that is no primitive written bare: a known qualified type (`known`: its type arguments say
 * nothing more), a language's namespace around a primitive, a documented model, or an external type
 * (reported in `problems`). `href` is the link the word sits in, if any. Throws CellSyntaxError for an
 * unlinked lowercase word that no table knows.
 */
export function readName(
  spellings: Spellings,
  word: string,
  href: string | undefined,
  problems: CellProblem[],
): { expr: Expr; known: boolean } {
  // A leading `::` or `\` roots the name (`::String`, `\DateTime`); it says nothing else.
  const segments = word.replace(ROOT, "").split(NAMESPACE_SEPARATOR);
  const name = segments[segments.length - 1] as string;
  const namespaces = segments.slice(0, -1).map((segment) => segment.toLowerCase());
  const rooted = ROOT.test(word) ? "." : "";
  const qualified = segments.join(".").toLowerCase();
  const known =
    own(spellings.knownQualified, `${rooted}${qualified}`) ??
    own(spellings.knownQualified, qualified);
  if (known) return { expr: typeExpr(known), known: true };
  const named = (type: TypeRef) => ({ expr: typeExpr(type), known: false });
  // `components.X`, `Acme::Models::X`, `App\Model\X`, `crate::models::X`: a model namespace
  // anywhere in the path makes it a documented model.
  const inModelNamespace =
    namespaces.length === 0 || namespaces.some((n) => spellings.modelNamespaces.has(n));
  if (!inModelNamespace || (rooted !== "" && namespaces.length === 0)) {
    // `T::Boolean`, `System.String`, `\DateTime`: a language's namespace around a primitive.
    const primitive = primitiveOf(spellings, name);
    if (primitive) return named(primitive);
  }
  const spelled = namespaces.length > 0 ? { qualified: word } : {};
  // A name in another namespace (`Billing\InvoiceLine`, `Billing::InvoiceLine`) is a model of the
  // folder when a page declares its last part, else an external type (the resolver decides).
  const maybeModel = (linked: { href: string } | object): TypeRef => ({
    kind: "ref",
    name,
    ...linked,
    ...spelled,
    fallback: { type: EXTERNAL, why: "library" },
  });
  if (href !== undefined) {
    if (isMarkdownHref(href) && inModelNamespace)
      return named({ kind: "ref", name, href, ...spelled });
    if (isMarkdownHref(href) && /^[A-Z]/.test(name)) return named(maybeModel({ href }));
    problems.push({ rule: "external-type", spelling: word });
    return named(EXTERNAL);
  }
  if (!inModelNamespace) {
    if (/^[A-Z]/.test(name)) return named(maybeModel({}));
    problems.push({ rule: "external-type", spelling: word });
    return named(EXTERNAL);
  }
  if (!/^[A-Z]/.test(name)) throw new CellSyntaxError();
  // An unlinked name that no page declares may still be a library type every reader knows.
  const library = namespaces.length === 0 && spellings.libraryTypes.has(name.toLowerCase());
  return named({
    kind: "ref",
    name,
    ...spelled,
    ...(library ? { fallback: { type: EXTERNAL, why: "library" as const } } : {}),
  });
}
