/**
 * Cross-language agreement: the same API documented by SDK generators in several languages reads
 * into the same declarations, up to naming convention. For each family, every folder is compared
 * with a reference folder on the pages both have (test/support/agreement.ts): declaration kind,
 * fields, optionality, nullability, coarse field types, enum values and union members.
 *
 * What still differs is pinned in test/fixtures/cross-language/known-differences.json, each entry
 * with the docs line that causes it and a one-line reason. The computed differences must equal that
 * table exactly: when a reading fix (or a docs change) removes a difference, this test FAILS until
 * the entry is removed or its count lowered, so the table never lists differences that are gone.
 *
 * Refresh: `DOCS2TS_PRINT_DIFFERENCES=1 npx vitest run test/end-to-end/cross-language.test.ts` prints a draft
 * table (known entries with their current counts, new differences as `TODO` entries grouped by
 * spelling; `DOCS2TS_PRINT_DIFFERENCES=/tmp/draft.json` writes it to that file instead). Read the
 * pages behind each TODO: a reading bug goes to the reader, a real docs difference gets a reason.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { compareFolders, type Comparison, type Folder } from "../support/agreement.js";
import { corpus, describeShared } from "../support/helpers.js";
import { checkFolder, draftTable, formatTable, type Table } from "../support/known-differences.js";

const FAMILIES = [
  {
    // Ruby and PHP document an older version of the API: some differences are API changes.
    reference: "speakeasy-ts-fastpix",
    others: [
      "speakeasy-ruby-fastpix",
      "speakeasy-php-fastpix",
      "speakeasy-java-fastpix",
      "speakeasy-csharp-fastpix",
    ],
  },
  {
    // One release; the Java docs are the reference because they list enum values.
    reference: "openapi-generator-plaid-java",
    others: [
      "openapi-generator-plaid-python",
      "openapi-generator-plaid-ruby",
      "openapi-generator-plaid-php",
      "openapi-generator-plaid-csharp",
      "openapi-generator-plaid-rust",
    ],
  },
];

const TABLE_PATH = new URL("../fixtures/cross-language/known-differences.json", import.meta.url);
const TABLE = JSON.parse(readFileSync(TABLE_PATH, "utf8")) as Table;

const folders = new Map<string, Promise<Folder>>();
function read(name: string): Promise<Folder> {
  let folder = folders.get(name);
  if (!folder) {
    // Keep only what the comparison needs: the generated files of 11 folders are large.
    folder = generate({ input: corpus(name), cache: false }).then((result) => ({
      name,
      root: corpus(name),
      decls: result.decls,
      diagnostics: result.diagnostics,
    }));
    folders.set(name, folder);
  }
  return folder;
}

const comparisons = new Map<string, Comparison>();

describeShared.each(
  FAMILIES.flatMap((f) => f.others.map((other) => [other, f.reference] as const)),
)("%s against %s", (other, reference) => {
  it("differs only by the known differences", async () => {
    const comparison = compareFolders(await read(reference), await read(other));
    comparisons.set(other, comparison);
    const { actual, expected } = checkFolder(TABLE, other, comparison);
    expect(actual).toEqual(expected);
  }, 300_000);
});

afterAll(() => {
  const print = process.env.DOCS2TS_PRINT_DIFFERENCES;
  if (!print || print === "0") return;
  const names = FAMILIES.flatMap((family) => family.others);
  const text = formatTable(draftTable(TABLE, names, comparisons));
  if (print === "1") console.log(text);
  else writeFileSync(print, text);
});
