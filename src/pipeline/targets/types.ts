/**
 * `types`, always written: one module per declaration and the index files. With the `validators`
 * target chosen, each module also holds its validators and the index exports them (they share one
 * file with the type, so they are rendered and cached together).
 */
import { emitIndex, emitModules } from "../emit-output.js";
import type { Target } from "./target.js";

export const typesTarget: Target = {
  id: "types",
  description: "one TypeScript module per declaration, and index.ts per folder (always written)",
  memoised: true,
  async emit({ plan, shapes, names, run, stats }) {
    const modules = await emitModules(plan, shapes, names, run);
    stats.cached = modules.cached;
    stats.laidOut = modules.laidOut;
    return [...modules.files, ...(await emitIndex(plan, names, run))];
  },
};
