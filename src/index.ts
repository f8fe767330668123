/** docs2ts's public API: re-exports only. */
export { generate, type GenerateResult, type StageTimings } from "./pipeline/generate.js";
export { check, writeOutput, type CheckResult, type RunResult } from "./pipeline/api.js";
export { defineConfig, type Docs2tsConfig, type ProjectConfig } from "./pipeline/config.js";
export type { GenerateHooks, ProgressEvent } from "./pipeline/progress.js";
export {
  resolveOptions,
  type EnumStyle,
  type FieldNameStyle,
  type FieldOverride,
  type GenerateOptions,
  type Overrides,
  type PageOverride,
  type ResolvedOptions,
} from "./core/options.js";
export type { Diagnostic, Severity } from "./core/diagnostics.js";
export { formatDiagnostic } from "./core/diagnostics-format.js";
export { toVFileMessage, toVFiles } from "./core/diagnostics-vfile.js";
export type {
  Decl,
  EnumDecl,
  FieldModel,
  Model,
  ObjectDecl,
  TypeRef,
  UnionDecl,
} from "./core/model.js";
export type { OutputFile, OutputChanges } from "./write/output.js";
export {
  diff,
  DiffDocsError,
  type Change,
  type ChangeKind,
  type DiffOptions,
  type DiffReport,
  type SideDiagnostic,
  type Use as DiffUse,
} from "./diff/diff.js";
