import { describe, expect, it } from "vitest";
import { narrowToListedValues, readListedValues } from "../../src/model/listed-values.js";

describe("readListedValues", () => {
  const closed: [string, string, string[]][] = [
    ["possible values are", "Possible values are: `parcel`, `letter`.", ["parcel", "letter"]],
    ["one of with or", "One of `small`, `medium` or `large`.", ["small", "medium", "large"]],
    [
      "can be one of",
      "The courier. Can be one of `ground`, `air`, or `sea`",
      ["ground", "air", "sea"],
    ],
    ["allowed values", "Allowed values: `open`, `shut`", ["open", "shut"]],
    ["must be one of, then more", "Must be one of `kg` or `lb`. Used for weights.", ["kg", "lb"]],
    [
      "quoted strings",
      'Possible values are "never" (default) and "automatic".',
      ["never", "automatic"],
    ],
    [
      "quotes in code spans",
      'Possible values are: `"red shelf"`, `"blue shelf"`.',
      ["red shelf", "blue shelf"],
    ],
    ["one per line", "Possible values are:\n`LOST`\n`FOUND`", ["LOST", "FOUND"]],
  ];
  it.each(closed)("reads %s", (_, text, values) => {
    expect(readListedValues(text)).toEqual({ values, open: false });
  });

  const none: [string, string][] = [
    ["e.g.", "The parcel size, e.g. `small`, `large`."],
    ["such as", "A carrier such as `ground` or `air`."],
    ["include", "Possible values include `ground` and `air`."],
    ["bare words", "Possible values are ground, air."],
    ["values with their meaning", "Possible values are: `a`: the first `b`: the second"],
    [
      "sentence goes on",
      "Must be one of `kg` or `lb` for parcels. Must be one of `g` for letters.",
    ],
    ["list left open", "One of `ground`, `air`, etc."],
    ["one value", "Must be one of `kg`."],
    ["two lists", "One of `a` or `b`. For shelves, one of `c` or `d`."],
    ["no list", "Can be one of the possible values."],
    ["empty as well", "One of `lost` or `late`. Empty when the parcel arrived."],
  ];
  it.each(none)("reads nothing from %s", (_, text) => {
    expect(readListedValues(text)).toBeUndefined();
  });

  it("makes the list open where the docs say values may be added", () => {
    expect(
      readListedValues("One of `ground` or `air`. More values may be added in later versions."),
    ).toEqual({ values: ["ground", "air"], open: true });
  });
});

describe("narrowToListedValues", () => {
  it("narrows a plain string to its listed values", () => {
    expect(narrowToListedValues({ kind: "string" }, "One of `a` or `b`.")).toEqual({
      kind: "union",
      members: [
        { kind: "literal", value: "a" },
        { kind: "literal", value: "b" },
      ],
    });
  });
  it("keeps any string beside the values of an open list", () => {
    expect(
      narrowToListedValues(
        { kind: "string" },
        "One of `a` or `b`. `b` is a placeholder for later values.",
      ),
    ).toEqual({
      kind: "union",
      members: [
        { kind: "literal", value: "a" },
        { kind: "literal", value: "b" },
        { kind: "string" },
      ],
    });
  });
  it("leaves other types alone", () => {
    expect(narrowToListedValues({ kind: "number" }, "One of `1` or `2`.")).toEqual({
      kind: "number",
    });
    expect(narrowToListedValues({ kind: "string", format: "date" }, "One of `a` or `b`.")).toEqual({
      kind: "string",
      format: "date",
    });
  });
});
