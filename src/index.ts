/** docs2ts's public API: re-exports only. */
export { generate, type GenerateResult, type StageTimings } from "./generate.js";
export { check, writeOutput, type CheckResult, type RunResult } from "./api.js";
export { defineConfig, type Docs2tsConfig, type ProjectConfig } from "./config.js";
export type { GenerateHooks, ProgressEvent } from "./progress.js";
export {
  resolveOptions,
  type EnumStyle,
  type FieldNameStyle,
  type GenerateOptions,
  type ResolvedOptions,
} from "./options.js";
export type { Diagnostic, Severity } from "./diagnostics.js";
export { formatDiagnostic } from "./diagnostics-format.js";
export type {
  Decl,
  EnumDecl,
  FieldModel,
  Model,
  ObjectDecl,
  TypeRef,
  UnionDecl,
} from "./model/types.js";
export type { OutputFile, OutputChanges } from "./write/output.js";
