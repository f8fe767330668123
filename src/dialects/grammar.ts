/**
 * The type-cell grammar: a small recursive-descent parser over tokens (tokens.ts), driven by spelling
 * tables (spellings.ts). One grammar serves every dialect:
 *
 *   top     := type (('|' | '¦' | ',') type)*   alternatives; commas only at the top of a cell or link
 *   union   := type (('|' | '¦') type)*      `¦`: OpenAPI-to-Markdown's bar inside a table (`string¦null`)
 *   type    := '*' type                      Go pointer
 *            | '?' type                      nullable prefix (PHP `?string`)
 *            | phrase type                   `Pointer to T`, `array of T`, `map of T`
 *            | '[' ']' type                  Go slice (of a base64 word: `[]byte`, text)
 *            | keyedMap '[' type ']' type    Go map `map[K]V`
 *            | base64 '[' ']' postfix*       `byte[]`: text
 *            | primary postfix*
 *   primary := word '(' word ')'            OpenAPI type and format: `string(date-time)`, `integer(int64)`
 *            | word (open args close)?       primitive, generic wrapper (subscript, generic, call or
 *                                            braces: `List[T]`, `List<T>`, `T.nilable(T)`, `X.new(T)`,
 *                                            `Vector{T}`) or reference
 *            | link                          reference (or wrapper/primitive spelled inside the link text)
 *            | '[' union (':' union)? ']'    Swift array `[T]` / dictionary `[K: V]`
 *            | '{' '[' word ':' type ']' ':' type ';'? '}'   TypeScript index signature (a map)
 *            | ('%' | '#') '{' (union '=' '>' union)? '}'  Elixir and Erlang maps
 *            | string | number | 'true' | 'false'    literal
 *            | '(' union ')' | emptyBraces '{' '}'
 *   postfix := '[' ']' | '?' | wrapper       `T[]`, `T?`, F#'s `string option`
 *   args    := arg (',' arg)*                arg: union, `?` or `?` bound union (`? extends T`)
 *
 * The words in quotes are JSON's; every other word of a shape (phrase, keyedMap, base64, emptyBraces,
 * bound, a constructor such as Ruby's `.new`) comes from the spelling tables' `shapes`.
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
  typeExpr,
  unionOf,
  withNull,
  type Expr,
} from "./expr.js";
import { CellTooDeep, type ParseContext } from "./grammar-cursor.js";
import { GenericReader } from "./grammar-generics.js";
import { tokensToText, type Token } from "./tokens.js";
import { isMarkdownHref, type CellProblem } from "./words.js";

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

class Parser extends GenericReader {
  parseAll(): Expr {
    const expr = this.union(true);
    if (this.pos < this.tokens.length) throw new CellSyntaxError();
    return expr;
  }

  /**
   * Alternatives: `A | B`, and at the top of a cell or link text also `A, B` (OpenAPI Generator
   * Python lists a nullable type as `str, none_type`). OpenAPI-to-Markdown tools write the bar of a
   * type inside a table as a broken bar (`string¦null`).
   */
  union(commas = false): Expr {
    this.enter();
    const members = [this.type()];
    while (this.isPunct("|") || this.isPunct("¦") || (commas && this.isPunct(","))) {
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
    const phrase = this.phrase();
    if (phrase !== undefined) {
      this.pos += 2;
      const inner = this.type();
      if (phrase === "pointer") return { e: "pointer", inner };
      return typeExpr(
        phrase === "array"
          ? { kind: "array", items: flattenInner(inner) }
          : { kind: "map", values: flattenInner(inner) },
      );
    }
    if (this.isPunct("[") && this.isPunct("]", 1)) {
      this.pos += 2;
      // Go's `[]byte` is base64 text on the wire (as the last thing in the cell).
      if (this.isWordIn(this.shapes.base64Elements) && this.tokens.length === this.pos + 1) {
        this.pos += 1;
        return typeExpr({ kind: "string" });
      }
      return typeExpr({ kind: "array", items: flattenInner(this.type()) });
    }
    if (this.isWordIn(this.shapes.keyedMaps) && this.isPunct("[", 1)) {
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
    if (this.isWordIn(this.shapes.base64Elements) && this.isPunct("[", 1) && this.isPunct("]", 2)) {
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

  protected primary(): Expr {
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
    const inner = this.nested(token.tokens, this.maxDepth - this.depth, token.href);
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

  protected nested(tokens: readonly Token[], maxDepth: number, href?: string): Parser {
    return new Parser(tokens, this.context, maxDepth, href);
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
