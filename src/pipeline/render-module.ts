/**
 * One module from its job (plan, shape, emit settings, banner) to final text: emit, lay out (or format
 * with prettier what docs2ts cannot lay out itself), prepend the banner. The job is plain data and the
 * whole of what rendering reads: its hash is the module's cache key.
 */
import { performance } from "node:perf_hooks";
import { formatModule } from "../emit/format.js";
import { emitModule, type ModuleEmitContext } from "../emit/module.js";
import type { ModulePlan } from "../emit/plan.js";
import type { DeclShape } from "../emit/shape.js";
import { layoutTypes } from "../emit/type-layout.js";

/** Everything rendering a module reads. */
export interface ModuleJob {
  plan: ModulePlan;
  shape: DeclShape;
  emit: ModuleEmitContext;
  /** The module's banner, rendered. */
  banner: string;
}

/** A module's final text with the time spent emitting and formatting it (milliseconds). */
export interface RenderedModule {
  content: string;
  emitMs: number;
  formatMs: number;
  /** What skipped prettier, being in its layout already: the whole module, the validators, or none. */
  laidOut: "all" | "validators" | "none";
}

/**
 * Renders one module. `formatAll` formats the validator code with prettier too, not only what docs2ts
 * cannot lay out: slower, and the same output (tests compare the two).
 */
export async function renderModule(job: ModuleJob, formatAll = false): Promise<RenderedModule> {
  let start = performance.now();
  const text = emitModule(job.plan, job.shape, job.emit);
  const emitMs = performance.now() - start;
  start = performance.now();
  // Docs2ts lays out what it can as prettier would (validator-layout.ts, type-layout.ts); prettier
  // formats the rest: the types alone, or the whole module.
  const validators = text.validators === "" ? "" : `\n${text.validators}`;
  const validatorsLaidOut = validators === "" || (text.laidOut && !formatAll);
  const types = validatorsLaidOut && !formatAll ? layoutTypes(text.head) : undefined;
  let body: string;
  if (types !== undefined) body = `${types}${validators}`;
  else if (validatorsLaidOut) body = `${await formatModule(text.head)}${validators}`;
  else body = await formatModule(`${text.head}${validators}`);
  const content = `${job.banner}\n${body}`;
  return {
    content,
    emitMs,
    formatMs: performance.now() - start,
    laidOut:
      types !== undefined ? "all" : validators !== "" && validatorsLaidOut ? "validators" : "none",
  };
}
