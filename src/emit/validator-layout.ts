/**
 * Indents the validator code the way prettier would (2 spaces per open bracket, `case` bodies one level
 * deeper). The code is emitted one statement or element per line already, so indenting is all that is
 * left; skipping prettier for it keeps generation time close to what the types alone cost (validators
 * are most of a module's text).
 */

/** Counts the brackets that a line opens minus those it closes, ignoring string literal contents. */
function bracketBalance(line: string): { leadingClosers: number; balance: number } {
  let balance = 0;
  let leadingClosers = 0;
  let leading = true;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string;
    if (char === '"') {
      // Emitted strings are JSON-style: skip to the closing quote, honouring escapes.
      for (i++; i < line.length && line[i] !== '"'; i++) if (line[i] === "\\") i++;
      leading = false;
      continue;
    }
    if (char === "{" || char === "[" || char === "(") balance++;
    else if (char === "}" || char === "]" || char === ")") {
      balance--;
      if (leading) leadingClosers++;
      continue;
    }
    if (char !== " ") leading = false;
  }
  return { leadingClosers, balance };
}

/** Indents code written one statement per line with no indentation. */
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
    // As prettier does: a one-line `if` too wide for 100 columns puts its statement on the next line.
    const wrapped =
      `${indent}${line}`.length > 100 ? /^(if \(.*\)) (return [^;]*;)$/.exec(line) : null;
    if (wrapped) out.push(`${indent}${wrapped[1]}`, `${indent}  ${wrapped[2]}`);
    else if (line.startsWith("= ")) out.push(`${indent}${line.slice(2)}`);
    else out.push(`${indent}${line}`);
    const opened = balance + leadingClosers;
    for (let i = 0; i < opened; i++) inCase.push(false);
    for (let i = opened; i < 0; i++) inCase.pop();
    depth += balance;
  }
  return out.join("\n");
}
