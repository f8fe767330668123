/**
 * Decides a page's dialect: the `dialect` option when it names one (for all pages, or per folder),
 * else signals on the page itself (section titles, table markers, code-block languages, spellings).
 */
import type { Root, RootContent } from "mdast";
import type { Dialect } from "../core/options.js";
import { plainText } from "../parse/inline.js";
import type { ResolvedDialect } from "./dialect-rules.js";

/** The dialect option as resolved: one dialect, or one per folder prefix. */
export type DialectOption = Dialect | Readonly<Record<string, Dialect>>;

/**
 * The dialect the option assigns to `file` (relative to the input root): the option itself, or the
 * value of the longest folder prefix that contains the file (`"models/"` and `"models"` both match
 * `models/x.md`), else `auto`.
 */
export function dialectFor(file: string, option: DialectOption): Dialect {
  if (typeof option === "string") return option;
  let best: { length: number; dialect: Dialect } | undefined;
  for (const [key, dialect] of Object.entries(option)) {
    const prefix = key.replace(/^\.\//, "").replace(/\/+$/, "");
    const matches = prefix === "" || prefix === "." || file.startsWith(`${prefix}/`);
    const length = prefix === "." ? 0 : prefix.length;
    if (matches && (best === undefined || length > best.length)) best = { length, dialect };
  }
  return best?.dialect ?? "auto";
}

const SPEAKEASY_SECTIONS = new Set(["fields", "values", "supported types", "example usage"]);
const SPEAKEASY_MARKER = /:heavy_(check_mark|minus_sign):/;
const OPENAPI_ENUM_BULLET = /\(value:\s*`/;
const PYTHON_SPELLING = /\b(Optional|Nullable|OptionalNullable|List|Dict|Literal)\[/;
/** Code-block languages of Speakeasy SDKs other than TypeScript and Python. */
const OTHER_SDK_LANGUAGES = new Set([
  "go",
  "java",
  "kotlin",
  "csharp",
  "cs",
  "c#",
  "php",
  "ruby",
  "rb",
  "swift",
  "rust",
  "dart",
  "scala",
  "terraform",
  "hcl",
]);
/** TypeScript words, and `Date` linked to the JavaScript reference (other SDKs link their own date types). */
const TYPESCRIPT_SPELLING =
  /\*(number|boolean)\*|Record<|\[Date\]\(https:\/\/developer\.mozilla\.org\//;

function sectionTitles(root: Root): Set<string> {
  const titles = new Set<string>();
  for (const node of root.children)
    if (node.type === "heading" && node.depth === 2)
      titles.add(plainText(node).trim().toLowerCase());
  return titles;
}

/** The languages of a page's code blocks, lowercase. */
export function codeLanguages(nodes: readonly RootContent[]): Set<string> {
  const languages = new Set<string>();
  for (const node of nodes)
    if (node.type === "code" && node.lang) languages.add(node.lang.toLowerCase());
  return languages;
}

/** Reads the dialect off the page: see the module comment. */
export function detectDialect(root: Root, source: string): ResolvedDialect {
  const titles = sectionTitles(root);
  if (titles.has("properties") || (titles.has("enum") && OPENAPI_ENUM_BULLET.test(source)))
    return "openapi-generator";
  const speakeasy =
    SPEAKEASY_MARKER.test(source) ||
    titles.has("supported types") ||
    titles.has("example usage") ||
    titles.has("union discrimination");
  if (!speakeasy || ![...titles].some((title) => SPEAKEASY_SECTIONS.has(title)))
    return "hand-written";
  const languages = codeLanguages(root.children);
  if (languages.has("typescript") || languages.has("ts")) return "speakeasy-ts";
  if (languages.has("python") || languages.has("py")) return "speakeasy-python";
  // Go and the other SDK languages (Java, C#, PHP, Ruby, ...) read alike: speakeasy-go's rules.
  if ([...languages].some((language) => OTHER_SDK_LANGUAGES.has(language))) return "speakeasy-go";
  if (PYTHON_SPELLING.test(source)) return "speakeasy-python";
  if (TYPESCRIPT_SPELLING.test(source)) return "speakeasy-ts";
  return "speakeasy-go";
}

/** The page's dialect: the option's, or detected when the option says `auto`. */
export function dialectOfPage(
  file: string,
  root: Root,
  source: string,
  option: DialectOption = "auto",
): ResolvedDialect {
  const chosen = dialectFor(file, option);
  return chosen === "auto" ? detectDialect(root, source) : chosen;
}
