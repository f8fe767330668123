/**
 * Lays out validator code exactly as prettier would, so that it can skip prettier: validator code is
 * most of a module's text, and formatting it was most of a cold run's time.
 *
 * The code arrives one statement or element per line with no indentation. Indenting follows the
 * brackets (2 spaces per open bracket, `case` bodies one level deeper). A statement too wide for 100
 * columns is broken as prettier breaks the few statement forms validator code has (`if`, `return` of
 * a logical chain, a function signature). Where docs2ts does not know prettier's layout the line
 * stays too wide, `isPrettierLayout` says no, and the module is formatted by prettier after all.
 * Tests compare the result with prettier's on every module of every corpus.
 */
import { hasRewrittenText, scanCode, WIDTH } from "./layout-text.js";

/** Walks a line outside string literals, with the depth of its round, square and curly brackets. */
const scan = (line: string, visit: (index: number, depth: number) => void) =>
  scanCode(line, "([{", ")]}", visit);

/** Counts the brackets that a line opens minus those it closes, and those it starts by closing. */
function bracketBalance(line: string): { leadingClosers: number; balance: number } {
  let balance = 0;
  scan(line, (i) => {
    const char = line[i] as string;
    if ("([{".includes(char)) balance++;
    else if (")]}".includes(char)) balance--;
  });
  let leadingClosers = (/^[ )\]}]*/.exec(line)?.[0] ?? "").replaceAll(" ", "").length;
  // Type arguments broken one per line (`Type<` ... `>`) indent like brackets.
  if (line.endsWith("<")) balance++;
  if (line.startsWith(">")) {
    balance--;
    leadingClosers++;
  }
  return { leadingClosers, balance };
}

/**
 * The operands of a logical chain `a && b && c` (or `||`) split at its top level, with the operator;
 * undefined when the expression is not such a chain, or mixes `&&` and `||` at its top level (prettier
 * groups those by precedence).
 */
function logicalChain(expression: string): { operator: string; operands: string[] } | undefined {
  const cuts: number[] = [];
  const operators = new Set<string>();
  scan(expression, (i, depth) => {
    if (depth !== 0 || expression[i] !== " ") return;
    const operator = expression.slice(i + 1, i + 3);
    if ((operator === "&&" || operator === "||") && expression[i + 3] === " ") {
      cuts.push(i);
      operators.add(operator);
    }
  });
  if (cuts.length === 0 || operators.size > 1) return undefined;
  const operands: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    operands.push(expression.slice(from, cut));
    from = cut + 4;
  }
  operands.push(expression.slice(from));
  return { operator: [...operators][0] as string, operands };
}

/** The index of the bracket closing the one at `open`, or -1. */
function closingBracket(line: string, open: number): number {
  let found = -1;
  scan(line, (i, depth) => {
    if (found < 0 && i > open && depth === 1 && ")]}".includes(line[i] as string)) found = i;
  });
  return found;
}

/** `operand op` lines of a broken chain at `indent` (the last without the operator). */
function chainLines(indent: string, chain: { operator: string; operands: string[] }): string[] {
  return chain.operands.map(
    (operand, index) =>
      `${indent}${operand}${index < chain.operands.length - 1 ? ` ${chain.operator}` : ""}`,
  );
}

/**
 * The lines prettier breaks a statement too wide for one line into, for the forms validator code
 * uses; undefined for any other (the line then stays as it is, too wide).
 */
function breakStatement(indent: string, statement: string): string[] | undefined {
  const inner = `${indent}  `;
  // `if (condition) statement;`: the statement on the next line; the condition one operand per line
  // when even `if (condition)` is too wide.
  if (statement.startsWith("if (")) {
    const close = closingBracket(statement, 3);
    const body = statement.slice(close + 2);
    if (close < 0 || statement[close + 1] !== " " || !body.endsWith(";")) return undefined;
    const head = `${indent}${statement.slice(0, close + 1)}`;
    if (head.length <= WIDTH) return [head, `${inner}${body}`];
    const chain = logicalChain(statement.slice(4, close));
    if (!chain) return undefined;
    return [`${indent}if (`, ...chainLines(inner, chain), `${indent})`, `${inner}${body}`];
  }
  // `return a || b;`: in parentheses, on one line of its own when it fits, else one operand per line.
  if (statement.startsWith("return ") && statement.endsWith(";")) {
    const expression = statement.slice(7, -1);
    const chain = logicalChain(expression);
    if (!chain) return undefined;
    const lines =
      `${inner}${expression}`.length <= WIDTH
        ? [`${inner}${expression}`]
        : chainLines(inner, chain);
    return [`${indent}return (`, ...lines, `${indent});`];
  }
  // `export function f(a: A, b: B): R {`: one parameter per line, each with a trailing comma.
  const signature = /^((?:export )?function [\w$]+)\((.*)\)(: .*) \{$/.exec(statement);
  if (signature) {
    const [, name, parameters, returns] = signature as unknown as [string, string, string, string];
    const list = parameters.split(", ").map((parameter) => `${inner}${parameter},`);
    return [`${indent}${name}(`, ...list, `${indent})${returns} {`];
  }
  return undefined;
}

/** Indents code written one statement per line with no indentation, breaking what is too wide. */
export function layoutCode(code: string): string {
  const out: string[] = [];
  let depth = 0;
  // Per open bracket level: whether a `case` label has been seen (its statements go one deeper).
  const inCase: boolean[] = [];
  for (const raw of code.split("\n")) {
    const line = raw.trim();
    if (line === "") {
      out.push("");
      continue;
    }
    if (line.startsWith("/**") || line.startsWith("*")) {
      out.push(`${"  ".repeat(depth)}${line.startsWith("*") ? " " : ""}${line}`);
      continue;
    }
    const { leadingClosers, balance } = bracketBalance(line);
    for (let i = 0; i < leadingClosers; i++) inCase.pop();
    const base = depth - leadingClosers;
    const isLabel = line.startsWith("case ") || line.startsWith("default:");
    if (isLabel && inCase.length > 0) inCase[inCase.length - 1] = true;
    const continued = /^[?:=] /.test(line) ? 1 : 0;
    const extra = (!isLabel && inCase[inCase.length - 1] === true ? 1 : 0) + continued;
    const indent = "  ".repeat(Math.max(0, base + extra));
    const text = line.startsWith("= ") ? line.slice(2) : line;
    const broken = indent.length + text.length > WIDTH ? breakStatement(indent, text) : undefined;
    out.push(...(broken ?? [`${indent}${text}`]));
    const opened = balance + leadingClosers;
    for (let i = 0; i < opened; i++) inCase.push(false);
    for (let i = opened; i < 0; i++) inCase.pop();
    depth += balance;
  }
  return out.join("\n");
}

/**
 * Whether laid-out validator code can skip prettier: every line but comments fits in 100 columns
 * (prettier never rewraps comments), every character is ASCII (prettier measures East Asian wide
 * characters as two columns), and no string literal holds a double quote (prettier would switch such
 * a string to single quotes).
 */
export function isPrettierLayout(code: string): boolean {
  if (hasRewrittenText(code)) return false;
  for (const line of code.split("\n")) {
    if (line.length <= WIDTH) continue;
    const text = line.trimStart();
    if (!text.startsWith("/**") && !text.startsWith("*")) return false;
  }
  return true;
}
