/**
 * The type words of SDK languages, as plain tables for the spelling tables (spellings.ts) to merge: what
 * each language calls its strings, numbers, dates, binary data, "any value", wrappers and containers, and
 * which library types (HTTP responses, streams) have no JSON shape, and the few words some shapes are
 * spelled with (Go's `map[K]V`, Java's `? extends T`). The grammar (grammar.ts) knows the shapes;
 * nothing here knows Markdown or the grammar. The words are kept by family of languages, one file each
 * (lexicon-jvm-dotnet.ts, lexicon-native.ts, lexicon-scripting.ts, lexicon-others.ts); this module
 * merges them, in that order.
 *
 * Conventions:
 * - Keys are lowercase and match a word however it is capitalised, except keys that contain a capital
 *   (`Time`, `Day`): those match only as written, because another language uses the lowercase word for
 *   something else (Python's `time` is a time of day) or the word is a plausible model name.
 * - A word that is a very common model name (`Value`, `Object`, `Data`, `Result`, `Error`, `File`,
 *   `Table`, `Stream`, `Response`) appears only in {@link LEXICON_QUALIFIED}, with its namespace.
 * - A word several languages share appears once, under the first language that uses it (in family
 *   order); the comment names the others. Words of DEFAULT_SPELLINGS are not repeated unless a
 *   language needs them noted; where a language's meaning differs from the shared one, the shared one wins and the comment
 *   says so (Java's, Kotlin's and C#'s `int` is 32-bit, the shared `int` is int64: lenient).
 * - Decimals read as `number` (format `double`), binary data and streams as `unknown` (`external`), "any
 *   value" as `unknown` (`any`), dates as `string` (format `date`), instants as `string` (`date-time`).
 *
 * The words every dialect already shares are DEFAULT_SPELLINGS in spellings.ts.
 */
import type { TypeRef } from "../core/model.js";
import { JVM_DOTNET_WORDS } from "./lexicon-jvm-dotnet.js";
import { NATIVE_WORDS } from "./lexicon-native.js";
import { OTHER_WORDS } from "./lexicon-others.js";
import { SCRIPTING_WORDS } from "./lexicon-scripting.js";
import type { LanguageWords } from "./lexicon-types.js";
import type { GenericMeaning } from "./spellings.js";

/** The families, in the order their words are merged (and listed to suggestions). */
export const LEXICON_FAMILIES: readonly LanguageWords[] = [
  JVM_DOTNET_WORDS,
  NATIVE_WORDS,
  SCRIPTING_WORDS,
  OTHER_WORDS,
];

function merged<T>(
  table: (family: LanguageWords) => Readonly<Record<string, T>>,
): Record<string, T> {
  return Object.assign({}, ...LEXICON_FAMILIES.map(table)) as Record<string, T>;
}

function joined(words: (family: LanguageWords) => readonly string[] | undefined): Set<string> {
  return new Set(LEXICON_FAMILIES.flatMap((family) => words(family) ?? []));
}

/**
 * Primitive words of each language (bare, unqualified), lowercase keys unless case matters (see the
 * module comment). Each maps to the TypeRef its values have in JSON.
 */
export const LEXICON_PRIMITIVES: Readonly<Record<string, TypeRef>> = merged((f) => f.primitives);

/**
 * Lowercase keys of {@link LEXICON_PRIMITIVES} that match only when written in lowercase: the words of
 * lowercase-typed languages (Erlang, Elixir, R) that are also plausible model names when capitalised
 * (`Map`, `List`, `Term`, `Atom`, `Character`, `Raw`).
 */
export const LEXICON_LOWERCASE_ONLY: ReadonlySet<string> = new Set([
  "character",
  "term",
  "atom",
  "map",
  "list",
  "logical",
  "raw",
]);

/**
 * Qualified names of well-known types, lowercase, `.`-separated whatever the language writes (`::` and
 * `\` are normalised to `.`). A key starting with `.` is a name written with a leading separator that
 * means something other than the bare word (Ruby's `::Date` is a day, `::Object` any value).

/**
 * Qualified names of well-known types, lowercase, `.`-separated whatever the language writes (`::` and
 * `\` are normalised to `.`). A key starting with `.` is a name written with a leading separator that
 * means something other than the bare word (Ruby's `::Date` is a day, `::Object` any value).
 */
export const LEXICON_QUALIFIED: Readonly<Record<string, TypeRef>> = merged((f) => f.qualified);

/**
 * Generic wrappers and containers of each language, keyed by the lowercase last segment of their name
 * (`std::unordered_map` -> `unordered_map`, `T.nilable` -> `nilable`).
 */
export const LEXICON_GENERICS: Readonly<Record<string, GenericMeaning>> = merged((f) => f.generics);

/**
 * Library types with no JSON shape that SDK docs mention without a link (HTTP requests and responses,
 * streams, uploads): lowercase key -> what it is. Bare names only where unambiguous; names that are
 * also common model names (`Response`, `Stream`, `File`) are listed qualified.
 */
export const LEXICON_LIBRARY_TYPES: Readonly<Record<string, string>> = merged(
  (f) => f.libraryTypes,
);

/** The languages' words for the grammar's worded shapes (the English phrases are in spellings.ts). */
export const LEXICON_SHAPES = {
  keyedMaps: joined((f) => f.shapes?.keyedMaps),
  emptyBraces: merged((f) => f.shapes?.emptyBraces ?? {}),
  base64Elements: joined((f) => f.shapes?.base64Elements),
  wildcardBounds: joined((f) => f.shapes?.wildcardBounds),
  constructors: joined((f) => f.shapes?.constructors),
};
