/**
 * "Did you mean" (issue 15): the shared edit-distance helpers, the suggestions `unknown-type` warnings
 * give from each dialect's spelling tables, and file errors told in words, never as Node codes.
 */
import { describe, expect, it } from "vitest";
import { describeFileError } from "../../src/commands/cli-run.js";
import { dialectRules } from "../../src/dialects/dialect-rules.js";
import type { ResolvedDialect } from "../../src/dialects/dialect-rules.js";
import { typeSuggestion } from "../../src/model/page-context.js";
import { didYouMean, nearestWords, wordDistance } from "../../src/core/suggest.js";

describe("wordDistance and nearestWords", () => {
  it.each([
    ["strng", "string", 1],
    ["kitten", "sitting", 3],
    ["", "abc", 3],
    ["same", "same", 0],
  ])("%s -> %s is %i edits", (a, b, want) => {
    expect(wordDistance(a, b)).toEqual({ edits: want, caseEdits: 0 });
  });

  it("returns every candidate at the smallest distance, none past the limit, never the word itself", () => {
    // Both are one edit away; `baz` needs no change of case as well, so it comes first.
    expect(nearestWords("bar", ["Bars", "baz", "foo", "bar"], 1)).toEqual(["baz", "Bars"]);
    expect(nearestWords("qqqq", ["string", "number"])).toEqual([]);
  });

  it.each<[string, string, { edits: number; caseEdits: number }]>([
    ["description", "Description", { edits: 0, caseEdits: 1 }],
    ["models/AssistantObject.md", "models/assistantobject.md", { edits: 0, caseEdits: 2 }],
    ["strng", "string", { edits: 1, caseEdits: 0 }],
    ["Strng", "string", { edits: 1, caseEdits: 1 }],
    ["same", "same", { edits: 0, caseEdits: 0 }],
  ])("wordDistance(%s, %s): edits ignore case, case changes are counted apart", (a, b, want) => {
    expect(wordDistance(a, b)).toEqual(want);
  });

  it.each<[string, string[], string[]]>([
    // A word in another letter case is the suggestion, before any one-edit neighbour.
    ["description", ["Descriptions", "descriptions", "Description"], ["Description"]],
    ["StatusActive", ["StatusInactive", "statusactive"], ["statusactive"]],
    [
      "models/components/AssistantObject.md",
      ["models/components/assistantobjects.md", "models/components/assistantobject.md"],
      ["models/components/assistantobject.md"],
    ],
    // Among words as many edits away, fewer case changes come first.
    ["Nme", ["name", "Name", "names"], ["Name", "name"]],
  ])("nearestWords(%s) prefers case-only differences", (given, candidates, want) => {
    expect(nearestWords(given, candidates)).toEqual(want);
  });

  it("counts case changes as the excess of the case-sensitive distance (fastest-levenshtein's)", () => {
    // Two edits ignoring case (insert `bb`), three with case counted: one case change, where the
    // own count took the two case changes along the case-blind path (`a` -> `A`, `b` -> `B`).
    expect(wordDistance("ab", "bbAB")).toEqual({ edits: 2, caseEdits: 1 });
  });

  it("didYouMean: of candidates as many edits away, the one in the letter case written", () => {
    expect(didYouMean("Nme", ["name", "Name"])).toBe(' (did you mean "Name"?)');
    expect(didYouMean("OUT", ["input", "out"])).toBe(' (did you mean "out"?)');
  });

  it("keeps config's didYouMean", () => {
    expect(didYouMean("inptu", ["input", "out"])).toBe(' (did you mean "input"?)');
    expect(didYouMean("zzzzzz", ["input", "out"])).toBe("");
  });
});

/** [dialect, spelling, suggestion]. */
const TYPE_CASES: Array<[ResolvedDialect, string, string]> = [
  ["speakeasy-go", "strng", " (did you mean `string`?)"],
  ["speakeasy-go", "bolean", " (did you mean `boolean`?)"],
  ["speakeasy-ts", "Recrd<string, number>", " (did you mean `record`?)"],
  ["speakeasy-python", "Optinal[str]", " (did you mean `optional`?)"],
  ["hand-written", "array of strng", " (did you mean `string`?)"],
  [
    "speakeasy-go",
    "map[strng]intt64",
    " (did you mean `string` for `strng`, `int64` for `intt64`?)",
  ],
  // Digits are not misspelt: int128 is no int8 or int16.
  ["speakeasy-go", "int128", ""],
  // Short words and far words get nothing.
  ["speakeasy-go", "Foo", ""],
  ["speakeasy-go", "Frobnicator", ""],
];

describe("typeSuggestion", () => {
  it.each(TYPE_CASES)("%s: %s", (dialect, spelling, want) => {
    expect(typeSuggestion(spelling, dialectRules(dialect).spellings)).toBe(want);
  });
});

describe("describeFileError", () => {
  it.each([
    [
      {
        code: "ENOTDIR",
        path: "README.md/x",
        message: "ENOTDIR: not a directory, scandir 'README.md/x'",
      },
      "cannot access README.md/x: a part of the path is a file, not a folder",
    ],
    [
      { code: "EACCES", path: "gen", message: "EACCES: permission denied, open 'gen'" },
      "cannot access gen: permission denied",
    ],
    [
      { code: "EXDEV", message: "EXDEV: cross-device link not permitted, rename 'a' -> 'b'" },
      "cross-device link not permitted",
    ],
  ])("%j", (error, want) => {
    const text = describeFileError(Object.assign(new Error(error.message), error));
    expect(text).toBe(want);
    expect(text).not.toMatch(/\bE[A-Z]{3,}\b/);
  });
});
