/**
 * A safe evaluator for example values: walks the TypeScript AST of an expression and builds the value
 * only from literals (objects, arrays, strings, numbers, negative numbers, booleans, `null`,
 * `new Date("...")`, and `"a" + "b"` between string literals). Anything else (calls, identifiers, spreads, computed keys) is refused with the
 * position of the node; doc text is never executed.
 */
import { ts } from "ts-morph";

/** The value of an expression, or why it has none. */
export type LiteralValue =
  { ok: true; value: unknown } | { ok: false; reason: string; line: number; column: number };

/** How `new Date("...")` and `new RFCDate("...")` evaluate. */
export interface LiteralOptions {
  /** `string` (default): the text as written; `Date`: a `Date` object (an invalid date is refused). */
  dates?: "string" | "Date";
}

class NotALiteral extends Error {
  constructor(
    readonly node: ts.Node,
    reason: string,
  ) {
    super(reason);
  }
}

/** Evaluates `node` (an expression in `file`). */
export function evaluateLiteral(
  node: ts.Expression,
  file: ts.SourceFile,
  options: LiteralOptions = {},
): LiteralValue {
  try {
    return { ok: true, value: evaluate(node, options.dates ?? "string") };
  } catch (error) {
    if (!(error instanceof NotALiteral)) throw error;
    const at = file.getLineAndCharacterOfPosition(error.node.getStart(file));
    return { ok: false, reason: error.message, line: at.line + 1, column: at.character + 1 };
  }
}

function propertyName(name: ts.PropertyName): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name))
    return name.text;
  if (ts.isNumericLiteral(name)) return String(Number(name.text));
  throw new NotALiteral(name, "Unexpected computed property name, expected a plain key");
}

function numberOf(node: ts.NumericLiteral, negative: boolean): number {
  const value = Number(node.text);
  if (!Number.isFinite(value))
    throw new NotALiteral(
      node,
      `Unexpected number \`${node.text}\` out of range, expected a finite number`,
    );
  return negative ? -value : value;
}

function evaluate(node: ts.Expression, dates: "string" | "Date"): unknown {
  if (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node)
  )
    return evaluate(node.expression, dates);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return numberOf(node, false);
  if (
    ts.isPrefixUnaryExpression(node) &&
    node.operator === ts.SyntaxKind.MinusToken &&
    ts.isNumericLiteral(node.operand)
  )
    return numberOf(node.operand, true);
  // Long strings are split over lines as `"a" + "b"`: concatenating two literal strings is still data.
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = evaluate(node.left, dates);
    const right = evaluate(node.right, dates);
    if (typeof left === "string" && typeof right === "string") return left + right;
    throw new NotALiteral(
      node,
      "Unexpected `+` between non-strings, expected string concatenation",
    );
  }
  switch (node.kind) {
    case ts.SyntaxKind.TrueKeyword:
      return true;
    case ts.SyntaxKind.FalseKeyword:
      return false;
    case ts.SyntaxKind.NullKeyword:
      return null;
  }
  if (ts.isArrayLiteralExpression(node)) {
    return node.elements.map((element) => {
      if (ts.isSpreadElement(element) || ts.isOmittedExpression(element))
        throw new NotALiteral(element, "Unexpected spread or hole in an array, expected values");
      return evaluate(element, dates);
    });
  }
  if (ts.isObjectLiteralExpression(node)) {
    // A null-prototype object: a key such as `__proto__` is data, not a prototype change.
    const result: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property))
        throw new NotALiteral(
          property,
          "Unexpected shorthand, spread or method, expected `key: value`",
        );
      result[propertyName(property.name)] = evaluate(property.initializer, dates);
    }
    return { ...result };
  }
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
    const constructor = node.expression.text;
    const args = node.arguments ?? [];
    const first = args[0];
    if ((constructor === "Date" || constructor === "RFCDate") && args.length === 1 && first) {
      const text = evaluate(first, "string");
      if (typeof text !== "string")
        throw new NotALiteral(first, "Unexpected non-string date argument, expected a date string");
      if (dates === "string" || constructor === "RFCDate") return text;
      const date = new Date(text);
      if (Number.isNaN(date.getTime()))
        throw new NotALiteral(first, `Unexpected invalid date \`${text}\`, expected an ISO date`);
      return date;
    }
  }
  throw new NotALiteral(
    node,
    `Unexpected ${ts.SyntaxKind[node.kind]}, expected an object, array, string, number, boolean, null or \`new Date("...")\` literal`,
  );
}
