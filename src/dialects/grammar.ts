/**
 * The type-cell grammar: a small recursive-descent parser over tokens (tokens.ts), driven by spelling
 * tables (spellings.ts). One grammar serves every flavour:
 *
 *   top     := type (('|' | ',') type)*       alternatives; commas only at the top of a cell or link
 *   union   := type ('|' type)*
 *   type    := '*' type                      Go pointer
 *            | '?' type                      nullable prefix (PHP `?string`)
 *            | 'Pointer' 'to' type           OpenAPI Generator pointer
 *            | ('array'|'list'|'set') 'of' type | 'map' 'of' type
 *            | '[' ']' type                  Go slice
 *            | 'map' '[' type ']' type       Go map
 *            | primary postfix*
 *   primary := word ('[' args ']' | '<' args '>' | '(' args? ')')?
 *                                            primitive, generic wrapper (subscript, generic or call:
 *                                            `List[T]`, `List<T>`, `T.nilable(T)`, `X.new(T)`) or reference
 *            | link                          reference (or wrapper/primitive spelled inside the link text)
 *            | '[' union (':' union)? ']'    Swift array `[T]` / dictionary `[K: V]`
 *            | '{' '[' word ':' type ']' ':' type ';'? '}'   TypeScript index signature (a map)
 *            | string | number | 'true' | 'false'    literal
 *            | '(' union ')' | 'interface' '{' '}'
 *   postfix := '[' ']' | '?'
 *
 * Namespaces (`.`, `::`, `\`, rooted or not) are read by their segments: a name under a model
 * namespace (`components.X`, `Models::Components::X`, `\App\Model\X`) is a reference, any other
 * qualified name is looked up by its last segment among the primitives (`T::Boolean`,
 * `System.String`) before it counts as an external library type.
 */
import type { TypeRef } from "../core/model.js";
import { DEFAULT_SPELLINGS, type GenericMeaning, type Spellings } from "./spellings.js";
import {
  applyGeneric,
  CellSyntaxError,
  exactNumber,
  flattenInner,
  own,
  typeExpr,
  unionOf,
  withNull,
  type Expr,
} from "./expr.js";
import { tokenizeText, tokensToText, type Token } from "./tokens.js";
import {
  isMarkdownHref,
  lastSegment,
  prefixedPrimitive,
  primitiveOf,
  readName,
  wrapperByName,
  type CellProblem,
} from "./words.js";

export { withNull };
export type { CellProblem };

/** A parsed type cell: the type plus the modifiers that only make sense at the top of a field. */
export interface CellType {
  type: TypeRef;
  /** A Go pointer (`*T`, `[*components.X]`, `Pointer to`): decodes JSON null, may be absent. */
  pointer: boolean;
  /** `Optional[T]`, `T?`: may be absent. */
  optional: boolean;
  /** `Nullable[T]`: may be null. */
  nullable: boolean;
  /** `Unrecognized<...>` appeared: an open enum marker. */
  open: boolean;
  /** `Option<T>` and kin: absent on an optional row, null on a required one. */
  option: boolean;
  problems: CellProblem[];
}

/** Options for one parse. */
export interface GrammarOptions {
  spellings?: Spellings;
  /** Maximum nesting of type constructors (`[]` x N) before the cell is rejected. */
  maxDepth?: number;
  /**
   * Spellings to replace before reading (`{ "http.Response": "unknown" }`): a word equal to a key (as
   * written, else case-insensitively) is read as the value, parsed by this same grammar.
   */
  typeMap?: Readonly<Record<string, string>>;
}

class CellTooDeep extends Error {}

/** What every nested parser of one cell shares. */
interface ParseContext {
  spellings: Spellings;
  typeMap: ReadonlyMap<string, string>;
  /** typeMap keys being expanded right now (a key whose value mentions itself is read as written). */
  expanding: Set<string>;
}

class Parser {
  private pos = 0;
  private depth = 0;
  /** Reading the arguments of an application (`Maybe Text`): they do not apply further. */
  private applying = false;
  readonly problems: CellProblem[] = [];

  constructor(
    private readonly tokens: readonly Token[],
    private readonly context: ParseContext,
    private readonly maxDepth: number,
    /** The link this token list sits inside, if any. */
    private readonly href?: string,
  ) {}

  private get spellings(): Spellings {
    return this.context.spellings;
  }

  parseAll(): Expr {
    const expr = this.union(true);
    if (this.pos < this.tokens.length) throw new CellSyntaxError();
    return expr;
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  private isPunct(value: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.t === "punct" && token.v === value;
  }

  private isWord(value: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.t === "word" && token.v.toLowerCase() === value;
  }

  private expectPunct(value: string): void {
    if (!this.isPunct(value)) throw new CellSyntaxError();
    this.pos += 1;
  }

  private enter(): void {
    this.depth += 1;
    if (this.depth > this.maxDepth) throw new CellTooDeep();
  }

  /**
   * Alternatives: `A | B`, and at the top of a cell or link text also `A, B` (OpenAPI Generator
   * Python lists a nullable type as `str, none_type`).
   */
  union(commas = false): Expr {
    this.enter();
    const members = [this.type()];
    while (this.isPunct("|") || (commas && this.isPunct(","))) {
      this.pos += 1;
      members.push(this.type());
    }
    this.depth -= 1;
    if (members.length === 1) return members[0] as Expr;
    return typeExpr(unionOf(members.map(flattenInner)));
  }

  private type(): Expr {
    this.enter();
    try {
      return this.typeInner();
    } finally {
      this.depth -= 1;
    }
  }

  private typeInner(): Expr {
    if (this.isPunct("*")) {
      this.pos += 1;
      return { e: "pointer", inner: this.type() };
    }
    if (this.isPunct("?") && this.peek(1) !== undefined && !this.isPunct(">", 1)) {
      this.pos += 1;
      return { e: this.spellings.questionPrefix, inner: this.type() };
    }
    if (this.isWord("pointer") && this.isWord("to", 1)) {
      this.pos += 2;
      return { e: "pointer", inner: this.type() };
    }
    if (
      (this.isWord("array") || this.isWord("list") || this.isWord("set")) &&
      this.isWord("of", 1)
    ) {
      this.pos += 2;
      return this.postfix(typeExpr({ kind: "array", items: flattenInner(this.type()) }));
    }
    if (this.isWord("map") && this.isWord("of", 1)) {
      this.pos += 2;
      return typeExpr({ kind: "map", values: flattenInner(this.type()) });
    }
    if (this.isPunct("[") && this.isPunct("]", 1)) {
      this.pos += 2;
      // Go's []byte is base64 text on the wire.
      if (this.isWord("byte") && this.tokens.length === this.pos + 1) {
        this.pos += 1;
        return typeExpr({ kind: "string" });
      }
      return typeExpr({ kind: "array", items: flattenInner(this.type()) });
    }
    if (this.isWord("map") && this.isPunct("[", 1)) {
      const start = this.pos;
      this.pos += 2;
      this.union(); // the key type: JSON object keys are strings whatever Go says
      // Go's `map[K]V`; Scala's `Map[K, V]` is a generic, read below.
      if (this.isPunct("]") && this.pos + 1 < this.tokens.length) {
        this.pos += 1;
        return typeExpr({ kind: "map", values: flattenInner(this.type()) });
      }
      this.pos = start;
    }
    // `byte[]` (Java, C#, F#): JSON carries bytes as base64 text, as Go's `[]byte`.
    if (this.isWord("byte") && this.isPunct("[", 1) && this.isPunct("]", 2)) {
      this.pos += 3;
      return this.postfix(typeExpr({ kind: "string" }));
    }
    return this.postfix(this.primary());
  }

  private postfix(expr: Expr): Expr {
    let result = expr;
    for (;;) {
      if (this.isPunct("[") && this.isPunct("]", 1)) {
        this.pos += 2;
        this.enter();
        result = typeExpr({ kind: "array", items: flattenInner(result) });
      } else if (this.isPunct("?")) {
        this.pos += 1;
        result = { e: this.spellings.questionMark, inner: result };
      } else if (this.postfixWrapper() !== undefined) {
        // F# and OCaml apply a wrapper after its argument: `string option`, `int list`.
        const meaning = this.postfixWrapper() as GenericMeaning;
        this.pos += 1;
        result = applyGeneric(meaning, [result]);
      } else {
        return result;
      }
    }
  }

  /** A lowercase wrapper word after a type (`option`, `list`), where F# and OCaml write it. */
  private postfixWrapper(): GenericMeaning | undefined {
    const token = this.peek();
    if (token?.t !== "word" || token.v !== token.v.toLowerCase()) return undefined;
    const meaning = own(this.spellings.generics, token.v);
    return meaning === "optional" || meaning === "nullable" || meaning === "array"
      ? meaning
      : undefined;
  }

  private primary(): Expr {
    const token = this.peek();
    if (token === undefined) throw new CellSyntaxError();
    this.pos += 1;
    switch (token.t) {
      case "str":
        return typeExpr({ kind: "literal", value: token.v });
      case "num":
        return typeExpr({ kind: "literal", value: exactNumber(token.v) });
      case "link":
        return this.link(token);
      case "punct":
        if (token.v === "(") {
          const inner = this.union();
          this.expectPunct(")");
          return inner;
        }
        if (token.v === "[") return this.bracketed();
        if (token.v === "{") return this.indexSignature();
        if ((token.v === "%" || token.v === "#") && this.isPunct("{")) return this.mapLiteral();
        throw new CellSyntaxError();
      case "word":
        return this.word(token.v);
    }
  }

  /** Swift's `[T]` and `[K: V]` (the opening `[` already consumed). */
  private bracketed(): Expr {
    this.enter();
    // `[A, B]` (OpenAPI Generator Python): a list whose items are any of the alternatives.
    const first = this.union(true);
    if (this.isPunct(":")) {
      this.pos += 1;
      const values = this.union();
      this.expectPunct("]");
      this.depth -= 1;
      return typeExpr({ kind: "map", values: flattenInner(values) });
    }
    this.expectPunct("]");
    this.depth -= 1;
    return typeExpr({ kind: "array", items: flattenInner(first) });
  }

  /** Elixir's `%{K => V}` and Erlang's `#{K => V}` (the `%` or `#` already consumed): a map of V. */
  private mapLiteral(): Expr {
    this.expectPunct("{");
    if (this.isPunct("}")) {
      this.pos += 1;
      return typeExpr({ kind: "open-object" });
    }
    this.union();
    this.expectPunct("=");
    this.expectPunct(">");
    const values = this.union();
    this.expectPunct("}");
    return typeExpr({ kind: "map", values: flattenInner(values) });
  }

  /** `{[key: string]: V}` (the `{` already consumed): a map of V. */
  private indexSignature(): Expr {
    this.expectPunct("[");
    if (this.peek()?.t !== "word") throw new CellSyntaxError();
    this.pos += 1;
    this.expectPunct(":");
    this.union();
    this.expectPunct("]");
    this.expectPunct(":");
    const values = this.union();
    if (this.isPunct(";") || this.isPunct(",")) this.pos += 1;
    this.expectPunct("}");
    return typeExpr({ kind: "map", values: flattenInner(values) });
  }

  private link(token: Extract<Token, { t: "link" }>): Expr {
    const inner = new Parser(token.tokens, this.context, this.maxDepth - this.depth, token.href);
    try {
      const expr = inner.parseAll();
      this.problems.push(...inner.problems);
      return expr;
    } catch (error) {
      // A link to a language's own docs names a library type even when its text is beyond the
      // grammar (`[HttpResponse<?>](https://...)`).
      if (!(error instanceof CellSyntaxError) || isMarkdownHref(token.href)) throw error;
      this.problems.push({ rule: "external-type", spelling: tokensToText(token.tokens) });
      return typeExpr({ kind: "unknown", reason: "external" });
    }
  }

  /** The typeMap replacement for `word`, parsed; undefined when the map has no such key. */
  private mapped(word: string): Expr | undefined {
    const map = this.context.typeMap;
    const key = map.has(word) ? word : map.has(word.toLowerCase()) ? word.toLowerCase() : undefined;
    if (key === undefined || this.context.expanding.has(key)) return undefined;
    const tokens: Token[] = [];
    tokenizeText(map.get(key) as string, tokens);
    this.context.expanding.add(key);
    try {
      const inner = new Parser(tokens, this.context, this.maxDepth - this.depth);
      const expr = inner.parseAll();
      this.problems.push(...inner.problems);
      return expr;
    } finally {
      this.context.expanding.delete(key);
    }
  }

  /** True when a type starts here: a word, a link, `(` or `[` (an argument of `Maybe Text`). */
  private startsType(): boolean {
    const token = this.peek();
    if (token?.t === "word")
      return (
        own(this.spellings.generics, token.v.toLowerCase()) === undefined ||
        token.v !== token.v.toLowerCase()
      );
    return token?.t === "link" || this.isPunct("(") || (this.isPunct("[") && !this.isPunct("]", 1));
  }

  /**
   * Haskell's application by juxtaposition: `Maybe Text`, `Map Text Int`, `Either A B` (the wrapper
   * already consumed). Arguments are single atoms; a map or union takes a second one when it follows.
   */
  private applied(meaning: GenericMeaning): Expr {
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
  private reference(word: string): Expr {
    const read = readName(this.spellings, word, this.href, this.problems);
    return read.known && this.isPunct("<") ? this.skipArgs(read.expr) : read.expr;
  }

  /** The closer of a generic's argument list that starts here (`[`, `<` or `(`), if one does. */
  private opener(): string | undefined {
    if (this.isPunct("[") && !this.isPunct("]", 1)) return "]";
    if (this.isPunct("<")) return ">";
    if (this.isPunct("(")) return ")";
    // Julia: `Vector{String}`, `Union{String, Nothing}`.
    if (this.isPunct("{") && !this.isPunct("}", 1)) return "}";
    return undefined;
  }

  private word(written: string): Expr {
    // Erlang's remote type `calendar:datetime()` is the qualified name `calendar.datetime`.
    if (this.isPunct(":") && this.peek(1)?.t === "word" && this.isPunct("(", 2)) {
      const type = this.peek(1) as { v: string };
      this.pos += 2;
      return this.word(`${written}.${type.v}`);
    }
    // `Foo.new(T)` (Ruby) and `Foo(T)` (Crystal, Sorbet's `T.nilable(T)`) are the same wrapper.
    const word = /[.:]new$/i.test(written) ? written.replace(/(?:\.|::)new$/i, "") : written;
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
    if (opener && generic) {
      this.pos += 1;
      const args = this.args(opener, generic === "literal");
      return applyGeneric(generic, args);
    }
    if (generic && !this.applying && this.startsType()) return this.applied(generic);
    if (opener && !primitiveOf(this.spellings, word)) {
      const meaning = wrapperByName(last);
      if (meaning) {
        this.pos += 1;
        const args = this.args(opener, false);
        this.problems.push({ rule: "inferred-wrapper", spelling: word, meaning });
        return applyGeneric(meaning, args);
      }
    }
    if (lower === "interface" && this.isPunct("{") && this.isPunct("}", 1)) {
      this.pos += 2;
      return typeExpr({ kind: "unknown", reason: "any" });
    }
    if (lower === "true" || lower === "false") {
      return typeExpr({ kind: "literal", value: lower === "true" });
    }
    // `::String`, `\\DateTime`: a rooted bare word is the word, unless the rooted spelling means more.
    const rooted = /^(?:::|\\)[^.:\\]+$/.test(word);
    if (rooted) return this.reference(word);
    const primitive = primitiveOf(this.spellings, word);
    // `DateTime<Utc>`, `Decimal<...>`: type arguments of a primitive do not change its JSON shape.
    if (primitive && this.isPunct("<") && !/[.:\\]/.test(word))
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

  /** A mapped generic (`Decimal<...>` mapped to `string`): its arguments are read and dropped. */
  private skipArgs(expr: Expr): Expr {
    const opener = this.opener();
    if (opener === undefined) return expr;
    this.pos += 1;
    this.args(opener, true);
    return expr;
  }

  private args(closer: string, literal: boolean): Expr[] {
    const args: Expr[] = [];
    for (;;) {
      if (this.isPunct("?") && (this.isPunct(closer, 1) || this.isPunct(",", 1))) {
        // Java's wildcard `HttpResponse<?>`: any type.
        this.pos += 1;
        args.push(typeExpr({ kind: "unknown", reason: "any" }));
      } else if (this.isPunct("?") && (this.isWord("extends", 1) || this.isWord("super", 1))) {
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

/** Parses a type cell's tokens. Never throws: what it cannot read becomes `unknown` plus a problem. */
export function parseTypeTokens(tokens: readonly Token[], options: GrammarOptions = {}): CellType {
  const context: ParseContext = {
    spellings: options.spellings ?? DEFAULT_SPELLINGS,
    typeMap: new Map(Object.entries(options.typeMap ?? {})),
    expanding: new Set(),
  };
  const parser = new Parser(tokens, context, options.maxDepth ?? 64);
  let expr: Expr;
  try {
    expr = parser.parseAll();
  } catch (error) {
    if (!(error instanceof CellSyntaxError || error instanceof CellTooDeep)) throw error;
    const spelling = tokensToText(tokens);
    return {
      type: { kind: "unknown", reason: "unrecognised" },
      pointer: false,
      optional: false,
      nullable: false,
      open: false,
      option: false,
      problems: [
        { rule: error instanceof CellTooDeep ? "type-too-deep" : "unknown-type", spelling },
      ],
    };
  }
  const result: CellType = {
    type: { kind: "unknown" },
    pointer: false,
    optional: false,
    nullable: false,
    open: false,
    option: false,
    problems: parser.problems,
  };
  // Peel the top-level wrappers into field modifiers.
  let top = expr;
  for (;;) {
    if (top.e === "type") break;
    if (top.e === "pointer") result.pointer = true;
    if (top.e === "optional" || top.e === "optional-nullable") result.optional = true;
    if (top.e === "nullable" || top.e === "optional-nullable") result.nullable = true;
    if (top.e === "option") result.option = true;
    if (top.e === "open") result.open = true;
    top = top.inner;
  }
  result.type = top.type;
  return result;
}
