/**
 * The small checks generated `isX` functions call, and the issue collector reuses. docs2ts copies this
 * file into the output beside `runtime.ts`, which re-exports them: generated modules import from
 * `runtime.js` only. Everything here is captured or compiled once, at load.
 */

/**
 * The own-property test, captured once so that neither an own `hasOwnProperty` key on a value nor a
 * later change to `Object` can change what validators see.
 * @internal
 */
export const $own: (object: object, key: string) => boolean = Object.hasOwn;

/**
 * `Object.prototype`, captured: a value whose prototype is this one (or `null`) can only inherit the
 * keys this object has, so a generated check needs `$own` only for those keys (`in` is nearly free,
 * `$own` is most of the cost of a check on plain objects).
 * @internal
 */
export const $objectProto: object = Object.prototype;

/**
 * The prototype of an object, captured like `$own`.
 * @internal
 */
export const $proto: (object: object) => object | null = Object.getPrototypeOf;

/**
 * True for any non-null, non-array object.
 * @internal
 */
export function $object(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * True for a safe integer in the int32 range.
 * @internal
 */
export function $int32(value: unknown): boolean {
  return (
    Number.isSafeInteger(value) &&
    (value as number) >= -2147483648 &&
    (value as number) <= 2147483647
  );
}

/** RFC 3339 `full-date` and `date-time` (`t`, `z` and a space for `T` allowed, as RFC 3339 notes). */
const FULL_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_TIME =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** Whether the day of a matched date exists in its month (Feb 29 in leap years only). */
function dayExists(text: string): boolean {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days =
    month === 2
      ? leap
        ? 29
        : 28
      : month === 4 || month === 6 || month === 9 || month === 11
        ? 30
        : 31;
  return Number(text.slice(8, 10)) <= days;
}

/**
 * True for an RFC 3339 `full-date` string (`2024-05-01`).
 * @internal
 */
export function $fullDate(value: unknown): boolean {
  return typeof value === "string" && FULL_DATE.test(value) && dayExists(value);
}

/**
 * True for an RFC 3339 `date-time` string (`2024-05-01T12:00:00Z`, `...T12:00:00.5+02:00`).
 * @internal
 */
export function $dateTime(value: unknown): boolean {
  return typeof value === "string" && DATE_TIME.test(value) && dayExists(value);
}

/**
 * True for a `Date` holding a time (not `new Date("nonsense")`), with `dates: "Date"`.
 * @internal
 */
export function $dateObject(value: unknown): boolean {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
