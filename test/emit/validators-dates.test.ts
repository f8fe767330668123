/**
 * Dates and `[readonly]` fields: date-time fields as RFC 3339 strings (default, checked by syntax and
 * calendar) or as `Date` objects (`dates: "Date"`, checked for a time), `date` fields as `YYYY-MM-DD`,
 * and the JSDoc `@readonly` tag beside the `readonly` modifier.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileOutput, validatorsOf, type CompiledOutput } from "./validators-harness.js";

/** An OpenAPI Generator page (date-time, `[readonly]`) and a hand-written page (date, date-time). */
const input = fileURLToPath(new URL("../fixtures/dates", import.meta.url));

function moduleText(out: CompiledOutput, suffix: string): string {
  const file = out.result.files.find((f) => f.path.toLowerCase().endsWith(suffix));
  if (!file)
    throw new Error(`no module ${suffix} in ${out.result.files.map((f) => f.path).join()}`);
  return file.content;
}

async function load(out: CompiledOutput, suffix: string, name: string) {
  const file = out.result.files.find((f) => f.path.toLowerCase().endsWith(suffix));
  return validatorsOf(await out.load(file?.path ?? suffix), name);
}

describe('dates: "string" (default)', () => {
  let out: CompiledOutput;
  beforeAll(async () => (out = await compileOutput({ input })));
  afterAll(() => out.remove());

  it("types date-time fields as string and tags [readonly] fields @readonly", () => {
    const text = moduleText(out, "event.ts");
    expect(text).toMatch(/readonly Id: string;/);
    expect(text).toMatch(/The event's id\n\s*\* @readonly\n\s*\*\/\n\s*readonly Id: string;/);
    expect(text).toMatch(/\bAt: string;/);
    // Only the [readonly] field carries the tag.
    expect(text.match(/@readonly/g)).toHaveLength(1);
  });

  it.each([
    ["2024-05-01T12:00:00Z", true],
    ["2024-05-01T12:00:00.123456+02:00", true],
    ["2024-02-29t23:59:60z", true],
    ["2024-05-01 12:00:00-11:30", true],
    ["2024-05-01", false],
    ["2023-02-29T00:00:00Z", false],
    ["2024-04-31T00:00:00Z", false],
    ["2024-13-01T00:00:00Z", false],
    ["2024-05-01T24:00:00Z", false],
    ["2024-05-01T12:60:00Z", false],
    ["2024-05-01T12:00:00", false],
    ["2024-05-01T12:00:00+2:00", false],
    ["2024-05-01T12:00:00Z\n", false],
    ["yesterday", false],
  ])("date-time %j -> %s", async (at, valid) => {
    const v = await load(out, "event.ts", "Event");
    expect(v.is({ Id: "e1", At: at })).toBe(valid);
    expect(v.validate({ Id: "e1", At: at }).success).toBe(valid);
    // The optional field is checked the same way.
    expect(v.is({ Id: "e1", At: "2024-05-01T12:00:00Z", Ends: at })).toBe(valid);
  });

  it("rejects a Date object where an RFC 3339 string belongs, with a clear issue", async () => {
    const v = await load(out, "event.ts", "Event");
    const result = v.validate({ Id: "e1", At: new Date(0) });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.issues.map((i) => i.message)).toEqual([
        "At: expected date-time, received Date",
      ]);
    const text = v.validate({ Id: "e1", At: "yesterday" });
    if (!text.success)
      expect(text.issues.map((i) => i.message)).toEqual([
        'At: expected date-time, received string "yesterday"',
      ]);
  });

  it.each([
    ["2024-02-29", true],
    ["1999-12-31", true],
    ["2023-02-29", false],
    ["2024-5-1", false],
    ["2024-05-01T00:00:00Z", false],
    ["", false],
  ])("date %j -> %s", async (day, valid) => {
    const v = await load(out, "holiday.ts", "Holiday");
    expect(v.is({ day })).toBe(valid);
    const result = v.validate({ day });
    expect(result.success).toBe(valid);
    if (!result.success) expect(result.issues[0]?.expected).toBe("date");
  });
});

describe('dates: "Date"', () => {
  let out: CompiledOutput;
  beforeAll(async () => (out = await compileOutput({ input, dates: "Date" })));
  afterAll(() => out.remove());

  it("types date-time fields as Date and leaves date fields as strings", () => {
    expect(moduleText(out, "event.ts")).toMatch(/\bAt: Date;/);
    expect(moduleText(out, "event.ts")).toMatch(/\bEnds\?: Date;/);
    expect(moduleText(out, "holiday.ts")).toMatch(/\bday: string;/);
    expect(moduleText(out, "holiday.ts")).toMatch(/\bnoted\?: Date;/);
  });

  it("accepts Date objects holding a time and rejects invalid dates and strings", async () => {
    const v = await load(out, "event.ts", "Event");
    expect(v.is({ Id: "e1", At: new Date("2024-05-01T12:00:00Z") })).toBe(true);
    expect(v.is({ Id: "e1", At: new Date(0), Ends: new Date(8.64e15) })).toBe(true);
    expect(v.is({ Id: "e1", At: "2024-05-01T12:00:00Z" })).toBe(false);
    expect(v.is({ Id: "e1", At: 1714564800000 })).toBe(false);
    expect(v.is({ Id: "e1", At: { getTime: () => 0 } })).toBe(false);
    const result = v.validate({ Id: "e1", At: new Date("nonsense") });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.issues.map((i) => i.message)).toEqual([
        "At: expected Date, received invalid Date",
      ]);
    const holiday = await load(out, "holiday.ts", "Holiday");
    expect(holiday.is({ day: "2024-05-01", noted: new Date() })).toBe(true);
    expect(holiday.is({ day: new Date() })).toBe(false);
  });
});
