/**
 * Checks a config whole, as tsc checks a program: every bad option is a problem with the steps of its
 * key, so the user sees them all at once, each at its place (config.ts turns steps into `file:line:col`).
 * Misspelt option names, choices, rule ids, severities and `typeMap` types get a did-you-mean.
 */
import { DEFAULT_LIMITS, DIALECTS, type GenerateOptions } from "../core/options.js";
import { RULES_BY_SECTION } from "../core/diagnostics.js";
import { didYouMean } from "../core/suggest.js";
import { dialectRules } from "../dialects/dialect-rules.js";
import { parseTypeTokens } from "../dialects/grammar.js";
import { tokenizeText, type Token } from "../dialects/tokens.js";
import { typeSuggestion } from "../model/page-context.js";
import { overridesProblem } from "./overrides-config.js";
import { TARGET_IDS, unknownTarget } from "./targets/registry.js";

/** One bad option: the steps of its key from the config's root, and what is wrong. */
export interface ConfigProblem {
  steps: (string | number)[];
  message: string;
}

interface Rule {
  check: (value: unknown) => boolean;
  expected: string;
  /** The allowed strings, for a "did you mean" on a misspelt value. */
  choices?: readonly string[];
  /** Problems inside a value of the right shape (a rule id that does not exist). */
  inner?: (value: Record<string, unknown>, key: string) => ConfigProblem[];
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isString = (value: unknown) => typeof value === "string";
const isPositiveInteger = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 1;
const isDialect = (value: unknown) =>
  typeof value === "string" && (DIALECTS as readonly string[]).includes(value);

const path: Rule = { check: isString, expected: "a folder path" };
const flag: Rule = { check: (v) => typeof v === "boolean", expected: "true or false" };
const count: Rule = { check: isPositiveInteger, expected: "a whole number of at least 1" };
function oneOf(...choices: string[]): Rule {
  const quoted = choices.map((c) => `"${c}"`);
  return {
    check: (value) => typeof value === "string" && choices.includes(value),
    expected: `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`,
    choices,
  };
}

const RULE_IDS: readonly string[] = Object.values(RULES_BY_SECTION).flat();
const SEVERITIES = ["off", "info", "warning", "error"];

/** A severity, with a did-you-mean for a misspelt one; `key` names the setting in messages. */
function severityProblem(
  setting: unknown,
  key: string,
  steps: (string | number)[],
): ConfigProblem[] {
  if (typeof setting === "string" && SEVERITIES.includes(setting)) return [];
  const hint = typeof setting === "string" ? didYouMean(setting, SEVERITIES) : "";
  return [
    {
      steps,
      message: `option "${key}" must be "off", "info", "warning" or "error", got ${show(setting)}${hint}`,
    },
  ];
}

/** The `{ "pages": [...] }` of a rule entry for some pages: page paths or patterns, at least one. */
function rulePagesProblems(
  options: unknown,
  key: string,
  steps: (string | number)[],
): ConfigProblem[] {
  if (!isPlainObject(options))
    return [{ steps, message: `option "${key}" must be { "pages": [...] }, got ${show(options)}` }];
  const problems: ConfigProblem[] = Object.keys(options)
    .filter((name) => name !== "pages")
    .map((name) => ({
      steps: [...steps, name],
      message: `unknown key "${name}" in option "${key}"${didYouMean(name, ["pages"])}; expected "pages"`,
    }));
  const pages = options["pages"];
  if (!Array.isArray(pages) || pages.length === 0 || !pages.every((p) => isString(p) && p !== ""))
    problems.push({
      steps: pages === undefined ? steps : [...steps, "pages"],
      message: `option "${key}.pages" must be a non-empty array of page paths or patterns ("models/pet.md", "models/legacy/**"), got ${show(pages)}`,
    });
  return problems;
}

/**
 * Each rule id must exist and each setting be a severity, or `[severity, { "pages": [...] }]` (the
 * severity on those pages only).
 */
function ruleProblems(rules: Record<string, unknown>, key: string): ConfigProblem[] {
  return Object.entries(rules).flatMap(([id, setting]): ConfigProblem[] => {
    if (!RULE_IDS.includes(id))
      return [
        {
          steps: [key, id],
          message: `unknown rule id "${id}" in option "${key}"${didYouMean(id, RULE_IDS)}; the rule ids are listed in docs/rules.md`,
        },
      ];
    if (!Array.isArray(setting)) return severityProblem(setting, `${key}.${id}`, [key, id]);
    if (setting.length !== 2)
      return [
        {
          steps: [key, id],
          message: `option "${key}.${id}" must be [severity, { "pages": [...] }], got ${show(setting)}`,
        },
      ];
    return [
      ...severityProblem(setting[0], `${key}.${id}[0]`, [key, id, 0]),
      ...rulePagesProblems(setting[1], `${key}.${id}[1]`, [key, id, 1]),
    ];
  });
}

const tokensOf = (text: string): Token[] => {
  const tokens: Token[] = [];
  tokenizeText(text, tokens);
  return tokens;
};

/**
 * A `typeMap` value must be a type some dialect reads (a primitive, a shape, a model's name): a
 * misspelt one (`unkown`) would turn up as a warning at every cell it replaced, blamed on the docs.
 */
function typeMapProblems(map: Record<string, unknown>, key: string): ConfigProblem[] {
  const dialects = DIALECTS.filter((d) => d !== "auto");
  return Object.entries(map).flatMap(([spelling, type]): ConfigProblem[] => {
    const text = String(type);
    const reads = dialects.some((dialect) => {
      const spellings = dialectRules(dialect).spellings;
      const cell = parseTypeTokens(tokensOf(text), { spellings });
      return !cell.problems.some((p) => p.rule === "unknown-type" || p.rule === "type-too-deep");
    });
    if (reads) return [];
    const hint = typeSuggestion(text, dialectRules("hand-written").spellings);
    return [
      {
        steps: [key, spelling],
        message: `option "${key}.${spelling}" names no type docs2ts reads: ${show(type)}${hint}; expected a primitive (\`string\`, \`number\`, \`unknown\`, ...), a shape (\`[]string\`) or a model's name`,
      },
    ];
  });
}

/** Each entry of `emit` must name a target (pipeline/targets/registry.ts). */
function emitProblems(ids: Record<string, unknown>, key: string): ConfigProblem[] {
  return Object.entries(ids).flatMap(([index, id]): ConfigProblem[] => {
    const problem = unknownTarget(id as string);
    return problem === undefined
      ? []
      : [{ steps: [key, Number(index)], message: `option "${key}[${index}]": ${problem}` }];
  });
}

/** One rule per option; typed over `GenerateOptions` so a new option cannot be forgotten here. */
const OPTION_RULES: Record<keyof GenerateOptions, Rule> = {
  input: path,
  out: path,
  fieldNames: oneOf("as-documented", "snake_case", "camelCase"),
  enumStyle: oneOf("const-object", "enum", "union"),
  typeMap: {
    check: (v) => isPlainObject(v) && Object.values(v).every(isString),
    expected: "an object of type spellings to type spellings",
    inner: typeMapProblems,
  },
  cache: flag,
  cacheDir: path,
  maxErrors: count,
  regenerateCommand: { check: isString, expected: "a command line" },
  emit: {
    check: (v) => Array.isArray(v) && v.every(isString),
    expected: `an array of outputs (${TARGET_IDS.join(", ")})`,
    inner: emitProblems,
  },
  // Deprecated aliases of `emit` (the command line says so once per run).
  validators: flag,
  jsonSchema: flag,
  unknownKeys: oneOf("allow", "reject"),
  optionalUndefined: oneOf("accept", "reject"),
  int64: oneOf("number", "bigint"),
  maxIssues: count,
  maxDepth: count,
  dialect: {
    check: (v) => isDialect(v) || (isPlainObject(v) && Object.values(v).every(isDialect)),
    expected: `one of ${DIALECTS.join(", ")}, or an object of folder -> dialect`,
    choices: DIALECTS,
  },
  dates: oneOf("string", "Date"),
  limits: {
    check: (v) =>
      isPlainObject(v) &&
      Object.entries(v).every(([k, n]) => Object.hasOwn(DEFAULT_LIMITS, k) && isPositiveInteger(n)),
    expected: `an object with any of ${Object.keys(DEFAULT_LIMITS).join(", ")} (whole numbers)`,
  },
  templates: path,
  importExtension: oneOf(".js", ".ts"),
  rules: {
    check: isPlainObject,
    expected:
      'an object of rule ids to "off", "info", "warning" or "error" (or [severity, { "pages": [...] }])',
    inner: ruleProblems,
  },
  strict: flag,
  // The shape is checked here; every key inside by overrides-config.ts.
  overrides: { check: isPlainObject, expected: "an object of page paths to overrides" },
};

/** A short, printable rendering of a config value for error messages. */
export function show(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "function") return "a function";
  if (typeof value === "bigint") return `${value}n`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * The problems of one object of options (the config, or one of its projects); `prefix` names it in
 * messages (`projects[0].`), `steps` locates it; `extraKeys` are further keys it may hold.
 */
export function optionProblems(
  value: Record<string, unknown>,
  prefix: string,
  steps: (string | number)[],
  extraKeys: readonly string[],
): ConfigProblem[] {
  const known = [...Object.keys(OPTION_RULES), ...extraKeys];
  const problems: ConfigProblem[] = [];
  for (const [key, entry] of Object.entries(value)) {
    if (extraKeys.includes(key)) continue;
    const rule = Object.hasOwn(OPTION_RULES, key)
      ? OPTION_RULES[key as keyof GenerateOptions]
      : undefined;
    if (!rule) {
      problems.push({
        steps: [...steps, key],
        message: `unknown option "${prefix}${key}"${didYouMean(key, known)}; known options: ${known.join(", ")}`,
      });
    } else if (!rule.check(entry)) {
      const hint = typeof entry === "string" && rule.choices ? didYouMean(entry, rule.choices) : "";
      problems.push({
        steps: [...steps, key],
        message: `option "${prefix}${key}" must be ${rule.expected}, got ${show(entry)}${hint}`,
      });
    } else if (rule.inner) {
      for (const inner of rule.inner(entry as Record<string, unknown>, `${prefix}${key}`))
        problems.push({ ...inner, steps: [...steps, key, ...inner.steps.slice(1)] });
    }
  }
  if (isPlainObject(value["overrides"])) {
    const problem = overridesProblem(value["overrides"], `${prefix}overrides`);
    if (problem) problems.push({ ...problem, steps: [...steps, "overrides", ...problem.steps] });
  }
  return problems;
}
