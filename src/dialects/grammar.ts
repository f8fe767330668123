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
 *            | string | number | 'true' | 'false'    literal
 *            | '(' union ')' | 'interface' '{' '}'
 *   postfix := '[' ']' | '?'
 */
import type { TypeRef } from "../model/types.js";
import { DEFAULT_SPELLINGS, type GenericMeaning, type Spellings } from "./spellings.js";
import { tokensToText, type Token } from "./tokens.js";

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
}

type Expr =
  | { e: "type"; type: TypeRef }
  | { e: "pointer" | "optional" | "nullable" | "optional-nullable" | "open"; inner: Expr };

class CellSyntaxError extends Error {}
class CellTooDeep extends Error {}

const isMarkdownHref = (href: string) => !/^[a-z][a-z0-9+.-]*:/i.test(href) || /^file:/i.test(href);

class Parser {
  private pos = 0;
  private depth = 0;
  readonly problems: CellProblem[] = [];

  constructor(
    private readonly tokens: readonly Token[],
    private readonly spellings: Spellings,
    private readonly maxDepth: number,
    /** The link this token list sits inside, if any. */
    private readonly href?: string,
  ) {}

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
        result = { e: "optional", inner: result };
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
        return typeExpr({ kind: "literal", value: token.v });
      case "link":
        return this.link(token);
      case "punct":
        if (token.v === "(") {
          const inner = this.union();
          this.expectPunct(")");
          return inner;
        }
        throw new CellSyntaxError();
      case "word":
        return this.word(token.v);
    }
  }

  private link(token: Extract<Token, { t: "link" }>): Expr {
    const inner = new Parser(token.tokens, this.spellings, this.maxDepth - this.depth, token.href);
    const expr = inner.parseAll();
    this.problems.push(...inner.problems);
    return expr;
  }

  private word(word: string): Expr {
    const lower = word.toLowerCase();
    const opener =
      this.isPunct("[") && !this.isPunct("]", 1) ? "]" : this.isPunct("<") ? ">" : undefined;
    const generic = this.spellings.generics[lower];
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
    const primitive = this.spellings.primitives[word] ?? this.spellings.primitives[lower];
    if (primitive && !word.includes(".")) return typeExpr(primitive);
    return this.reference(word);
  }

  private args(closer: string, literal: boolean): Expr[] {
    const args: Expr[] = [];
    for (;;) {
      if (literal) {
        const token = this.peek();
        if (token?.t === "str" || token?.t === "num") {
          this.pos += 1;
          args.push(typeExpr({ kind: "literal", value: token.v }));
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
    const dot = word.lastIndexOf(".");
    const namespace = dot >= 0 ? word.slice(0, dot) : "";
    const name = dot >= 0 ? word.slice(dot + 1) : word;
    const known = this.spellings.knownQualified[word.toLowerCase()];
    if (known) return typeExpr(known);
    const inModelNamespace =
      namespace === "" || this.spellings.modelNamespaces.has(namespace.toLowerCase());
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

function typeExpr(type: TypeRef): Expr {
  return { e: "type", type };
}

function applyGeneric(meaning: GenericMeaning, args: Expr[]): Expr {
  const last = args[args.length - 1] as Expr;
  switch (meaning) {
    case "optional":
    case "nullable":
    case "optional-nullable":
    case "open":
      if (args.length !== 1) throw new CellSyntaxError();
      return { e: meaning, inner: last };
    case "array":
      if (args.length !== 1) throw new CellSyntaxError();
      return typeExpr({ kind: "array", items: flattenInner(last) });
    case "map":
      if (args.length > 2) throw new CellSyntaxError();
      return typeExpr({ kind: "map", values: flattenInner(last) });
    case "union":
    case "literal":
      return typeExpr(
        args.length === 1 ? flattenInner(last) : { kind: "union", members: args.map(flattenInner) },
      );
  }
}

/** Adds `null` to a type (no-op when it is already nullable). */
export function withNull(type: TypeRef): TypeRef {
  if (type.kind === "null" || type.kind === "unknown") return type;
  if (type.kind === "union") {
    return type.members.some((m) => m.kind === "null")
      ? type
      : { kind: "union", members: [...type.members, { kind: "null" }] };
  }
  return { kind: "union", members: [type, { kind: "null" }] };
}

/** Wrappers below the top of a cell: pointers and optional/nullable wrappers make the element nullable. */
function flattenInner(expr: Expr): TypeRef {
  switch (expr.e) {
    case "type":
      return expr.type;
    case "open":
      return flattenInner(expr.inner);
    default:
      return withNull(flattenInner(expr.inner));
  }
}

/** Parses a type cell's tokens. Never throws: what it cannot read becomes `unknown` plus a problem. */
export function parseTypeTokens(tokens: readonly Token[], options: GrammarOptions = {}): CellType {
  const spellings = options.spellings ?? DEFAULT_SPELLINGS;
  const parser = new Parser(tokens, spellings, options.maxDepth ?? 64);
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
