/**
 * The `overrides` config key: its validation (called by config.ts) and where each page's entry was
 * written, so that findings about an override point at the config file's line and column (JSON) or at
 * its key path (`.mjs`, options in code). The model change itself is model/overrides.ts.
 */
import { jsonPointer, type TextPoint } from "./json-positions.js";
import type { ConfigPlace } from "../model/overrides.js";
import type { PageOverride } from "../core/options.js";
import { didYouMean } from "../core/suggest.js";

/** Where one page's entry in `overrides` was written. */
export interface OverrideSource {
  /** The config file as the user named it; "" for options passed in code. */
  file: string;
  /** The entry's key path: `overrides["pet.md"]`, `projects[1].overrides["pet.md"]`. */
  keyPath: string;
  /** The entry's JSON Pointer in the file (JSON configs). */
  pointer: string;
  /** Positions of the file's keys by JSON Pointer (JSON configs only). */
  positions?: ReadonlyMap<string, TextPoint>;
}

/**
 * Sources by page entry object. The entries are the config's own objects, passed through the options
 * unchanged, so their identity finds where they were written without a field users could set.
 */
const SOURCES = new WeakMap<object, OverrideSource>();

/** One step of a key path: `.name` for identifiers, `["models/pet.md"]` or `[0]` otherwise. */
export function keyStep(step: string | number): string {
  if (typeof step === "number") return `[${step}]`;
  return /^[A-Za-z_$][\w$]*$/.test(step) ? `.${step}` : `[${JSON.stringify(step)}]`;
}

/** Where the entry for `page` was written (for entries from code: its key path alone). */
export function overrideSourceOf(entry: PageOverride, page: string): OverrideSource {
  return SOURCES.get(entry) ?? { file: "", keyPath: `overrides${keyStep(page)}`, pointer: "" };
}

/** The place of the key at `steps` below an entry: the nearest written key's line and column. */
export function placeIn(source: OverrideSource, steps: readonly (string | number)[]): ConfigPlace {
  const keyPath = `${source.keyPath}${steps.map(keyStep).join("")}`;
  for (let depth = steps.length; depth >= 0; depth -= 1) {
    const at = source.positions?.get(`${source.pointer}${jsonPointer(steps.slice(0, depth))}`);
    if (at) return { file: source.file, line: at.line, column: at.column, keyPath };
  }
  return { file: source.file, line: 0, column: 0, keyPath };
}

/** Where a config was written: its file, the positions of its keys, its own pointer in the file. */
export interface ConfigWhere {
  file: string;
  positions: ReadonlyMap<string, TextPoint> | undefined;
  /** The config's own pointer in the file (`/docs2ts` in package.json). */
  pointer: string;
}

/**
 * Records in `sources` where each entry of `config[key]` (top level and each project) was written.
 * `entryOf` picks the object an entry's place is recorded for, and the steps from the entry to it.
 */
export function recordEntrySources(
  sources: WeakMap<object, OverrideSource>,
  config: object,
  key: string,
  where: ConfigWhere,
  entryOf: (value: unknown) => { object: object; steps: number[] } | undefined,
): void {
  const { [key]: entries, projects } = config as Record<string, unknown>;
  const record = (found: unknown, keyPath: string, at: string) => {
    if (typeof found !== "object" || found === null) return;
    for (const [name, value] of Object.entries(found)) {
      const entry = entryOf(value);
      if (entry)
        sources.set(entry.object, {
          file: where.file,
          keyPath: `${keyPath}${[name, ...entry.steps].map(keyStep).join("")}`,
          pointer: `${at}${jsonPointer([name, ...entry.steps])}`,
          ...(where.positions ? { positions: where.positions } : {}),
        });
    }
  };
  record(entries, key, `${where.pointer}/${key}`);
  if (Array.isArray(projects))
    projects.forEach((project: Record<string, unknown> | undefined, index) =>
      record(
        project?.[key],
        `projects[${index}].${key}`,
        `${where.pointer}/projects/${index}/${key}`,
      ),
    );
}

/** Records where the `overrides` entries of a validated config were written. */
export function recordOverrideSources(config: object, where: ConfigWhere): void {
  recordEntrySources(SOURCES, config, "overrides", where, (entry) =>
    typeof entry === "object" && entry !== null ? { object: entry, steps: [] } : undefined,
  );
}

/** A problem in the `overrides` value: the message and the JSON Pointer of the key it is about. */
export interface OverridesProblem {
  steps: (string | number)[];
  message: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const FIELD_KEYS: Readonly<Record<string, [(value: unknown) => boolean, string]>> = {
  nullable: [(v) => typeof v === "boolean", "true or false"],
  optional: [(v) => typeof v === "boolean", "true or false"],
  deprecated: [(v) => typeof v === "boolean", "true or false"],
  type: [(v) => typeof v === "string" && v.trim() !== "", "a type spelling"],
  name: [(v) => typeof v === "string" && v !== "", "a property name"],
  description: [(v) => typeof v === "string", "a string"],
};
const PAGE_KEYS = ["name", "fields", "values"];
const VALUE_KEYS = ["add", "remove"];
const isEnumValue = (v: unknown) =>
  typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));

/**
 * Checks an `overrides` value; `path` is its key path (`overrides`, `projects[0].overrides`). Returns
 * the first problem, with the steps of the key it is about, or undefined when the value is valid.
 */
export function overridesProblem(value: unknown, path: string): OverridesProblem | undefined {
  const at = (steps: (string | number)[]) => `${path}${steps.map(keyStep).join("")}`;
  const unknownKey = (steps: (string | number)[], key: string, known: readonly string[]) => ({
    steps: [...steps, key],
    message: `unknown option "${at([...steps, key])}"${didYouMean(key, known)}; known options: ${known.join(", ")}`,
  });
  const mustBe = (steps: (string | number)[], expected: string, got: unknown) => ({
    steps,
    message: `option "${at(steps)}" must be ${expected}, got ${show(got)}`,
  });
  if (!isObject(value))
    return mustBe([], "an object of page paths (relative to the input folder) to overrides", value);
  for (const [page, entry] of Object.entries(value)) {
    if (!isObject(entry)) return mustBe([page], "an object with name, fields or values", entry);
    for (const key of Object.keys(entry))
      if (!PAGE_KEYS.includes(key)) return unknownKey([page], key, PAGE_KEYS);
    if (entry["name"] !== undefined && (typeof entry["name"] !== "string" || entry["name"] === ""))
      return mustBe([page, "name"], "a type name", entry["name"]);
    const fields = entry["fields"];
    if (fields !== undefined) {
      if (!isObject(fields))
        return mustBe([page, "fields"], "an object of field names to overrides", fields);
      for (const [field, override] of Object.entries(fields)) {
        const steps = [page, "fields", field];
        if (!isObject(override)) return mustBe(steps, "an object of field overrides", override);
        for (const [key, setting] of Object.entries(override)) {
          const rule = Object.hasOwn(FIELD_KEYS, key) ? FIELD_KEYS[key] : undefined;
          if (!rule) return unknownKey(steps, key, Object.keys(FIELD_KEYS));
          if (!rule[0](setting)) return mustBe([...steps, key], rule[1], setting);
        }
      }
    }
    const values = entry["values"];
    if (values !== undefined) {
      if (!isObject(values))
        return mustBe([page, "values"], "an object with add or remove", values);
      for (const [key, list] of Object.entries(values)) {
        if (!VALUE_KEYS.includes(key)) return unknownKey([page, "values"], key, VALUE_KEYS);
        if (!Array.isArray(list) || !list.every(isEnumValue))
          return mustBe(
            [page, "values", key],
            "an array of strings, finite numbers or booleans",
            list,
          );
      }
    }
  }
  return undefined;
}
