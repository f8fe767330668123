/**
 * The type-cell grammar: a small recursive-descent parser over tokens (tokens.ts), driven by spelling
 * tables (spellings.ts). One grammar serves every flavour:
 *
 *   union   := type ('|' type)*
 *   type    := '*' type                      Go pointer
 *            | 'Pointer' 'to' type           OpenAPI Generator pointer
 *            | ('array'|'list'|'set') 'of' type | 'map' 'of' type
 *            | '[' ']' type                  Go slice
 *            | 'map' '[' type ']' type       Go map
 *            | primary postfix*
 *   primary := word ('[' args ']' | '<' args '>')?   primitive, generic wrapper or reference
 *            | link                          reference (or wrapper/primitive spelled inside the link text)
 *            | '[' union (':' union)? ']'    Swift array `[T]` / dictionary `[K: V]`
 *            | string | number | 'true' | 'false'    literal
 *            | '(' union ')' | 'interface' '{' '}'
 *   postfix := '[' ']' | '?'
 */
import type { TypeRef } from "../model/types.js";
import { DEFAULT_SPELLINGS, type Spellings } from "./spellings.js";
import {
  applyGeneric,
  CellSyntaxError,
  exactNumber,
  flattenInner,
  own,
  typeExpr,
  withNull,
  type Expr,
} from "./expr.js";
import { tokenizeText, tokensToText, type Token } from "./tokens.js";

export { withNull };

/** Something in a cell the generator could not map to a precise type. */
export interface CellProblem {
  rule: "unknown-type" | "external-type" | "type-too-deep";
  /** The spelling as written. */
  spelling: string;
}

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

const isMarkdownHref = (href: string) => !/^[a-z][a-z0-9+.-]*:/i.test(href) || /^file:/i.test(href);

/** What every nested parser of one cell shares. */
interface ParseContext {
  spellings: Spellings;
  typeMap: ReadonlyMap<string, string>;
  /** typeMap keys being expanded right now (a key whose value mentions itself is read as written). */
  expanding: Set<string>;
}

/** Separators between a namespace and a name: `.`, `::`, `\`. */
const NAMESPACE_SEPARATOR = /\.|::|\\/g;

class Parser {
  private pos = 0;
  private depth = 0;
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
    const expr = this.union();
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

  union(): Expr {
    this.enter();
    const members = [this.type()];
    while (this.isPunct("|")) {
      this.pos += 1;
      members.push(this.type());
    }
    this.depth -= 1;
    if (members.length === 1) return members[0] as Expr;
    return { e: "type", type: { kind: "union", members: members.map(flattenInner) } };
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
      this.pos += 2;
      this.union(); // the key type: JSON object keys are strings whatever Go says
      this.expectPunct("]");
      return typeExpr({ kind: "map", values: flattenInner(this.type()) });
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
      } else {
        return result;
      }
    }
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
        throw new CellSyntaxError();
      case "word":
        return this.word(token.v);
    }
  }

  /** Swift's `[T]` and `[K: V]` (the opening `[` already consumed). */
  private bracketed(): Expr {
    this.enter();
    const first = this.union();
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

  private link(token: Extract<Token, { t: "link" }>): Expr {
    const inner = new Parser(token.tokens, this.context, this.maxDepth - this.depth, token.href);
    const expr = inner.parseAll();
    this.problems.push(...inner.problems);
    return expr;
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

  private word(word: string): Expr {
    const replaced = this.mapped(word);
    if (replaced) return this.skipArgs(replaced);
    const lower = word.toLowerCase();
    const opener =
      this.isPunct("[") && !this.isPunct("]", 1) ? "]" : this.isPunct("<") ? ">" : undefined;
    // `eventstreaming.EventStream[...]`: a namespaced generic is looked up by its own name.
    const generic =
      own(this.spellings.generics, lower) ??
      own(this.spellings.generics, lower.split(NAMESPACE_SEPARATOR).pop() ?? lower);
    if (opener && generic) {
      this.pos += 1;
      const args = this.args(opener, generic === "literal");
      return applyGeneric(generic, args);
    }
    if (lower === "interface" && this.isPunct("{") && this.isPunct("}", 1)) {
      this.pos += 2;
      return typeExpr({ kind: "unknown", reason: "any" });
    }
    if (lower === "true" || lower === "false") {
      return typeExpr({ kind: "literal", value: lower === "true" });
    }
    const primitive = own(this.spellings.primitives, word) ?? own(this.spellings.primitives, lower);
    // Inside a link to another page, a capitalised word names that page's model (`[File](file.md)`),
    // even when the word is also a primitive; a link to a language's docs names the primitive.
    const namesLinkedModel =
      this.href !== undefined && isMarkdownHref(this.href) && /^[A-Z]/.test(word);
    if (primitive && !/[.:\\]/.test(word) && !namesLinkedModel) return typeExpr(primitive);
    return this.prefixed(word) ?? this.reference(word);
  }

  /** `NullableString`: a wrapper prefix before a capitalised primitive word. */
  private prefixed(word: string): Expr | undefined {
    for (const [prefix, meaning] of Object.entries(this.spellings.wrapperPrefixes)) {
      if (word.length <= prefix.length || word.slice(0, prefix.length).toLowerCase() !== prefix)
        continue;
      const rest = word.slice(prefix.length);
      const primitive = /^[A-Z]/.test(rest)
        ? own(this.spellings.primitives, rest.toLowerCase())
        : undefined;
      if (primitive) return applyGeneric(meaning, [typeExpr(primitive)]);
    }
    return undefined;
  }

  /** A mapped generic (`Decimal<...>` mapped to `string`): its arguments are read and dropped. */
  private skipArgs(expr: Expr): Expr {
    const opener =
      this.isPunct("[") && !this.isPunct("]", 1) ? "]" : this.isPunct("<") ? ">" : undefined;
    if (opener === undefined) return expr;
    this.pos += 1;
    this.args(opener, true);
    return expr;
  }

  private args(closer: string, literal: boolean): Expr[] {
    const args: Expr[] = [];
    for (;;) {
      if (literal) {
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

  private reference(word: string): Expr {
    const segments = word.split(NAMESPACE_SEPARATOR);
    const name = segments[segments.length - 1] as string;
    const namespace = segments.slice(0, -1).join(".");
    const known = own(this.spellings.knownQualified, segments.join(".").toLowerCase());
    if (known) return typeExpr(known);
    // `components.X`, `Acme::Models::X`, `App\Models\X`: the innermost namespace decides.
    const innermost = segments[segments.length - 2]?.toLowerCase();
    const inModelNamespace =
      innermost === undefined || this.spellings.modelNamespaces.has(innermost);
    if (this.href !== undefined) {
      if (isMarkdownHref(this.href) && inModelNamespace) {
        return typeExpr({ kind: "ref", name, href: this.href });
      }
      this.problems.push({ rule: "external-type", spelling: word });
      return typeExpr({ kind: "unknown", reason: "external" });
    }
    if (namespace !== "" && !inModelNamespace) {
      this.problems.push({ rule: "external-type", spelling: word });
      return typeExpr({ kind: "unknown", reason: "external" });
    }
    if (namespace === "" && !/^[A-Z]/.test(name)) throw new CellSyntaxError();
    return typeExpr({ kind: "ref", name });
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
    problems: parser.problems,
  };
  // Peel the top-level wrappers into field modifiers.
  let top = expr;
  for (;;) {
    if (top.e === "type") break;
    if (top.e === "pointer") result.pointer = true;
    if (top.e === "optional" || top.e === "optional-nullable") result.optional = true;
    if (top.e === "nullable" || top.e === "optional-nullable") result.nullable = true;
    if (top.e === "open") result.open = true;
    top = top.inner;
  }
  result.type = top.type;
  return result;
}
