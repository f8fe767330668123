/**
 * One module from plan to final text: emit with ts-morph, format with prettier, prepend the banner.
 * A job of its own so that it can run in the worker thread as well.
 */
import { performance } from "node:perf_hooks";
import { formatModule } from "../emit/format.js";
import { emitModule, type ModuleEmitContext } from "../emit/module.js";
import type { ModulePlan } from "../emit/plan.js";
import { renderBanner } from "../emit/templates.js";
import { layoutTypes } from "../emit/type-layout.js";

/** What rendering needs besides the plan. Plain data (sent to workers). */
export interface RenderContext {
  emit: ModuleEmitContext;
  bannerTemplate: string;
  regenerateCommand: string;
  /** Format the validator code with prettier too, not only the types: slower, same output. */
  formatAll: boolean;
}

/** A module's final text with the time spent emitting and formatting it (milliseconds). */
export interface RenderedModule {
  content: string;
  emitMs: number;
  formatMs: number;
  /** What skipped prettier, being in its layout already: the whole module, the validators, or none. */
  laidOut: "all" | "validators" | "none";
}

/** Renders one module. */
export async function renderModule(
  module: ModulePlan,
  context: RenderContext,
): Promise<RenderedModule> {
  let start = performance.now();
  const banner = renderBanner(context.bannerTemplate, {
    source: `${module.decl.id}.md`,
    command: context.regenerateCommand,
  });
  const text = emitModule(module, context.emit);
  const emitMs = performance.now() - start;
  start = performance.now();
  // Docs2ts lays out what it can as prettier would (validator-layout.ts, type-layout.ts); prettier
  // formats the rest: the types alone, or the whole module.
  const validators = text.validators === "" ? "" : `\n${text.validators}`;
  const validatorsLaidOut = validators === "" || (text.laidOut && !context.formatAll);
  const types = validatorsLaidOut && !context.formatAll ? layoutTypes(text.head) : undefined;
  let body: string;
  if (types !== undefined) body = `${types}${validators}`;
  else if (validatorsLaidOut) body = `${await formatModule(text.head)}${validators}`;
  else body = await formatModule(`${text.head}${validators}`);
  const content = `${banner}\n${body}`;
  return {
    content,
    emitMs,
    formatMs: performance.now() - start,
    laidOut:
      types !== undefined ? "all" : validators !== "" && validatorsLaidOut ? "validators" : "none",
  };
}
