/**
 * `validators`: the runtime modules the validators import. The validator functions themselves are
 * written into each type module and exported from the index by the `types` target when this target
 * is chosen (see `moduleSettings` and `emitIndex` in emit-output.ts).
 */
import { emitRuntime } from "../emit-output.js";
import { RUNTIME_PATH, RUNTIME_SUPPORT_PATHS } from "../../emit/validator-runtime.js";
import type { Target } from "./target.js";

export const validatorsTarget: Target = {
  id: "validators",
  description:
    "a runtime validator per declaration, in its module, and the runtime they import (default on)",
  memoised: true,
  owns: (path) =>
    path === RUNTIME_PATH || (RUNTIME_SUPPORT_PATHS as readonly string[]).includes(path),
  emit: ({ run }) => emitRuntime(run),
};
