/**
 * Whole pages whose every text position (title, field name, type, enum name and value, description)
 * holds hostile text: the output must parse with zero errors and declare exactly the expected names.
 */
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { strictTypeErrors, tempDir, writeTree } from "../support/helpers.js";

const HOSTILE = [
  "*/ export const pwned = 1; /*",
  "\"quoted\" 'single'",
  "`back${tick}`",
  "back\\slash\\",
  "line\u2028separator\u2029para",
  "nul\u0000byte",
  "bidi\u202Eevil\u2066",
  "__proto__",
  "constructor",
  "class",
  "9lives",
];

/** Escapes a string for a Markdown table cell (pipes) while keeping it hostile. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function objectPage(title: string, description: string): string {
  const rows = HOSTILE.map(
    (name, i) =>
      `| \`${cell(name)}\` | *string* | ${i % 2 ? ":heavy_check_mark:" : ":heavy_minus_sign:"} | ${cell(name)} ${cell(description)} |`,
  );
  rows.push(`| \`odd\` | *${cell(description)}* | :heavy_check_mark: | N/A |`);
  return `# ${title}\n\n${description}\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n${rows.join("\n")}\n`;
}

function enumPage(title: string): string {
  const rows = HOSTILE.map((value, i) => `| \`${cell(value)}${i}\` | ${cell(value)} |`);
  return `# ${title}\n\n${HOSTILE.join(" ")}\n\n## Values\n\n| Name | Value |\n| --- | --- |\n${rows.join("\n")}\n`;
}

function declaredNames(text: string): string[] {
  const file = ts.createSourceFile("x.ts", text, ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  for (const statement of file.statements) {
    if (
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isEnumDeclaration(statement) ||
      ts.isFunctionDeclaration(statement)
    )
      names.push(statement.name?.text ?? "<anonymous>");
    else if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations)
        names.push((d.name as ts.Identifier).text);
    else if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) continue;
    else names.push(`<${ts.SyntaxKind[statement.kind]}>`);
  }
  return names;
}

/**
 * The names a module declares for type `x`: the type and its validators (prefixed names capitalise
 * the type's first letter; enums need no internal `$is` check).
 */
function validatorSet(x: string, internalCheck: boolean): string[] {
  const c = x.charAt(0).toUpperCase() + x.slice(1);
  const internal = internalCheck ? [`$is${c}`] : [];
  return [x, ...internal, `is${c}`, `validate${c}`, `assert${c}`, `${x}Schema`, `$s${c}`].sort();
}

function parseErrors(text: string): number {
  const file = ts.createSourceFile("x.ts", text, ts.ScriptTarget.Latest, true);
  return (file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length;
}

describe("hostile text in every position", () => {
  for (const [index, hostile] of HOSTILE.entries()) {
    it(`stays inert: ${JSON.stringify(hostile)}`, async () => {
      const docs = tempDir();
      writeTree(docs, {
        "models/obj.md": objectPage(`Obj${index} ${hostile}`, hostile),
        "models/en.md": enumPage(hostile),
      });
      const result = await generate({ input: docs, cache: false });
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      for (const file of result.files) {
        // The output folder's package.json is JSON; every other file is TypeScript.
        if (file.path === "package.json") expect(() => JSON.parse(file.content)).not.toThrow();
        else expect(parseErrors(file.content), file.path).toBe(0);
        // Nothing raw that could hide or reorder code.
        expect(file.content).not.toMatch(/[\u0000\u2028\u2029\u202A-\u202E\u2066-\u2069]/);
        expect(file.content).not.toContain("pwned = 1;\n");
      }
      const obj = result.files.find((f) => f.path === "models/obj.ts")?.content ?? "";
      const en = result.files.find((f) => f.path === "models/en.ts")?.content ?? "";
      const objNames = declaredNames(obj);
      const type = objNames[0] ?? "";
      expect(type).toMatch(/^Obj\d+/);
      expect(objNames.sort()).toEqual(validatorSet(type, true));
      const enumNames = declaredNames(en);
      const enumType = enumNames[0] ?? "";
      // The type alias and the const object share the name.
      expect(enumNames.sort()).toEqual([...validatorSet(enumType, false), enumType].sort());
      expect(strictTypeErrors(result.files)).toEqual([]);
    });
  }

  it("keeps every hostile enum value exactly, as a string literal", async () => {
    const docs = tempDir();
    writeTree(docs, { "e.md": enumPage("E") });
    const result = await generate({ input: docs, cache: false });
    const text = result.files.find((f) => f.path === "e.ts")?.content ?? "";
    const file = ts.createSourceFile("e.ts", text, ts.ScriptTarget.Latest, true);
    const alias = file.statements.find(ts.isTypeAliasDeclaration);
    const literals = alias && ts.isUnionTypeNode(alias.type) ? alias.type.types : [];
    const values = literals.map(
      (t) => ((t as ts.LiteralTypeNode).literal as ts.StringLiteral).text,
    );
    // The value exactly as written in the cell: markup characters, NUL and separators included; a
    // value written as one code span is the code's text (`` `PENDING` `` is PENDING), as in docs.
    expect(values).toEqual(HOSTILE.map((value) => /^`([^`]+)`$/.exec(value)?.[1] ?? value));
  });
});
