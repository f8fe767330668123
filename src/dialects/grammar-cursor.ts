/**
 * The reading position of the type-cell grammar (grammar.ts) in one token list: what the token at
 * hand is, how deep the reading is, and where a generic's arguments open. No shape is read here.
 */
import type { Token } from "./tokens.js";
import { CellSyntaxError, own } from "./expr.js";
import type { PhraseMeaning, ShapeWords, Spellings } from "./spellings.js";
import type { CellProblem } from "./words.js";

/** Thrown when a cell nests deeper than the options allow (caught in parseTypeTokens). */
export class CellTooDeep extends Error {}

/** What closes each bracket that opens a generic's arguments: `List[T]`, `List<T>`, `F(T)`, `Vector{T}`. */
const ARGUMENT_CLOSERS: Readonly<Record<string, string>> = {
  "[": "]",
  "<": ">",
  "(": ")",
  "{": "}",
};
/** Openers whose empty pair is a shape of its own, not an argument list: `T[]`, `[]T`, `interface{}`. */
const EMPTY_PAIR_SHAPES: ReadonlySet<string> = new Set(["[", "{"]);

/** What every nested parser of one cell shares. */
export interface ParseContext {
  spellings: Spellings;
  typeMap: ReadonlyMap<string, string>;
  /** typeMap keys being expanded right now (a key whose value mentions itself is read as written). */
  expanding: Set<string>;
}

/** A position in a token list, and the problems found so far. */
export abstract class TokenCursor {
  protected pos = 0;
  protected depth = 0;
  readonly problems: CellProblem[] = [];

  constructor(
    protected readonly tokens: readonly Token[],
    protected readonly context: ParseContext,
    protected readonly maxDepth: number,
    /** The link this token list sits inside, if any. */
    protected readonly href?: string,
  ) {}

  protected get spellings(): Spellings {
    return this.context.spellings;
  }

  protected get shapes(): ShapeWords {
    return this.context.spellings.shapes;
  }

  protected peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  protected isPunct(value: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.t === "punct" && token.v === value;
  }

  /** True when the token at `offset` is a word of `words` (lowercase). */
  protected isWordIn(words: ReadonlySet<string>, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.t === "word" && words.has(token.v.toLowerCase());
  }

  /** The phrase (`Pointer to`, `array of`) that starts here, if one does. */
  protected phrase(): PhraseMeaning | undefined {
    const first = this.peek();
    const second = this.peek(1);
    if (first?.t !== "word" || second?.t !== "word") return undefined;
    return own(this.shapes.phrases, `${first.v.toLowerCase()} ${second.v.toLowerCase()}`);
  }

  protected expectPunct(value: string): void {
    if (!this.isPunct(value)) throw new CellSyntaxError();
    this.pos += 1;
  }

  protected enter(): void {
    this.depth += 1;
    if (this.depth > this.maxDepth) throw new CellTooDeep();
  }
  /** The closer of a generic's argument list that starts here (see ARGUMENT_CLOSERS), if one does. */
  protected opener(): string | undefined {
    const token = this.peek();
    if (token?.t !== "punct") return undefined;
    const closer = own(ARGUMENT_CLOSERS, token.v);
    if (closer === undefined || (EMPTY_PAIR_SHAPES.has(token.v) && this.isPunct(closer, 1)))
      return undefined;
    return closer;
  }
}
