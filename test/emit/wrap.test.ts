/** Doc comment wrapping: long paragraph lines break at spaces; Markdown structure is never created or broken. */
import { describe, expect, it } from "vitest";
import { wrapDocText } from "../../src/emit/wrap.js";

describe("wrapDocText", () => {
  it.each([
    ["a short line stays", "one two three", 20, "one two three"],
    ["breaks at spaces", "aaa bbb ccc ddd", 7, "aaa bbb\nccc ddd"],
    [
      "keeps a word longer than the width whole",
      "https://example.com/a/very/long/url x",
      10,
      "https://example.com/a/very/long/url\nx",
    ],
    ["leaves list items alone", "- a b c d e f g h", 5, "- a b c d e f g h"],
    ["leaves table rows alone", "| a | b | c | d |", 5, "| a | b | c | d |"],
    ["leaves fenced code alone", "```\na b c d e f\n```", 5, "```\na b c d e f\n```"],
    ["never starts a line with a list marker", "aaa bbb - ccc", 7, "aaa bbb -\nccc"],
    ["never starts a line with a number and dot", "aaa bbb 1. ccc", 8, "aaa bbb 1.\nccc"],
    ["never starts a line with a heading or quote mark", "aaa # bbb > ccc", 4, "aaa #\nbbb >\nccc"],
  ])("%s", (_name, given, width, want) => {
    expect(wrapDocText(given, width)).toBe(want);
  });

  it("only ever replaces spaces with line breaks", () => {
    const text = "Set of 16 key-value pairs that can be attached to an object. ".repeat(20);
    const wrapped = wrapDocText(text, 90);
    expect(wrapped.replace(/\n/g, " ")).toBe(text);
    expect(Math.max(...wrapped.split("\n").map((line) => line.length))).toBeLessThanOrEqual(90);
  });
});
