/** Pins the public surface: every name `import ... from "docs2ts"` offers, values and types. */
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";

describe("package exports", () => {
  it("lists the runtime exports", () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "DiffDocsError",
        "check",
        "defineConfig",
        "diff",
        "formatDiagnostic",
        "generate",
        "resolveOptions",
        "toVFileMessage",
        "toVFiles",
        "writeOutput",
      ]
    `);
  });

  it("lists every exported name, types included", () => {
    const entry = fileURLToPath(new URL("../../src/index.ts", import.meta.url));
    const program = ts.createProgram([entry], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      noEmit: true,
    });
    const checker = program.getTypeChecker();
    const symbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
    const names = checker.getExportsOfModule(symbol).map((s) => s.getName());
    expect(names.sort()).toMatchInlineSnapshot(`
      [
        "Change",
        "ChangeKind",
        "CheckResult",
        "Decl",
        "Diagnostic",
        "DiffDocsError",
        "DiffOptions",
        "DiffReport",
        "DiffUse",
        "Docs2tsConfig",
        "EnumDecl",
        "EnumStyle",
        "FieldModel",
        "FieldNameStyle",
        "FieldOverride",
        "GenerateHooks",
        "GenerateOptions",
        "GenerateResult",
        "Model",
        "ObjectDecl",
        "OutputChanges",
        "OutputFile",
        "Overrides",
        "PageOverride",
        "ProgressEvent",
        "ProjectConfig",
        "ResolvedOptions",
        "RunResult",
        "Severity",
        "SideDiagnostic",
        "StageTimings",
        "TypeRef",
        "UnionDecl",
        "check",
        "defineConfig",
        "diff",
        "formatDiagnostic",
        "generate",
        "resolveOptions",
        "toVFileMessage",
        "toVFiles",
        "writeOutput",
      ]
    `);
  });
});
