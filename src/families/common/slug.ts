/**
 * Heading slugs as docs sites link them: github-slugger's rule (GitHub, Docusaurus, Mintlify, most
 * Markdown renderers), lowercase, punctuation dropped, spaces as `-`, and a repeated slug on one page
 * suffixed `-1`, `-2`, ... in page order.
 */

/**
 * What github-slugger drops: every character that is not a letter, a mark, a number, a connector
 * (`_`), a `-` or a space.
 */
const DROPPED = /[^\p{L}\p{M}\p{N}\p{Pc} -]/gu;

/** The slug of a heading's text, before repeats are numbered (`Parcel Object` -> `parcel-object`). */
export function slugOf(text: string): string {
  return text.toLowerCase().replace(DROPPED, "").replace(/ /g, "-");
}

/** Numbers repeated slugs of one page as github-slugger does; one per page. */
export class Slugger {
  private readonly seen = new Map<string, number>();

  /** The next slug for `text` on this page (`json-params`, then `json-params-1`). */
  slug(text: string): string {
    const base = slugOf(text);
    let slug = base;
    while (this.seen.has(slug)) {
      const count = (this.seen.get(base) ?? 0) + 1;
      this.seen.set(base, count);
      slug = `${base}-${count}`;
    }
    this.seen.set(slug, 0);
    return slug;
  }
}
