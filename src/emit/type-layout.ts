/**
 * Lays out the imports and type declarations ts-morph prints exactly as prettier would, so that most
 * modules never reach prettier (see validator-layout.ts for the validator code, and
 * docs/performance.md for why).
 *
 * ts-morph prints one member per line with 4-space indentation. Prettier's output for the same text
 * differs only in known ways, which this module applies: 2-space indentation, JSDoc continuation
 * lines re-indented and trimmed as prettier trims them, empty bodies as `{}`, and the few breaks prettier makes in these
 * declarations (an import's names one per line, a union type alias or property type one member per
 * line, a long string value on its own line). Text it does not know prettier's layout for (a double
 * quote inside a string, a quoted property key, non-ASCII text, a wide line of any other kind) makes
 * it answer `undefined`, and prettier formats the module as before.
 */
import { hasRewrittenText, scanCode, WIDTH } from "./layout-text.js";

/** The top-level members of a union type (split at ` | ` outside brackets and strings), or one. */
function unionMembers(type: string): string[] {
  const members: string[] = [];
  let from = 0;
  scanCode(type, "<([{", ">)]}", (i, depth) => {
    if (depth === 0 && i >= from && type.startsWith(" | ", i)) {
      members.push(type.slice(from, i));
      from = i + 3;
    }
  });
  members.push(type.slice(from));
  return members;
}

/** `| member` lines of a broken union at `indent`, the last one ending with `end`. */
function unionLines(indent: string, members: readonly string[], end: string): string[] {
  return members.map(
    (member, index) => `${indent}| ${member}${index === members.length - 1 ? end : ""}`,
  );
}

const fits = (lines: readonly string[]) => lines.every((line) => line.length <= WIDTH);

/**
 * The lines prettier breaks a too-wide declaration line into, or undefined when docs2ts does not
 * know them. `indent` is the line's indentation, `text` the line without it.
 */
function breakLine(indent: string, text: string): string[] | undefined {
  const inner = `${indent}  `;
  // `import { a, b } from "x";` (or `export`): one name per line; a list of one name never breaks,
  // and neither does `export * as x from "y";`.
  if (/^export \* as [\w$]+ from "[^"]*";$/.test(text)) return [`${indent}${text}`];
  const imported = /^((?:import|export) (?:type )?)\{ (.*) \} from ("[^"]*");$/.exec(text);
  if (imported) {
    const [, head, names, from] = imported as unknown as [string, string, string, string];
    const list = names.split(", ");
    if (list.length === 1) return [`${indent}${text}`];
    return [
      `${indent}${head}{`,
      ...list.map((name) => `${inner}${name},`),
      `${indent}} from ${from};`,
    ];
  }
  // `export type X = A | B;`: the union on the next line when it fits there, else one per line.
  const alias = /^(export type [\w$]+ =) (.*);$/.exec(text);
  if (alias) {
    const [, left, type] = alias as unknown as [string, string, string];
    const members = unionMembers(type);
    const next = [`${indent}${left}`, `${inner}${type};`];
    // One name or string: on the next line when it fits there (prettier cannot break it further).
    if (members.length < 2)
      return /^(?:[\w$]+|"(?:[^"\\]|\\.)*")$/.test(type) && fits(next) ? next : undefined;
    if (fits(next)) return next;
    const broken = [`${indent}${left}`, ...unionLines(inner, members, ";")];
    return fits(broken) ? broken : undefined;
  }
  // `name?: A | B;` in an interface: the union on the next line when it fits there, else one member
  // per line. Prettier never breaks `Name | null` here (it hugs a type reference and null), and
  // docs2ts does not copy that rule: such a line goes to prettier.
  const property = /^((?:readonly )?[\w$]+\??:) (.*);$/.exec(text);
  if (property) {
    const [, left, type] = property as unknown as [string, string, string];
    const members = unionMembers(type);
    if (members.length < 2 || (members.length === 2 && members.includes("null"))) return undefined;
    const next = [`${indent}${left}`, `${inner}${type};`];
    if (fits(next)) return next;
    const broken = [`${indent}${left}`, ...unionLines(`${inner}`, members, ";")];
    return fits(broken) ? broken : undefined;
  }
  // `Key: "value",` in a const object: the string on the next line.
  const entry = /^([\w$]+:) ("(?:[^"\\]|\\.)*",)$/.exec(text);
  if (entry) return [`${indent}${entry[1] as string}`, `${inner}${entry[2] as string}`];
  return undefined;
}

/** Whether a line (without indentation) holds a property key in quotes. */
const quotedKey = (text: string) => /^(?:readonly )?"/.test(text);

/**
 * The text ts-morph printed for a module's imports and types, laid out as prettier would lay it out;
 * undefined where docs2ts does not know prettier's layout.
 */
export function layoutTypes(printed: string): string | undefined {
  if (hasRewrittenText(printed)) return undefined;
  const lines = printed.split("\n");
  const out: string[] = [];
  let inComment = false;
  let inEnum = false;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] as string;
    const text = raw.trimStart();
    const lead = raw.length - text.length;
    if (text === "") {
      out.push("");
      continue;
    }
    if (inComment || text.startsWith("*")) {
      // A JSDoc continuation line: prettier re-indents it under the `/**` and trims its end, but
      // keeps two trailing spaces (a Markdown line break) where there were two or more.
      const level = Math.floor(lead / 4);
      const last = text.includes("*/");
      const trimmed = text.trimEnd();
      const kept = trimmed !== "*" && text.endsWith("  ") ? `${trimmed}  ` : trimmed;
      out.push(`${"  ".repeat(level)} ${last ? text : kept}`);
      inComment = !last;
      continue;
    }
    if (lead % 4 !== 0) return undefined;
    if (text.startsWith("/**")) {
      inComment = !text.includes("*/");
      out.push(`${"  ".repeat(lead / 4)}${inComment ? text.trimEnd() : text}`);
      continue;
    }
    if (quotedKey(text)) return undefined;
    // ts-morph indents the end of a const object one level too deep.
    const indent = "  ".repeat(text === "} as const;" ? 0 : lead / 4);
    const previous = out[out.length - 1];
    // An empty body: `{}` on the opening line.
    if (text.startsWith("}") && previous?.endsWith("{") && !previous.trimStart().startsWith("/")) {
      out[out.length - 1] = `${previous}${text}`;
      continue;
    }
    if (text.startsWith("export enum ")) inEnum = true;
    else if (text === "}" && inEnum) {
      // ts-morph leaves the last enum member without the trailing comma prettier adds.
      inEnum = false;
      const last = out.length - 1;
      if (!(out[last] as string).endsWith(",")) out[last] = `${out[last] as string},`;
    }
    const line = `${indent}${text}`;
    if (line.length <= WIDTH) {
      out.push(line);
      continue;
    }
    const broken = breakLine(indent, text);
    if (!broken) return undefined;
    out.push(...broken);
  }
  return out.join("\n");
}
