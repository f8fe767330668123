/**
 * The words of the type-cell grammar (grammar.ts) and what follows them: a generic wrapper applied to
 * its arguments (`List[T]`, `List<T>`, `T.nilable(T)`, Haskell's `Maybe Text`, F#'s `string option`),
 * typeMap replacements, primitives and references. grammar.ts reads the shapes around them.
 */
import { applyGeneric, exactNumber, own, typeExpr, type Expr } from "./expr.js";
import { TokenCursor } from "./grammar-cursor.js";
import type { GenericMeaning } from "./spellings.js";
import { tokenizeText, type Token } from "./tokens.js";

import {
  isMarkdownHref,
  lastSegment,
  NAMESPACE_SEPARATOR,
  prefixedPrimitive,
  primitiveOf,
  readName,
  wrapperByName,
  type CellProblem,
} from "./words.js";

/** The most tokens an OpenAPI format in parentheses may hold (`string(date-time)` holds one). */
const FORMAT_TOKENS = 32;

/** A parse of a nested token list (a link's text, a typeMap value). */
export interface NestedParse {
  parseAll(): Expr;
  readonly problems: CellProblem[];
}

/** Reads words and generic applications; the shapes (unions, brackets, prefixes) are the subclass's. */
export abstract class GenericReader extends TokenCursor {
  /** Reading the arguments of an application (`Maybe Text`): they do not apply further. */
  protected applying = false;

  /** Alternatives: `A | B` (and, where `commas`, `A, B`). */
  abstract union(commas?: boolean): Expr;
  /** One atom: a word, a link, a literal, a bracketed type. */
  protected abstract primary(): Expr;
  /** A parser of `tokens` under the same context, `maxDepth` deep, inside the link `href` if any. */
  protected abstract nested(tokens: readonly Token[], maxDepth: number, href?: string): NestedParse;

  /** A lowercase wrapper word after a type (`option`, `list`), where F# and OCaml write it. */
  protected postfixWrapper(): GenericMeaning | undefined {
    const token = this.peek();
    if (token?.t !== "word" || token.v !== token.v.toLowerCase()) return undefined;
    const meaning = own(this.spellings.generics, token.v);
    return meaning === "optional" || meaning === "nullable" || meaning === "array"
      ? meaning
      : undefined;
  }

  /** The typeMap replacement for `word`, parsed; undefined when the map has no such key. */
  protected mapped(word: string): Expr | undefined {
    const map = this.context.typeMap;
    const key = map.has(word) ? word : map.has(word.toLowerCase()) ? word.toLowerCase() : undefined;
    if (key === undefined || this.context.expanding.has(key)) return undefined;
    const tokens: Token[] = [];
    tokenizeText(map.get(key) as string, tokens);
    this.context.expanding.add(key);
    try {
      const inner = this.nested(tokens, this.maxDepth - this.depth);
      const expr = inner.parseAll();
      this.problems.push(...inner.problems);
      return expr;
    } finally {
      this.context.expanding.delete(key);
    }
  }

  /** True when a type starts here: a word, a link, `(` or `[` (an argument of `Maybe Text`). */
  protected startsType(): boolean {
    const token = this.peek();
    if (token?.t === "word")
      return (
        own(this.spellings.generics, token.v.toLowerCase()) === undefined ||
        token.v !== token.v.toLowerCase()
      );
    // A bracketed type: `Maybe (Map Text Int)`, `Maybe [Text]`.
    const closer = this.opener();
    return token?.t === "link" || closer === ")" || closer === "]";
  }

  /**
   * Haskell's application by juxtaposition: `Maybe Text`, `Map Text Int`, `Either A B` (the wrapper
   * already consumed). Arguments are single atoms; a map or union takes a second one when it follows.
   */
  protected applied(meaning: GenericMeaning): Expr {
    this.applying = true;
    try {
      const args = [this.primary()];
      if ((meaning === "map" || meaning === "union") && this.startsType())
        args.push(this.primary());
      return applyGeneric(meaning, args);
    } finally {
      this.applying = false;
    }
  }

  /** A name read by the tables (words.ts); a known type's arguments are dropped (`DateTime<Utc>`). */
  protected reference(word: string): Expr {
    const read = readName(this.spellings, word, this.href, this.problems);
    return read.known && this.opener() === ">" ? this.skipArgs(read.expr) : read.expr;
  }

  /** `written` without a trailing constructor name (`Foo.new` and `Foo::new` are `Foo`). */
  protected withoutConstructor(written: string): string {
    const segments = written.split(NAMESPACE_SEPARATOR);
    const last = segments[segments.length - 1] as string;
    if (segments.length < 2 || !this.shapes.constructors.has(last.toLowerCase())) return written;
    const before = written.slice(0, written.length - last.length);
    return /(?:\.|::)$/.test(before) ? before.replace(/(?:\.|::)$/, "") : written;
  }

  protected word(written: string): Expr {
    // Erlang's remote type `calendar:datetime()` is the qualified name `calendar.datetime`.
    if (this.isPunct(":") && this.peek(1)?.t === "word" && this.isPunct("(", 2)) {
      const type = this.peek(1) as { v: string };
      this.pos += 2;
      return this.word(`${written}.${type.v}`);
    }
    // `Foo.new(T)` (Ruby) and `Foo(T)` (Crystal, Sorbet's `T.nilable(T)`) are the same wrapper.
    const word = this.withoutConstructor(written);
    const replaced = this.mapped(word);
    if (replaced) return this.skipArgs(replaced);
    const lower = word.toLowerCase();
    const opener = this.opener();
    // `eventstreaming.EventStream[...]`, `T::Array[...]`: a namespaced generic is looked up by its own name.
    const last = lastSegment(lower);
    const generic = own(this.spellings.generics, lower) ?? own(this.spellings.generics, last);
    if (opener === ")" && this.isPunct(")", 1)) {
      // `binary()` (Erlang): a call with no arguments names the type itself.
      this.pos += 2;
      return this.word(word);
    }
    const formatted = opener === ")" && !generic ? this.formatted(word) : undefined;
    if (formatted) return formatted;
    if (opener && generic) {
      this.pos += 1;
      const args = this.args(opener, generic === "literal");
      return applyGeneric(generic, args);
    }
    if (generic && !this.applying && this.startsType()) return this.applied(generic);
    if (opener && !primitiveOf(this.spellings, word)) {
      const meaning = wrapperByName(this.spellings, last);
      if (meaning) {
        this.pos += 1;
        const args = this.args(opener, false);
        this.problems.push({ rule: "inferred-wrapper", spelling: word, meaning });
        return applyGeneric(meaning, args);
      }
    }
    const braced = own(this.shapes.emptyBraces, lower);
    if (braced && this.isPunct("{") && this.isPunct("}", 1)) {
      this.pos += 2;
      return typeExpr(braced);
    }
    if (lower === "true" || lower === "false") {
      return typeExpr({ kind: "literal", value: lower === "true" });
    }
    // `::String`, `\\DateTime`: a rooted bare word is the word, unless the rooted spelling means more.
    const rooted = /^(?:::|\\)[^.:\\]+$/.test(word);
    if (rooted) return this.reference(word);
    const primitive = primitiveOf(this.spellings, word);
    // `DateTime<Utc>`, `Decimal<...>`: type arguments of a primitive do not change its JSON shape.
    if (primitive && this.opener() === ">" && !/[.:\\]/.test(word))
      return this.skipArgs(typeExpr(primitive));
    // Inside a link to another page, a capitalised word names that page's model (`[File](file.md)`),
    // even when the word is also a primitive; a link to a language's docs names the primitive.
    const namesLinkedModel =
      this.href !== undefined && isMarkdownHref(this.href) && /^[A-Z]/.test(word);
    if (primitive && !/[.:\\]/.test(word)) {
      // A capitalised word that is a primitive only in another letter case (`Email`, `Money`) names
      // a model when a page declares one by that name.
      if (
        !namesLinkedModel &&
        this.href === undefined &&
        /^[A-Z]/.test(word) &&
        !own(this.spellings.primitives, word) &&
        primitive.kind !== "unknown" &&
        primitive.kind !== "null"
      )
        return typeExpr({ kind: "ref", name: word, fallback: { type: primitive, why: "word" } });
      if (!namesLinkedModel) return typeExpr(primitive);
      // When the linked page does not exist, the word is the primitive (`[String](string.md)`).
      return typeExpr({
        kind: "ref",
        name: word,
        href: this.href as string,
        fallback: { type: primitive, why: "primitive" },
      });
    }
    return prefixedPrimitive(this.spellings, word) ?? this.reference(word);
  }

  /**
   * An OpenAPI type and its format, as OpenAPI-to-Markdown tools write them (`string(date-time)`,
   * `integer(int64)`; the `(` is next): the format's type when the format is a primitive of the same
   * kind (`date-time` is a date-time string, `int64` a 64-bit number), else the type itself
   * (`string(uuid)`, `string(byte)`: text). A format is free text in OpenAPI: words, numbers and
   * punctuation up to the closing parenthesis (`string(date-time,)`, `string(Lovelace or hex)`) are a
   * format too, read by their first word. Undefined when `word` is no primitive, the parentheses hold
   * nothing, another parenthesis or a link, or do not close within a short run of tokens.
   */
  private formatted(word: string): Expr | undefined {
    const base = primitiveOf(this.spellings, word);
    if (!base || /[.:\\]/.test(word)) return undefined;
    let end = 1;
    for (; end <= FORMAT_TOKENS; end += 1) {
      const token = this.peek(end);
      if (token === undefined || token.t === "link") return undefined;
      if (token.t === "punct" && token.v === ")") break;
      if (token.t === "punct" && token.v === "(") return undefined;
    }
    const first = this.peek(1);
    if (end === 1 || end > FORMAT_TOKENS || first?.t !== "word") return undefined;
    this.pos += end + 1;
    const specific = primitiveOf(this.spellings, first.v);
    return typeExpr(specific?.kind === base.kind ? specific : base);
  }

  /** A mapped generic (`Decimal<...>` mapped to `string`): its arguments are read and dropped. */
  protected skipArgs(expr: Expr): Expr {
    const opener = this.opener();
    if (opener === undefined) return expr;
    this.pos += 1;
    this.args(opener, true);
    return expr;
  }

  protected args(closer: string, literal: boolean): Expr[] {
    const args: Expr[] = [];
    for (;;) {
      if (this.isPunct("?") && (this.isPunct(closer, 1) || this.isPunct(",", 1))) {
        // Java's wildcard `HttpResponse<?>`: any type.
        this.pos += 1;
        args.push(typeExpr({ kind: "unknown", reason: "any" }));
      } else if (this.isPunct("?") && this.isWordIn(this.shapes.wildcardBounds, 1)) {
        // `? extends T`: values of T.
        this.pos += 2;
        args.push(this.union());
      } else if (literal) {
        const token = this.peek();
        if (token?.t === "str" || token?.t === "num") {
          this.pos += 1;
          args.push(
            typeExpr({
              kind: "literal",
              value: token.t === "num" ? exactNumber(token.v) : token.v,
            }),
          );
        } else if (token?.t === "word" && /^(true|false)$/i.test(token.v)) {
          this.pos += 1;
          args.push(typeExpr({ kind: "literal", value: token.v.toLowerCase() === "true" }));
        } else {
          args.push(this.union());
        }
      } else {
        args.push(this.union());
      }
      if (this.isPunct(",")) {
        this.pos += 1;
        continue;
      }
      this.expectPunct(closer);
      return args;
    }
  }
}
