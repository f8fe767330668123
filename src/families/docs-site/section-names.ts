/**
 * A model's name from its section's heading, as hand-written API references word it: the words around
 * the type's name taken off (`Parcel Object`, `Shelf Structure`, `The Invoice object`, `Invoice
 * resource`, `Parcel Properties` -> the name), and a heading that names no subject of its own (`JSON
 * Params`, `Response Body`) named after its parent section (`Create Parcel JSON Params`); the words
 * joined as one identifier (`CreateParcelJSONParams`), as the docs' own type names are.
 */

/** Words before the type's name that say nothing of it. */
const LEADING = /^(?:the|an?)\s+/i;

/** Words after the type's name that say it is a type (a table of words, in the order tried). */
const TRAILING_WORDS = [
  "object",
  "objects",
  "structure",
  "resource",
  "schema",
  "properties",
  "attributes",
  "fields",
  "model",
  "definition",
  "type definition",
];

const TRAILING = new RegExp(`\\s+(?:${TRAILING_WORDS.join("|")})\\s*$`, "i");

/** Words of a heading that names a part of an operation or model, not a subject. */
const GENERIC_WORDS = new Set([
  "json",
  "form",
  "query",
  "string",
  "path",
  "params",
  "parameters",
  "param",
  "request",
  "response",
  "body",
  "payload",
  "fields",
  "structure",
  "object",
  "properties",
  "attributes",
  "data",
  "returns",
  "return",
  "value",
  "values",
]);

/** The heading without the words around the type's name (`Parcel Object` -> `Parcel`). */
export function subjectOf(heading: string): string {
  const bare = heading
    .replace(/`/g, "")
    .replace(/[~*_]{2}/g, "")
    .trim();
  let stripped = bare.replace(LEADING, "");
  // `Message Call Object Structure`: every trailing word that says it is a type.
  for (let next = stripped.replace(TRAILING, ""); next !== stripped && next.trim() !== "";)
    [stripped, next] = [next, next.replace(TRAILING, "")];
  return stripped.trim() === "" ? bare : stripped.trim();
}

/** A name's words as one identifier: each word's first letter capitalised (`Shelf Slot` -> `ShelfSlot`). */
export function identifierOf(text: string): string {
  const words = text.split(/[^\p{L}\p{N}_$]+/u).filter((w) => w !== "");
  const joined = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  return /^\p{N}/u.test(joined) ? `_${joined}` : joined;
}

/** A subject's letters for comparing: lowercase, a plural's final `s` off (`Collectibles`). */
const subjectKey = (heading: string) =>
  identifierOf(subjectOf(heading)).toLowerCase().replace(/s$/, "");

/** True when every word of the heading names a part, not a subject (`JSON Params`). */
export function namesNoSubject(heading: string): boolean {
  const words = heading
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
  return words.length > 0 && words.every((w) => GENERIC_WORDS.has(w));
}

/** The model's name: its heading's subject, after its parent's subject when it names none. */
export function modelName(heading: string, parent: string | undefined): string {
  if (parent !== undefined && namesNoSubject(heading))
    return identifierOf(`${subjectOf(parent)} ${heading.trim()}`);
  return identifierOf(subjectOf(heading));
}

/** Whether two headings name one subject (`Parcel Object` and `Parcel Structure`). */
export function sameSubject(heading: string, parent: string): boolean {
  return subjectKey(heading) === subjectKey(parent);
}
