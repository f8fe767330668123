/**
 * Hostile-input tests for src/emit/escape.ts. Every output is checked twice: against the exact
 * text we expect, and against what really matters, i.e. how TypeScript parses it and (for
 * literals) what it evaluates to.
 */
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  jsdocText,
  literalType,
  numberLiteral,
  propertyKey,
  stringLiteral,
} from "../../src/emit/escape.js";
import { formatModule } from "../../src/emit/format.js";

// Written out again here (not imported) so the tests check the module against an independent list.
const BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069";
/** Raw characters that must never appear in a string literal. */
const FORBIDDEN_IN_LITERAL =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]|\p{Cs}/u;
/** Raw characters that must never appear in doc comment text: the same, but `\n` is allowed. */
const FORBIDDEN_IN_COMMENT =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]|\p{Cs}/u;

const RUNS = { numRuns: 1000, seed: 20240607 } as const;

/** Strings made mostly of the characters that matter to the escapers, to hit the edge cases. */
const hostileString = fc.string({
  unit: fc.constantFrom(
    "*",
    "/",
    "@",
    "{",
    "}",
    " ",
    "\t",
    "\n",
    "\r",
    "\u0085",
    "\u2028",
    "\u2029",
    "\u00a0",
    "\u200b",
    "\u0000",
    "\u202e",
    "\ufeff",
    "\ud800",
    "\udc00",
    "\\",
    '"',
    "`",
    "$",
    "a",
    "é",
  ),
  maxLength: 40,
});
const anyString = fc.oneof(fc.string({ unit: "binary" }), hostileString);

function parse(code: string): ts.SourceFile {
  return ts.createSourceFile("x.ts", code, ts.ScriptTarget.Latest, true);
}

function parseErrors(sf: ts.SourceFile): string[] {
  const diagnostics = (sf as unknown as { parseDiagnostics: readonly ts.Diagnostic[] })
    .parseDiagnostics;
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

/** Evaluates a JS expression in a fresh realm. */
function evaluate(expression: string): unknown {
  return runInNewContext(`(${expression})`);
}

/**
 * Asserts that `out`, placed in a doc comment in two layouts (the single-line form the task
 * describes and the multi-line form ts-morph prints), is one comment that ends exactly where we
 * put its `*\/`, is attached to the next statement, and carries no JSDoc tags or links.
 */
function expectSafeJsdoc(out: string): void {
  expect(out).not.toContain("*/");
  expect(out).not.toContain("/*");
  expect(out).not.toMatch(FORBIDDEN_IN_COMMENT);
  const lines = out.split("\n");
  const layouts = [
    `/** ${lines.join("\n * ")} */`,
    `/**\n${lines.map((line) => (line === "" ? " *" : ` * ${line}`)).join("\n")}\n */`,
  ];
  for (const comment of layouts) {
    const code = `${comment}\nexport const x = 1;`;
    const sf = parse(code);
    expect(parseErrors(sf)).toEqual([]);
    expect(ts.getLeadingCommentRanges(code, 0)).toEqual([
      {
        pos: 0,
        end: comment.length,
        hasTrailingNewLine: true,
        kind: ts.SyntaxKind.MultiLineCommentTrivia,
      },
    ]);
    expect(sf.statements).toHaveLength(1);
    const statement = sf.statements[0];
    if (statement === undefined || !ts.isVariableStatement(statement)) {
      throw new Error("expected the `export const x` statement");
    }
    expect(statement.getStart(sf)).toBe(comment.length + 1);
    const declaration = statement.declarationList.declarations[0];
    if (declaration === undefined) throw new Error("expected a declaration");
    expect(ts.getJSDocTags(declaration)).toEqual([]);
    const docs = ts.getJSDocCommentsAndTags(declaration).filter(ts.isJSDoc);
    expect(docs).toHaveLength(1);
    for (const doc of docs) {
      expect(doc.tags).toBeUndefined();
      if (typeof doc.comment !== "string" && doc.comment !== undefined) {
        expect(doc.comment.filter((part) => part.kind !== ts.SyntaxKind.JSDocText)).toEqual([]);
      }
    }
  }
}

describe("jsdocText", () => {
  const cases: [name: string, given: string, want: string][] = [
    ["plain text", "A user.", "A user."],
    ["comment end", "*/", "*\\/"],
    ["double star end", "**/", "**\\/"],
    ["repeated comment end", "*/*/", "*\\/\\*\\/"],
    ["comment start", "a /* b", "a /\\* b"],
    ["slash star slash", "/*/", "/\\*\\/"],
    [
      "comment end mid-text",
      "a */ export const pwned = 1; /* b",
      "a *\\/ export const pwned = 1; /\\* b",
    ],
    ["star at end", "ends with *", "ends with *"],
    ["slash at start", "/users/{id}", "/users/{id}"],
    [
      "quotes, backticks, ${ and backslashes",
      "say \"hi\" 'x' `y` ${z} \\n \\",
      "say \"hi\" 'x' `y` ${z} \\n \\",
    ],
    ["CRLF and lone CR", "a\r\nb\rc\nd", "a\nb\nc\nd"],
    ["U+2028, U+2029, U+0085", "a\u2028b\u2029c\u0085d", "a\nb\nc\nd"],
    ["CR LF not doubled", "a\r\n\r\nb", "a\n\nb"],
    ["tab", "a\tb", "a b"],
    ["NUL", "a\u0000b", "a\\u0000b"],
    [
      "other C0 controls",
      "\u0001\u0008\u000b\u000c\u001b\u001f",
      "\\u0001\\u0008\\u000b\\u000c\\u001b\\u001f",
    ],
    ["DEL and C1 controls", "x\u007f\u0080\u009b\u009f", "x\\u007f\\u0080\\u009b\\u009f"],
    ["RLO", "admin\u202e//gnp.exe", "admin\\u202e//gnp.exe"],
    [
      "all bidi controls",
      BIDI,
      "\\u061c\\u200e\\u200f\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069",
    ],
    ["BOM", "\ufeffhi", "\\ufeffhi"],
    ["lone high surrogate", "a\ud800b", "a\\ud800b"],
    ["lone low surrogate", "\udc00", "\\udc00"],
    ["reversed surrogate pair", "\ude00\ud83d", "\\ude00\\ud83d"],
    ["surrogate pair kept", "smile \ud83d\ude00", "smile \ud83d\ude00"],
    ["non-ASCII letters kept", "café 中文", "café 中文"],
    ["tag at start", "@deprecated", "\\@deprecated"],
    ["tag after indentation", "   @type {string}", "   \\@type {string}"],
    ["tag on a later line", "Name.\n@internal", "Name.\n\\@internal"],
    ["tag after star", "* @private", "* \\@private"],
    ["tag right after star", "*@private", "*\\@private"],
    ["tag mid-line", "see @deprecated now", "see \\@deprecated now"],
    ["tag after NBSP", "\u00a0@deprecated", "\u00a0\\@deprecated"],
    ["tag after zero-width space", "a\u200b@deprecated", "a\u200b\\@deprecated"],
    ["tag after tab", "a\t@deprecated", "a \\@deprecated"],
    ["inline link", "use {@link Evil}", "use {\\@link Evil}"],
    ["inline link with space", "use { @link Evil}", "use { \\@link Evil}"],
    ["double at", "@@x", "\\@@x"],
    ["email untouched", "mail user@example.com", "mail user@example.com"],
    ["trailing whitespace", "a  \nb\t\nc\u00a0\u3000", "a\nb\nc"],
    ["leading and trailing blank lines", "\n\n  \r\nbody\n\n \n", "body"],
    ["inner blank lines kept", "a\n\n\nb", "a\n\n\nb"],
    ["indentation kept", "  code()\n    nested", "  code()\n    nested"],
    ["empty", "", ""],
    ["blank", " \t\r\n\u2028 ", ""],
    ["constructor and __proto__ are just text", "__proto__ constructor", "__proto__ constructor"],
  ];

  it.each(cases)("%s", (_name, given, want) => {
    const out = jsdocText(given);
    expect(out).toBe(want);
    expectSafeJsdoc(out);
  });

  it("handles 10,000-character hostile strings", () => {
    const out = jsdocText("*/".repeat(5000));
    expect(out).toBe(`*\\/${"\\*\\/".repeat(4999)}`);
    expectSafeJsdoc(out);
    const mixed = jsdocText("\u202e@x */\r\n\u0000".repeat(1250));
    expectSafeJsdoc(mixed);
  });

  it("never lets text out of the comment, for arbitrary strings", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const out = jsdocText(s);
        expectSafeJsdoc(out);
        // Applying it twice changes nothing, so an accidental double escape is harmless.
        expect(jsdocText(out)).toBe(out);
      }),
      RUNS,
    );
  });
});

/** Asserts the literal is safe: exact round trip through JSON, JS and TypeScript, no raw bad chars. */
function expectSafeStringLiteral(literal: string, value: string): void {
  expect(literal).not.toMatch(FORBIDDEN_IN_LITERAL);
  expect(JSON.parse(literal)).toBe(value);
  expect(evaluate(literal)).toBe(value);
  const sf = parse(`export const s = ${literal};`);
  expect(parseErrors(sf)).toEqual([]);
  const statement = sf.statements[0];
  expect(sf.statements).toHaveLength(1);
  if (statement === undefined || !ts.isVariableStatement(statement)) throw new Error("no const");
  const init = statement.declarationList.declarations[0]?.initializer;
  if (init === undefined || !ts.isStringLiteral(init)) throw new Error("not a string literal");
  expect(init.text).toBe(value);
}

describe("stringLiteral", () => {
  const cases: [name: string, given: string, want: string][] = [
    ["empty", "", '""'],
    ["plain", "abc", '"abc"'],
    ["double quote", 'a"b', '"a\\"b"'],
    ["single quote", "it's", '"it\'s"'],
    ["backtick and ${", "`${process.exit()}`", '"`${process.exit()}`"'],
    ["backslash", "back\\slash", '"back\\\\slash"'],
    ["escape-looking text", "\\u2028\\n", '"\\\\u2028\\\\n"'],
    ["backslash then U+2028", "\\\u2028", '"\\\\\\u2028"'],
    ["CRLF and lone CR", "a\r\nb\rc", '"a\\r\\nb\\rc"'],
    ["tab", "\t", '"\\t"'],
    ["U+2028 and U+2029", "\u2028\u2029", '"\\u2028\\u2029"'],
    ["NUL", "\u0000", '"\\u0000"'],
    ["DEL and C1 controls", "\u007f\u0085\u009f", '"\\u007f\\u0085\\u009f"'],
    ["RLO", "a\u202eb", '"a\\u202eb"'],
    [
      "all bidi controls",
      BIDI,
      '"\\u061c\\u200e\\u200f\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069"',
    ],
    ["BOM", "\ufeff", '"\\ufeff"'],
    ["lone high surrogate", "\ud800", '"\\ud800"'],
    ["lone low surrogate", "x\udfff", '"x\\udfff"'],
    ["surrogate pair kept", "\ud83d\ude00", '"\ud83d\ude00"'],
    ["non-ASCII letters kept", "é中", '"é中"'],
    ["comment markers are plain text", "*/ /* //", '"*/ /* //"'],
    ["__proto__", "__proto__", '"__proto__"'],
  ];

  it.each(cases)("%s", (_name, given, want) => {
    const literal = stringLiteral(given);
    expect(literal).toBe(want);
    expectSafeStringLiteral(literal, given);
  });

  it("handles 10,000-character hostile strings", () => {
    const value = '\u2028"\\\u0000\u202e\ud800`${'.repeat(1112);
    expect(value.length).toBeGreaterThanOrEqual(10_000);
    expectSafeStringLiteral(stringLiteral(value), value);
  });

  it("round-trips arbitrary strings", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        expectSafeStringLiteral(stringLiteral(s), s);
      }),
      RUNS,
    );
  });
});

/** TypeScript's own answer, from its public scanner helpers, code point by code point. */
function isIdentifierForTs(name: string): boolean {
  const codePoints = [...name].map((char) => char.codePointAt(0) ?? 0);
  return (
    codePoints.length > 0 &&
    codePoints.every((cp, i) =>
      i === 0
        ? ts.isIdentifierStart(cp, ts.ScriptTarget.Latest)
        : ts.isIdentifierPart(cp, ts.ScriptTarget.Latest),
    )
  );
}

describe("propertyKey", () => {
  it("writes a key bare only when TypeScript's scanner reads it as one identifier", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" })), (name) =>
        propertyKey(name, "type") === name ? isIdentifierForTs(name) : true,
      ),
      { numRuns: 2000 },
    );
  });

  const cases: [name: string, given: string, context: "type" | "value", want: string][] = [
    ["identifier", "userId", "type", "userId"],
    ["identifier in value", "userId", "value", "userId"],
    ["reserved word bare", "class", "value", "class"],
    ["reserved word bare in type", "default", "type", "default"],
    ["constructor bare", "constructor", "value", "constructor"],
    ["__proto__ in value is computed", "__proto__", "value", '["__proto__"]'],
    ["__proto__ in type is quoted", "__proto__", "type", '"__proto__"'],
    ["hyphen", "content-type", "type", '"content-type"'],
    ["leading digit", "2fa", "value", '"2fa"'],
    ["number-like", "0", "value", '"0"'],
    ["empty", "", "type", '""'],
    ["comment end", "*/", "type", '"*/"'],
    ["quote and backslash", 'a"\\', "value", '"a\\"\\\\"'],
    ["U+2028", "a\u2028b", "value", '"a\\u2028b"'],
    ["RLO", "\u202e", "type", '"\\u202e"'],
  ];

  it.each(cases)("%s", (_name, given, context, want) => {
    const key = propertyKey(given, context);
    expect(key).toBe(want);
    expectKeyWorks(key, given, context);
  });

  it("defines exactly the named own property, for arbitrary names", () => {
    fc.assert(
      fc.property(fc.oneof(anyString, fc.constantFrom("__proto__", "constructor")), (name) => {
        expectKeyWorks(propertyKey(name, "value"), name, "value");
        expectKeyWorks(propertyKey(name, "type"), name, "type");
      }),
      RUNS,
    );
  });
});

/**
 * In a type literal the key parses and names exactly `name`; in an object literal ("value" keys)
 * it also defines exactly that own data property and leaves the prototype alone.
 */
function expectKeyWorks(key: string, name: string, context: "type" | "value"): void {
  expect(key).not.toMatch(FORBIDDEN_IN_LITERAL);
  const sf = parse(`export type T = { ${key}: 1 };`);
  expect(parseErrors(sf)).toEqual([]);
  const alias = sf.statements[0];
  if (
    alias === undefined ||
    !ts.isTypeAliasDeclaration(alias) ||
    !ts.isTypeLiteralNode(alias.type)
  ) {
    throw new Error("expected a type literal");
  }
  const member = alias.type.members[0]?.name;
  const named =
    member !== undefined && ts.isComputedPropertyName(member) ? member.expression : member;
  if (named === undefined || !(ts.isIdentifier(named) || ts.isStringLiteral(named))) {
    throw new Error(`unexpected property name in ${key}`);
  }
  expect(named.text).toBe(name);
  if (context === "type") return;
  expect(parseErrors(parse(`export const o = { ${key}: 1 };`))).toEqual([]);
  const result = evaluate(
    `(() => { const o = { ${key}: 1 }; return JSON.stringify([Object.getPrototypeOf(o) === Object.prototype, Object.getOwnPropertyNames(o)]); })()`,
  );
  expect(JSON.parse(String(result))).toEqual([true, [name]]);
}

describe("numberLiteral", () => {
  const cases: [name: string, given: number, want: string][] = [
    ["zero", 0, "0"],
    ["negative zero", -0, "-0"],
    ["negative", -5, "-5"],
    ["fraction", 1.5, "1.5"],
    ["negative fraction", -0.25, "-0.25"],
    ["above 2^53", 2 ** 53 + 2, "9007199254740994"],
    ["2^64", 2 ** 64, "18446744073709552000"],
    ["exponent form (as prettier writes it)", 1e21, "1e21"],
    ["small", 5e-7, "5e-7"],
    ["max value", Number.MAX_VALUE, "1.7976931348623157e308"],
    ["min value", Number.MIN_VALUE, "5e-324"],
    ["negative max safe", Number.MIN_SAFE_INTEGER, "-9007199254740991"],
  ];

  it.each(cases)("%s", (_name, given, want) => {
    const literal = numberLiteral(given);
    expect(literal).toBe(want);
    expect(Object.is(evaluate(literal), given)).toBe(true);
    expect(parseErrors(parse(`export const n = ${literal};`))).toEqual([]);
    expect(parseErrors(parse(`export type N = ${literal};`))).toEqual([]);
  });

  it("writes every case as prettier would (laid-out validator code skips prettier)", async () => {
    const source = cases.map(([, given], index) => `const n${index} = ${numberLiteral(given)};\n`);
    expect(await formatModule(source.join(""))).toBe(source.join(""));
  });

  it.each([[NaN], [Infinity], [-Infinity]])("throws RangeError for %s", (value) => {
    expect(() => numberLiteral(value)).toThrow(RangeError);
  });

  it("round-trips arbitrary finite numbers", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(Object.is(evaluate(numberLiteral(n)), n)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("literalType", () => {
  const cases: [name: string, given: string | number | boolean, want: string][] = [
    ["string", "active", '"active"'],
    ["hostile string", '*/"\u2028\u202e', '"*/\\"\\u2028\\u202e"'],
    ["number", 42, "42"],
    ["negative number", -5, "-5"],
    ["negative zero", -0, "-0"],
    ["true", true, "true"],
    ["false", false, "false"],
  ];

  it.each(cases)("%s", (_name, given, want) => {
    const literal = literalType(given);
    expect(literal).toBe(want);
    const sf = parse(`export type T = ${literal};`);
    expect(parseErrors(sf)).toEqual([]);
    expect(sf.statements).toHaveLength(1);
  });

  it("throws RangeError for non-finite numbers", () => {
    expect(() => literalType(NaN)).toThrow(RangeError);
    expect(() => literalType(-Infinity)).toThrow(RangeError);
  });
});
