/**
 * Where each key of a JSON text is, so that findings about a JSON config can point at a line and
 * column; where a key is given twice in one object (`JSON.parse` silently keeps the last); and where a
 * text that is not JSON goes wrong (`JSON.parse`'s messages give an offset on some Node versions, a
 * quote of the text on others, and nothing for an early end). One pass over the text, following the
 * JSON grammar (RFC 8259).
 *
 * Kept rather than jsonc-parser (measured with 3.3.1, its `visit` with comments and trailing commas
 * refused): keys' positions and the accepted texts came out equal, but its errors need this module's
 * grammar state all the same to say what was expected (it reports a bad character in a string at the
 * opening quote, ends an unclosed object before reporting it, and names error codes, not "Unexpected
 * X, expected Y"), so the version over jsonc-parser was 251 lines against these 200, with equal
 * messages on 18,326 one-character edits of a config except where a lone `\r` is a line break to it.
 */

/** A 1-based line and column (columns count UTF-16 code units, as editors' JSON positions do). */
export interface TextPoint {
  line: number;
  column: number;
}

/** A JSON Pointer (RFC 6901) from its steps: `["a/b", 0]` -> `/a~1b/0`. */
export function jsonPointer(steps: readonly (string | number)[]): string {
  return steps.map((step) => `/${String(step).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** A key given a second time in one object: its steps from the root, and where each was written. */
export interface DuplicateKey {
  steps: (string | number)[];
  at: TextPoint;
  first: TextPoint;
}

/** What one pass over a JSON text finds. */
export interface JsonKeys {
  /**
   * Every member key (its opening quote) and every array element (its first character), by JSON
   * Pointer. A key given twice is at its last place, as `JSON.parse` keeps the last value.
   */
  positions: Map<string, TextPoint>;
  /** The keys given twice in one object, in the order of the text. */
  duplicates: DuplicateKey[];
}

/** Text that is not JSON: "Unexpected X, expected Y", at the place of X. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: TextPoint,
  ) {
    super(message);
  }
}

const VALUE =
  "a value (a string in double quotes, a number, true, false, null, an object or an array)";
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[\p{L}\p{N}_$]+/uy;
const ESCAPES = '"\\/bfnrt';

/** What the text holds at `index`, for a message: a word, a character, a line break, the end. */
function describeAt(text: string, index: number): string {
  if (index >= text.length) return "end of file";
  WORD.lastIndex = index;
  const word = WORD.exec(text)?.[0];
  if (word !== undefined) return `\`${word.length > 30 ? `${word.slice(0, 27)}...` : word}\``;
  const char = String.fromCodePoint(text.codePointAt(index) as number);
  if (char === "\n" || char === "\r") return "line break";
  if (/[\p{Cc}\p{Cf}\p{Z}]/u.test(char))
    return `U+${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}`;
  return char === "`" ? "`` ` ``" : `\`${char}\``;
}

/**
 * Reads `text` as JSON and returns where its keys are and which are given twice. Throws a
 * `JsonSyntaxError` at the first place that is not JSON.
 */
export function scanJson(text: string): JsonKeys {
  const positions = new Map<string, TextPoint>();
  const duplicates: DuplicateKey[] = [];
  let index = 0;
  let line = 1;
  let lineStart = 0;
  const point = (): TextPoint => ({ line, column: index - lineStart + 1 });
  const fail = (expected: string, what = describeAt(text, index)): never => {
    throw new JsonSyntaxError(`Unexpected ${what}, expected ${expected}`, point());
  };
  const skipSpace = () => {
    for (;;) {
      const char = text[index];
      if (char === "\n") [line, lineStart] = [line + 1, index + 1];
      else if (char !== " " && char !== "\t" && char !== "\r") return;
      index += 1;
    }
  };
  const expect = (char: string, expected: string) => {
    if (text[index] !== char) fail(expected);
    index += 1;
  };
  const readString = (): string => {
    const start = index;
    index += 1;
    for (;;) {
      const code = text.charCodeAt(index);
      if (Number.isNaN(code)) fail('`"` to close the string');
      if (code === 0x22) break;
      if (code < 0x20)
        fail(
          code === 0x0a || code === 0x0d ? '`"` before the line ends' : "it escaped (`\\u00XX`)",
        );
      if (code !== 0x5c) index += 1;
      else if (text[index + 1] === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6)))
          fail(
            "four hex digits after `\\u`",
            `\`${/^\\u[\dA-Fa-f]*/.exec(text.slice(index))?.[0]}\``,
          );
        index += 6;
      } else if (index + 1 < text.length && ESCAPES.includes(text[index + 1] as string)) index += 2;
      else
        fail(
          'an escape of `\\"`, `\\\\`, `\\/`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t` or `\\uXXXX`',
          `\`${text.slice(index, index + 2)}\``,
        );
    }
    index += 1;
    return JSON.parse(text.slice(start, index)) as string;
  };
  /** After a comma: a trailing comma gets its own words. */
  const noTrailingComma = (close: string, expected: string) => {
    if (text[index] === close) fail(`${expected} after the comma (JSON allows no trailing comma)`);
  };
  const readObject = (steps: readonly (string | number)[]) => {
    index += 1;
    skipSpace();
    if (text[index] === "}") return void (index += 1);
    const seen = new Map<string, TextPoint>();
    for (;;) {
      if (text[index] !== '"')
        fail(seen.size === 0 ? "a key in double quotes or `}`" : "a key in double quotes");
      const at = point();
      const key = readString();
      const child = [...steps, key];
      const first = seen.get(key);
      if (first) duplicates.push({ steps: child, at, first });
      else seen.set(key, at);
      positions.set(jsonPointer(child), at);
      skipSpace();
      expect(":", "`:` after the key");
      readValue(child);
      skipSpace();
      if (text[index] === "}") return void (index += 1);
      expect(",", "`,` or `}`");
      skipSpace();
      noTrailingComma("}", "another key");
    }
  };
  const readArray = (steps: readonly (string | number)[]) => {
    index += 1;
    skipSpace();
    if (text[index] === "]") return void (index += 1);
    for (let item = 0; ; item += 1) {
      const child = [...steps, item];
      skipSpace();
      positions.set(jsonPointer(child), point());
      readValue(child);
      skipSpace();
      if (text[index] === "]") return void (index += 1);
      expect(",", "`,` or `]`");
      skipSpace();
      noTrailingComma("]", "another value");
    }
  };
  const readValue = (steps: readonly (string | number)[]): void => {
    skipSpace();
    const first = text[index];
    if (first === "{") return readObject(steps);
    if (first === "[") return readArray(steps);
    if (first === '"') return void readString();
    NUMBER.lastIndex = index;
    const number = NUMBER.exec(text)?.[0];
    if (number !== undefined) return void (index += number.length);
    WORD.lastIndex = index;
    const word = WORD.exec(text)?.[0];
    if (word === "true" || word === "false" || word === "null") return void (index += word.length);
    fail(VALUE);
  };
  readValue([]);
  skipSpace();
  if (index < text.length) fail("the end of the file after the value");
  return { positions, duplicates };
}

/**
 * Where and why `text` (which `JSON.parse` rejected) is not JSON; undefined when the scan cannot say
 * (it accepts the text, or the text nests too deep for it).
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  try {
    scanJson(text);
    return undefined;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error;
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
