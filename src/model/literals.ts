/**
 * Literal values as written in enum lists and "one of" sentences: `"a"`, `'a'`, `42`, `-0`, `1.5`,
 * `true`, `True`. Numbers must be finite and exactly representable; anything else is a problem the
 * caller reports.
 */

import type { TypeRef } from "../core/model.js";

/** A literal read from text, or why it could not be read. */
export type LiteralResult =
  { ok: true; value: string | number | boolean } | { ok: false; reason: string };

const NUMBER_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const INTEGER_TEXT = /^-?\d+$/;

/**
 * A number literal: finite, and for integers within the safe range (a larger integer would silently
 * change value in JavaScript). `-0` stays `-0`.
 */
export function readNumberLiteral(text: string): LiteralResult {
  if (!NUMBER_TEXT.test(text)) return { ok: false, reason: `\`${text}\` is not a decimal number` };
  const value = Number(text);
  if (!Number.isFinite(value))
    return { ok: false, reason: `\`${text}\` is out of the range of a JavaScript number` };
  if (INTEGER_TEXT.test(text) && !Number.isSafeInteger(value))
    return { ok: false, reason: `\`${text}\` is beyond the safe integer range (±2^53 - 1)` };
  return { ok: true, value };
}

/**
 * A quoted string, a number, or a boolean. Unquoted other text is a string when `bareStrings` is set
 * (hand-written lists, Speakeasy Go value tables), else a problem.
 */
export function readLiteral(raw: string, bareStrings: boolean): LiteralResult {
  const text = raw.trim();
  const quoted = /^"((?:[^"\\]|\\.)*)"$|^'((?:[^'\\]|\\.)*)'$/.exec(text);
  if (quoted) {
    const inner = quoted[1] ?? quoted[2] ?? "";
    return { ok: true, value: inner.replace(/\\(.)/g, "$1") };
  }
  if (/^-?[\d.]/.test(text) && /^[-+\d.eE]+$/.test(text)) return readNumberLiteral(text);
  if (/^(true|false)$/i.test(text)) return { ok: true, value: text.toLowerCase() === "true" };
  if (/^(nan|[-+]?infinity|[-+]?inf)$/i.test(text))
    return { ok: false, reason: `\`${text}\` has no JSON representation` };
  if (bareStrings && text !== "") return { ok: true, value: text };
  return { ok: false, reason: `\`${text}\` is not a quoted string, a number or a boolean` };
}

/** The type of a set of literal values: the one literal, or their union. */
export function literalsType(values: readonly (string | number | boolean)[]): TypeRef {
  const literals = values.map((value): TypeRef => ({ kind: "literal", value }));
  return literals.length === 1 ? (literals[0] as TypeRef) : { kind: "union", members: literals };
}
