/**
 * The JSON scan behind config positions (src/pipeline/json-positions.ts): it must accept exactly what
 * `JSON.parse` accepts, or a valid config would be refused (or a broken one located nowhere). Checked
 * on every one-character deletion, insertion and replacement of a config text; the keys' positions
 * and the keys given twice are checked in test/pipeline/overrides.test.ts and test/pipeline/config.test.ts.
 */
import { describe, expect, it } from "vitest";
import { JsonSyntaxError, jsonSyntaxError, scanJson } from "../../src/pipeline/json-positions.js";

const CONFIG = JSON.stringify(
  {
    input: "docs",
    limits: { maxTypeDepth: 8 },
    typeMap: { "decimal.Decimal": "string" },
    overrides: { "a/b.md": { values: { add: [1, -2.5e3, true, false, null, 'é\\"\n\t/'] } } },
  },
  null,
  2,
);
/** Characters that matter to the grammar, and some that do not belong in it. */
const CHARACTERS = [...'",:{}[] \n\t\r\\/x0-.eEu', "\u0001", "\u00a0", "t", "n"];

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function scans(text: string): boolean {
  try {
    scanJson(text);
    return true;
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return false;
  }
}

describe("scanJson", () => {
  it("accepts what JSON.parse accepts and nothing else, on every one-character edit of a config", () => {
    const disagreements: string[] = [];
    let checked = 0;
    for (let i = 0; i <= CONFIG.length; i += 1) {
      const edits = [
        CONFIG.slice(0, i) + CONFIG.slice(i + 1),
        ...CHARACTERS.flatMap((c) => [
          CONFIG.slice(0, i) + c + CONFIG.slice(i),
          CONFIG.slice(0, i) + c + CONFIG.slice(i + 1),
        ]),
      ];
      for (const text of edits) {
        checked += 1;
        if (parses(text) !== scans(text)) disagreements.push(JSON.stringify(text));
      }
    }
    expect(checked).toBeGreaterThan(5000);
    expect(disagreements).toEqual([]);
  });

  it("places a syntax error at its line and column, counting UTF-16 code units", () => {
    const error = jsonSyntaxError('{\n  "a": 1,\n  "naïve 🚀": 2,,\n}');
    expect(error?.at).toEqual({ line: 3, column: 17 });
    expect(jsonSyntaxError('{ "a": 1 } ')).toBeUndefined();
    // Deeper than the scan's stack: no place, rather than a crash (the caller keeps JSON.parse's words).
    expect(jsonSyntaxError(`${"[".repeat(200_000)}x`)).toBeUndefined();
  });
});
