/**
 * An output of docs2ts: what one entry of `emit` writes. Every target reads the same built model (the
 * emit plan, one shape per declaration, the validator names) and returns its files; the pipeline
 * writes the union. Adding an output is one file implementing `Target` and one entry in registry.ts.
 */
import type { EmitPlan } from "../../emit/plan.js";
import type { DeclShape } from "../../emit/shape.js";
import type { ValidatorNames } from "../../emit/validator-names.js";
import type { OutputFile } from "../../write/output.js";
import type { EmitRun } from "../emit-output.js";

/** What the types target counts of its modules, for the run's stats. */
export interface ModuleStats {
  /** Modules that came from the cache. */
  cached: number;
  /** Modules rendered in this run that skipped prettier (whole module, validator code). */
  laidOut: { modules: number; validators: number };
}

/** What a target reads: the built model, and the run (options, cache, banner, timings). */
export interface TargetContext {
  /** Which module each declaration goes to, and the identifier it is exported as. */
  plan: EmitPlan;
  /** One shape per declaration id: the meaning of every type, decided once (emit/shape.ts). */
  shapes: ReadonlyMap<string, DeclShape>;
  /** Validator names per declaration id (empty when `validators` is not emitted). */
  names: ReadonlyMap<string, ValidatorNames>;
  run: EmitRun;
  /** Filled in by the target that writes the modules. */
  stats: ModuleStats;
}

export interface Target {
  /** The id in `emit: [...]` and `--emit`. */
  id: string;
  /** One line for `--help` and docs/outputs.md. */
  description: string;
  /**
   * Whether its files go through the content cache (memoised on their input, so the option set's cache
   * key must separate runs that emit it); false: written fresh in every run.
   */
  memoised: boolean;
  /**
   * Whether a file of the output folder (path relative to it) is one this target writes: `check`
   * then names the target when the file is there but the run does not emit it.
   */
  owns?(path: string): boolean;
  /** Its files, paths relative to the output folder. */
  emit(context: TargetContext): Promise<OutputFile[]> | OutputFile[];
}
