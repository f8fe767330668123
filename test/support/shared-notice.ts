/**
 * Vitest global setup: says once, before the run, when ../shared is absent, so that a run from a plain
 * clone tells its reader why the corpus tests were skipped (vitest's summary counts them).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export default function sharedNotice(): void {
  const corpus = fileURLToPath(new URL("../../../shared/corpus/", import.meta.url));
  if (!existsSync(corpus))
    console.log(
      `\n${corpus} is absent: the tests that read the shared corpora, specs and seeds are skipped (see "skipped" below). CI runs them.\n`,
    );
}
