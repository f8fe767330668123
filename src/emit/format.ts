/**
 * Formats generated modules with prettier, with options fixed by docs2ts so that the output does not
 * depend on the machine or on a user's prettier configuration.
 */
import type { Options } from "prettier";

import { PRINT_WIDTH } from "../core/text.js";

/** The options docs2ts formats with (no config file is consulted). */
export const PRETTIER_OPTIONS: Options = {
  parser: "babel-ts",
  printWidth: PRINT_WIDTH,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  quoteProps: "as-needed",
  trailingComma: "all",
  bracketSpacing: true,
  arrowParens: "always",
  endOfLine: "lf",
  proseWrap: "preserve",
};

let prettier: typeof import("prettier") | undefined;

/** Formats one TypeScript module. Prettier is loaded on first use (an unchanged re-run never needs it). */
export async function formatModule(text: string): Promise<string> {
  prettier ??= await import("prettier");
  return prettier.format(text, PRETTIER_OPTIONS);
}
