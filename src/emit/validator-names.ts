/**
 * The names validators are exported under, and the local names a module sees them by. Decided once per
 * run, in code-point order of module paths, from a used-names set per output folder, so two
 * declarations can never export the same validator name from one folder.
 */
import { posix as path } from "node:path";
import { NameAllocator } from "./names.js";
import { SHADOW_PROOF_NAMES, type ModuleImport, type ModulePlan } from "./plan.js";

/** The exported names of one declaration's validators. */
export interface ValidatorNames {
  /** `isX(value): value is X`. */
  is: string;
  /** `validateX(value): ValidationResult<X>`. */
  validate: string;
  /** `assertX(value): asserts value is X`. */
  assert: string;
  /** `XSchema`, the Standard Schema object. */
  schema: string;
  /** `$isX(value, depth)`, the check other modules call (enums have none: they call `isX`). */
  check: string;
  /** `$sX`, the shape the issue collector walks. */
  shape: string;
}

/** Names that generated modules import from the runtime, in import order. */
export const RUNTIME_NAMES = [
  "$collect",
  "$dateObject",
  "$dateTime",
  "$fullDate",
  "$int32",
  "$object",
  "$objectProto",
  "$own",
  "$proto",
  "$standard",
  "$throw",
  "DeclShape",
  "StandardSchemaV1",
  "ValidationResult",
] as const;

/** A runtime name. */
export type RuntimeName = (typeof RUNTIME_NAMES)[number];

function upperFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Allocates every declaration's validator names, unique within its output folder. */
export function allocateValidatorNames(
  modules: readonly ModulePlan[],
): ReadonlyMap<string, ValidatorNames> {
  const perFolder = new Map<string, NameAllocator>();
  for (const plan of modules) {
    const folder = path.dirname(plan.path);
    const allocator =
      perFolder.get(folder) ?? new NameAllocator([...SHADOW_PROOF_NAMES, ...RUNTIME_NAMES]);
    perFolder.set(folder, allocator);
    allocator.allocate(plan.identifier);
  }
  const names = new Map<string, ValidatorNames>();
  for (const plan of [...modules].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  )) {
    const allocator = perFolder.get(path.dirname(plan.path)) as NameAllocator;
    const base = upperFirst(plan.identifier);
    names.set(plan.decl.id, {
      is: allocator.allocate(`is${base}`),
      validate: allocator.allocate(`validate${base}`),
      assert: allocator.allocate(`assert${base}`),
      schema: allocator.allocate(`${plan.identifier}Schema`),
      check: allocator.allocate(`$is${base}`),
      shape: allocator.allocate(`$s${base}`),
    });
  }
  return names;
}

/**
 * The validator names a module exports to users (for the index): not `$isX` and `$sX`, which only
 * other generated modules import.
 */
export function publicValidatorNames(names: ValidatorNames): string[] {
  return [names.is, names.validate, names.assert, names.schema];
}

/** One value imported from another module: its exported name and its local name. */
export interface ValueImport {
  exported: string;
  local: string;
}

/** A module's plan with every local name decided, validators included. */
export interface ValidatorLocals {
  /** The plan with type imports re-aliased where a validator name took their name. */
  plan: ModulePlan;
  /** Local names of the runtime's exports. */
  runtime: ReadonlyMap<RuntimeName, string>;
  /** Per referenced declaration id: its check (or `isX` for enums) and shape, as local names. */
  values: ReadonlyMap<string, { check: ValueImport; shape: ValueImport }>;
  /** Allocates more module-level names (helpers). */
  allocator: NameAllocator;
}

/**
 * Decides the local names of a module with validators: its own names first, then the runtime's, then
 * each import's type and values. Type imports keep their planned alias unless it is now taken.
 */
export function moduleLocals(
  plan: ModulePlan,
  names: ReadonlyMap<string, ValidatorNames>,
): ValidatorLocals {
  const own = names.get(plan.decl.id) as ValidatorNames;
  const allocator = new NameAllocator([
    ...SHADOW_PROOF_NAMES,
    plan.identifier,
    ...Object.values(own),
  ]);
  const runtime = new Map<RuntimeName, string>();
  for (const name of RUNTIME_NAMES) runtime.set(name, allocator.allocate(name));
  const localNames = new Map(plan.localNames);
  const imports: ModuleImport[] = [];
  const values = new Map<string, { check: ValueImport; shape: ValueImport }>();
  values.set(plan.decl.id, {
    check: { exported: "", local: plan.decl.kind === "enum" ? own.is : own.check },
    shape: { exported: "", local: own.shape },
  });
  for (const entry of plan.imports) {
    const local = allocator.allocate(entry.local);
    localNames.set(entry.targetId, local);
    imports.push({ ...entry, local });
    const target = names.get(entry.targetId) as ValidatorNames;
    const check = entry.kind === "enum" ? target.is : target.check;
    values.set(entry.targetId, {
      check: { exported: check, local: allocator.allocate(check) },
      shape: { exported: target.shape, local: allocator.allocate(target.shape) },
    });
  }
  return { plan: { ...plan, imports, localNames }, runtime, values, allocator };
}
