/**
 * Where each key of a JSON text is, so that findings about a JSON config can point at a line and
 * column. `JSON.parse` keeps no positions and a parser that does is a dependency for one use; this is a
 * scan over text that `JSON.parse` has already accepted, so it only has to find, not to validate.
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

/**
 * The position of every member key (its opening quote) and every array element (its first
 * character), by JSON Pointer. A key given twice is at its last place, as `JSON.parse` keeps the
 * last value. `text` must be valid JSON.
 */
export function jsonKeyPositions(text: string): Map<string, TextPoint> {
  const positions = new Map<string, TextPoint>();
  let index = 0;
  let line = 1;
  let lineStart = 0;
  const point = (): TextPoint => ({ line, column: index - lineStart + 1 });
  const skipSpace = () => {
    while (index < text.length && /[\s]/.test(text[index] as string)) {
      if (text[index] === "\n") {
        line += 1;
        lineStart = index + 1;
      }
      index += 1;
    }
  };
  const readString = (): string => {
    const start = index;
    index += 1;
    while (text[index] !== '"') index += text[index] === "\\" ? 2 : 1;
    index += 1;
    return JSON.parse(text.slice(start, index)) as string;
  };
  const readValue = (pointer: string): void => {
    skipSpace();
    const first = text[index];
    if (first === "{") {
      index += 1;
      skipSpace();
      while (text[index] !== "}") {
        const at = point();
        const key = readString();
        const child = `${pointer}${jsonPointer([key])}`;
        positions.set(child, at);
        skipSpace();
        index += 1; // the colon
        readValue(child);
        skipSpace();
        if (text[index] === ",") index += 1;
        skipSpace();
      }
      index += 1;
    } else if (first === "[") {
      index += 1;
      skipSpace();
      for (let item = 0; text[index] !== "]"; item += 1) {
        const child = `${pointer}/${item}`;
        positions.set(child, point());
        readValue(child);
        skipSpace();
        if (text[index] === ",") index += 1;
        skipSpace();
      }
      index += 1;
    } else if (first === '"') {
      readString();
    } else {
      // A number, true, false or null: up to the next delimiter.
      while (index < text.length && !/[\s,\]}]/.test(text[index] as string)) index += 1;
    }
  };
  readValue("");
  return positions;
}
