/**
 * One module from plan to final text: emit with ts-morph, format with prettier, prepend the banner.
 * A job of its own so that it can run in the worker thread as well.
 */
import { performance } from "node:perf_hooks";
import { formatModule } from "../write/format.js";
import { emitModule, type ModuleEmitContext } from "./module.js";
import type { ModulePlan } from "./plan.js";
import { renderBanner } from "./templates.js";

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
  /** Whether the validator code skipped prettier (it was in prettier's layout already). */
  laidOut: boolean;
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
  // Validator code is most of a module's text and, nearly always, in prettier's layout already: then
  // only the imports and types (which carry the docs' text) need formatting.
  const laidOut = text.validators !== "" && text.laidOut && !context.formatAll;
  const body = laidOut
    ? `${await formatModule(text.head)}\n${text.validators}`
    : await formatModule(text.validators === "" ? text.head : `${text.head}\n${text.validators}`);
  const content = `${banner}\n${body}`;
  return { content, emitMs, formatMs: performance.now() - start, laidOut };
}
