/**
 * Lays out validator code exactly as prettier would, so that it can skip prettier: validator code is
 * most of a module's text, and formatting it was most of a cold run's time.
 *
 * The code arrives flat: one statement or object property per line, no indentation, no line broken.
 * All breaking happens here. Indenting follows the brackets (2 spaces per open bracket, `case` bodies
 * one level deeper). A line too wide for the print width is broken as prettier breaks the few forms
 * validator code has (`if`, `return` of a logical chain or a conditional, a function signature, the
 * `XSchema` assignment, a list property), and a list property of several arrays always is. Where
 * docs2ts does not know prettier's layout the line stays too wide, `isPrettierLayout` says no, and the
 * module is formatted by prettier after all.
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
  const leadingClosers = (/^[ )\]}]*/.exec(line)?.[0] ?? "").replaceAll(" ", "").length;
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

/** `text` cut at `separator` where it stands outside brackets and strings. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let from = 0;
  scan(text, (i, depth) => {
    if (depth === 0 && i >= from && text.startsWith(separator, i)) {
      parts.push(text.slice(from, i));
      from = i + separator.length;
    }
  });
  parts.push(text.slice(from));
  return parts;
}

/**
 * An array or object literal too wide for its line, broken as prettier breaks it: `head` and the
 * opening bracket, one element per line with a trailing comma (an element still too wide broken the
 * same way, or `key: literal` with the literal broken), and the closing bracket with `tail`. Undefined
 * when an element is too wide and no literal, or the literal is a list of numbers (prettier fills those).
 */
function breakLiteral(
  indent: string,
  head: string,
  literal: string,
  tail: string,
): string[] | undefined {
  const object = literal.startsWith("{ ") && literal.endsWith(" }");
  if (!object && !(literal.startsWith("[") && literal.endsWith("]"))) return undefined;
  const elements = splitTopLevel(object ? literal.slice(2, -2) : literal.slice(1, -1), ", ");
  if (!object && elements.every((element) => /^-?\d/.test(element))) return undefined;
  const inner = `${indent}  `;
  const lines = [`${indent}${head}${object ? "{" : "["}`];
  for (const element of elements) {
    const line = `${inner}${element},`;
    if (line.length <= WIDTH) {
      lines.push(line);
      continue;
    }
    const property = object ? /^([\w$]+: )([[{].*)$/.exec(element) : null;
    const broken = property
      ? breakLiteral(inner, property[1] as string, property[2] as string, ",")
      : breakLiteral(inner, "", element, ",");
    if (!broken) return undefined;
    lines.push(...broken);
  }
  lines.push(`${indent}${object ? "}" : "]"}${tail}`);
  return lines;
}

/**
 * A list property `key: [a, b],` one element per line, as prettier lays it out: when it is too wide,
 * or when it has several elements that are all arrays (prettier then always breaks). A list of numbers
 * too wide for one line stays as it is: prettier fills such lines, which docs2ts does not copy.
 */
function breakList(indent: string, line: string): string[] | undefined {
  const list = /^([\w$]+): \[(.*)\],$/.exec(line);
  if (!list || list[2] === "") return undefined;
  const elements = splitTopLevel(list[2] as string, ", ");
  const forced = elements.length > 1 && elements.every((element) => element.startsWith("["));
  if (!forced && indent.length + line.length <= WIDTH) return undefined;
  if (elements.length > 1 && elements.every((element) => /^-?\d/.test(element))) return undefined;
  const inner = `${indent}  `;
  const lines = [`${indent}${list[1]}: [`];
  for (const element of elements) {
    const line = `${inner}${element},`;
    lines.push(...((line.length > WIDTH && breakLiteral(inner, "", element, ",")) || [line]));
  }
  lines.push(`${indent}],`);
  return lines;
}

/**
 * `export const name: Type<A, B> = callee(argument);` as prettier lays out an assignment of a call with
 * one identifier argument: a left side too wide for one line breaks its type arguments, one per line.
 * Otherwise a short argument (at most a quarter of the print width) makes the call "poorly breakable"
 * and the line breaks after `=`; a longer one stays after `=` when `left callee(` fits, with the
 * argument on a line of its own.
 */
function breakAssignCall(indent: string, line: string): string[] | undefined {
  const match = /^(export const [\w$]+: [\w$]+)<(.*)> = ([\w$]+)\(([\w$]+)\);$/.exec(line);
  if (!match || indent !== "") return undefined;
  const [, declared, typeArguments, callee, argument] = match as unknown as string[] as [
    string,
    string,
    string,
    string,
    string,
  ];
  const left = `${declared}<${typeArguments}> =`;
  if (left.length > WIDTH) {
    const list = splitTopLevel(typeArguments, ", ");
    return [
      `${declared}<`,
      ...list.map((t, i) => `  ${t}${i < list.length - 1 ? "," : ""}`),
      `> = ${callee}(${argument});`,
    ];
  }
  if (argument.length > WIDTH / 4 && left.length + callee.length + 2 <= WIDTH)
    return [`${left} ${callee}(`, `  ${argument},`, ");"];
  return [left, `  ${callee}(${argument});`];
}

/** `return c ? a : b;` broken before `?` and `:` (one level deeper), as prettier breaks it. */
function breakConditional(indent: string, statement: string): string[] | undefined {
  if (!statement.startsWith("return ") || !statement.endsWith(";")) return undefined;
  const [condition, rest, ...more] = splitTopLevel(statement.slice(7, -1), " ? ");
  if (rest === undefined || more.length > 0) return undefined;
  const [then = "", otherwise, ...extra] = splitTopLevel(rest, " : ");
  if (otherwise === undefined || extra.length > 0) return undefined;
  const inner = `${indent}  `;
  // A consequent too wide: an object literal breaks, its members aligned past the `? `.
  const consequent =
    `${inner}? ${then}`.length > WIDTH ? breakLiteral(`${inner}  `, "", then, "") : undefined;
  if (consequent) consequent[0] = `${inner}? ${(consequent[0] as string).trimStart()}`;
  return [
    `${indent}return ${condition}`,
    ...(consequent ?? [`${inner}? ${then}`]),
    `${inner}: ${otherwise};`,
  ];
}

/** The index of the bracket closing the one at `open`, or -1. */
function closingBracket(line: string, open: number): number {
  let found = -1;
  scan(line, (i, depth) => {
    if (found < 0 && i > open && depth === 1 && ")]}".includes(line[i] as string)) found = i;
  });
  return found;
}

/**
 * `operand op` lines of a broken chain at `indent` (the last without the operator). An operand too
 * wide that is a chain in parentheses breaks once the same way, its later operands two columns
 * deeper; deeper nesting is left to prettier (the line stays too wide).
 */
function chainLines(
  indent: string,
  chain: { operator: string; operands: string[] },
  nest = true,
): string[] {
  return chain.operands.flatMap((operand, index) => {
    const after = index < chain.operands.length - 1 ? ` ${chain.operator}` : "";
    const line = `${indent}${operand}${after}`;
    const nested =
      nest &&
      line.length > WIDTH &&
      operand.startsWith("(") &&
      closingBracket(operand, 0) === operand.length - 1
        ? logicalChain(operand.slice(1, -1))
        : undefined;
    if (!nested) return [line];
    const lines = chainLines(`${indent}  `, nested, false);
    lines[0] = `${indent}(${(lines[0] as string).trimStart()}`;
    lines[lines.length - 1] = `${lines[lines.length - 1] as string})${after}`;
    return lines;
  });
}

/**
 * The lines prettier breaks a statement too wide for one line into, for the forms validator code
 * uses; undefined for any other (the line then stays as it is, too wide).
 */
function breakStatement(indent: string, statement: string): string[] | undefined {
  const inner = `${indent}  `;
  const special = breakAssignCall(indent, statement) ?? breakConditional(indent, statement);
  if (special) return special;
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

/** Indents flat code (one statement per line, no indentation), breaking what prettier would break. */
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
    const extra = !isLabel && inCase[inCase.length - 1] === true ? 1 : 0;
    const indent = "  ".repeat(Math.max(0, base + extra));
    const broken =
      breakList(indent, line) ??
      (indent.length + line.length > WIDTH ? breakStatement(indent, line) : undefined);
    out.push(...(broken ?? [`${indent}${line}`]));
    const opened = balance + leadingClosers;
    for (let i = 0; i < opened; i++) inCase.push(false);
    for (let i = opened; i < 0; i++) inCase.pop();
    depth += balance;
  }
  return out.join("\n");
}

/**
 * Whether laid-out validator code can skip prettier: every line but comments and unbreakable heads
 * fits in 100 columns (prettier never rewraps comments), every character of the code outside comments
 * is ASCII (prettier measures East Asian wide characters as two columns), and no string literal holds
 * a double quote (prettier would switch such a string to single quotes).
 */
export function isPrettierLayout(code: string): boolean {
  if (hasRewrittenText(code)) return false;
  for (const line of code.split("\n")) {
    if (line.length <= WIDTH) continue;
    const text = line.trimStart();
    if (!text.startsWith("/**") && !text.startsWith("*") && !UNBREAKABLE_HEAD.test(line))
      return false;
  }
  return true;
}

/**
 * The first line of a broken signature or `XSchema` assignment: with a long name it is too wide, and
 * prettier leaves it so (no break is possible before the bracket).
 */
const UNBREAKABLE_HEAD = /^(?:export function [\w$]+\(|export const [\w$]+: [\w$]+<)$/;
