/**
 * What every reader of one page shares: the page, its dialect's rules, the grammar options, and the
 * diagnostics collected so far.
 */
import { diagnosticAt, type Diagnostic, type RuleId, type Severity } from "../core/diagnostics.js";
import type { DialectRules } from "../dialects/dialect-rules.js";
import { parseTypeTokens, withNull, type CellType } from "../dialects/grammar.js";
import type { Spellings } from "../dialects/spellings.js";
import type { Token } from "../dialects/tokens.js";
import { nearestWords, orList } from "../core/suggest.js";
import type { Origin, TypeRef } from "../core/model.js";

/** The words of a dialect's spelling tables, once per table (suggestions are rare, tables are shared). */
const LEXICON_WORDS = new WeakMap<Spellings, { words: string[]; known: Set<string> }>();

function lexiconOf(spellings: Spellings): { words: string[]; known: Set<string> } {
  let lexicon = LEXICON_WORDS.get(spellings);
  if (!lexicon) {
    const words = [
      ...Object.keys(spellings.primitives),
      ...Object.keys(spellings.generics),
      ...Object.keys(spellings.knownQualified),
    ];
    lexicon = { words, known: new Set(words.map((word) => word.toLowerCase())) };
    LEXICON_WORDS.set(spellings, lexicon);
  }
  return lexicon;
}

const digitsOf = (word: string) => word.replace(/\D+/g, "");

/**
 * ` (did you mean \`string\`?)` for the words of an unread spelling that the dialect does not know
 * but that are a few edits from a word it does (`strng`); "" when none is. A word's digits must
 * match (`int128` is no misspelt `int8`), and words under four letters are left alone.
 */
export function typeSuggestion(spelling: string, spellings: Spellings): string {
  const { words, known } = lexiconOf(spellings);
  const found: Array<{ word: string; near: string[] }> = [];
  for (const word of new Set(
    spelling.match(/[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/g),
  )) {
    if (word.length < 4 || known.has(word.toLowerCase())) continue;
    // One edit up to six letters (`int128` is two from Rust's `i128`: too far to be a typo).
    const max = Math.min(3, Math.max(1, Math.floor((word.length - 1) / 3)));
    const candidates = words.filter((w) => digitsOf(w) === digitsOf(word));
    // One spelling per word: `String` and `string` are one suggestion, in the letter case written.
    const byLower = new Map<string, string>();
    for (const near of nearestWords(word, candidates, max)) {
      const lower = near.toLowerCase();
      const kept = byLower.get(lower);
      if (kept === undefined || (near[0] === word[0] && kept[0] !== word[0]))
        byLower.set(lower, near);
    }
    if (byLower.size > 0) found.push({ word, near: [...byLower.values()].slice(0, 3) });
  }
  if (found.length === 0) return "";
  const parts = found.map(({ word, near }) =>
    found.length === 1 ? orList(near) : `${orList(near)} for \`${word}\``,
  );
  return ` (did you mean ${parts.join(", ")}?)`;
}

/** One page being read. */
export class PageContext {
  readonly diagnostics: Diagnostic[] = [];
  /**
   * Types documented in sections of this page (`## Enum: TypeEnum`), by anchor (lowercase): a link
   * `#TypeEnum` in a type cell means that type.
   */
  readonly inPageTypes = new Map<string, TypeRef>();

  constructor(
    readonly file: string,
    readonly source: string,
    readonly rules: DialectRules,
    readonly typeMap: Readonly<Record<string, string>>,
    readonly maxTypeDepth: number | undefined,
  ) {}

  /** Records a diagnostic at `origin`. */
  report(origin: Origin, severity: Severity, ruleId: RuleId, message: string): void {
    this.diagnostics.push(diagnosticAt(origin, severity, ruleId, message));
  }

  /** Parses a type cell with the dialect's spellings and reports its problems at `origin`. */
  parseCell(tokens: Token[], origin: Origin): CellType {
    const cell = parseTypeTokens(tokens, {
      spellings: this.rules.spellings,
      typeMap: this.typeMap,
      ...(this.maxTypeDepth !== undefined ? { maxDepth: this.maxTypeDepth } : {}),
    });
    for (const problem of cell.problems) {
      switch (problem.rule) {
        case "unknown-type":
          this.report(
            origin,
            "warning",
            "unknown-type",
            `Unexpected type \`${problem.spelling}\`, expected a primitive, a list, a map or a link to a model${typeSuggestion(problem.spelling, this.rules.spellings)}; using \`unknown\``,
          );
          break;
        case "external-type":
          this.report(
            origin,
            "warning",
            "external-type",
            `Unexpected external type \`${problem.spelling}\`, expected a documented model; using \`unknown\` (map it with the \`typeMap\` option)`,
          );
          break;
        case "inferred-wrapper":
          this.report(
            origin,
            "info",
            "inferred-wrapper",
            `Unexpected wrapper \`${problem.spelling}\`, expected a known generic; read as ${problem.meaning ?? "a wrapper"} by its name`,
          );
          break;
        case "type-too-deep":
          this.report(
            origin,
            "error",
            "type-too-deep",
            "Unexpected type nested too deeply, expected at most the configured type depth",
          );
          break;
      }
    }
    return { ...cell, type: this.inPageLinks(cell.type, origin) };
  }

  /**
   * A link to a section of the same page names a type documented there (`## Enum: TypeEnum`), or
   * else a model that has no page of its own (`[BackoffStrategy](#backoffstrategy)`): typed as an
   * open object, with a warning.
   */
  private inPageLinks(type: TypeRef, origin: Origin): TypeRef {
    switch (type.kind) {
      case "ref": {
        if (type.href?.startsWith("#") !== true) return type;
        const anchor = type.href.slice(1).toLowerCase();
        const inPage = this.inPageTypes.get(anchor);
        // OpenAPI Generator links a field of enum values as `[inline](#List<X>)`: a list of them.
        if (
          inPage &&
          type.name.toLowerCase() === "inline" &&
          /(?:list|array|set|seq)<[^>]*>$/.test(anchor)
        )
          return { kind: "array", items: inPage };
        if (inPage) return inPage;
        // On a page of many models the section is a model of its own, resolved with the others.
        if (this.rules.inPageLinks === "section") return type;
        this.report(
          origin,
          "warning",
          "in-page-model",
          `Unexpected link \`${type.href}\` to a section of the same page, expected a link to a model page; typing \`${type.name}\` as an open object`,
        );
        return { kind: "open-object" };
      }
      case "array":
        return { kind: "array", items: this.inPageLinks(type.items, origin) };
      case "map":
        return { kind: "map", values: this.inPageLinks(type.values, origin) };
      case "union":
        return { kind: "union", members: type.members.map((m) => this.inPageLinks(m, origin)) };
      default:
        return type;
    }
  }

  /** The type of a union member or other non-field position: wrappers there only add `null`. */
  memberType(cell: CellType): TypeRef {
    return cell.pointer || cell.nullable ? withNull(cell.type) : cell.type;
  }
}
