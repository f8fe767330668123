/**
 * A small reader of `.proto` files for the truth tests: packages, messages (nested ones too), their
 * fields (label, type as written, `map<K, V>`, fields inside `oneof`) and enums with their value names.
 * Options (`[...]`, `option ...;`), imports, services, `extend` blocks and `reserved` lines are skipped.
 * It reads well-formed files of the protobuf language; it is no validator.
 */

/** One field of a message. */
export interface ProtoField {
  name: string;
  /** The type as written (`uint64`, `cosmos.base.v1beta1.Coin`, `Inner`). */
  type: string;
  label: "" | "repeated" | "optional" | "required";
  /** For `map<K, V>`: the value type as written (the field's `type` is the value type too). */
  map?: { key: string };
}

/** A message, by its full name. */
export interface ProtoMessage {
  fullName: string;
  packageName: string;
  /** The name inside the package (`Outer.Inner`). */
  longName: string;
  fields: ProtoField[];
}

export interface ProtoEnum {
  fullName: string;
  packageName: string;
  longName: string;
  values: string[];
}

export interface ProtoFile {
  packageName: string;
  messages: ProtoMessage[];
  enums: ProtoEnum[];
}

const TOKEN =
  /\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[A-Za-z_.][\w.]*|-?\d[\w.+-]*|./g;

function tokens(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    if (/^\s/.test(token) || token.startsWith("//") || token.startsWith("/*")) continue;
    out.push(token);
  }
  return out;
}

/** Reads one `.proto` file's text. */
export function readProto(text: string): ProtoFile {
  const t = tokens(text);
  let i = 0;
  const file: ProtoFile = { packageName: "", messages: [], enums: [] };
  const peek = () => t[i] ?? "";
  const next = () => t[i++] ?? "";
  const skipStatement = () => {
    let depth = 0;
    while (i < t.length) {
      const token = next();
      if (token === "[" || token === "(" || token === "<") depth += 1;
      else if (token === "]" || token === ")" || token === ">") depth -= 1;
      else if (token === "{" && depth === 0) {
        skipBlock();
        return;
      } else if (token === ";" && depth === 0) return;
    }
  };
  // Called after `{` was read: skips to the matching `}`.
  const skipBlock = () => {
    let depth = 1;
    while (i < t.length && depth > 0) {
      const token = next();
      if (token === "{") depth += 1;
      else if (token === "}") depth -= 1;
    }
  };
  const qualified = (longName: string) =>
    file.packageName === "" ? longName : `${file.packageName}.${longName}`;

  const readEnum = (outer: string) => {
    const longName = outer + next();
    next(); // {
    const values: string[] = [];
    while (i < t.length && peek() !== "}") {
      const token = peek();
      if (token === "option" || token === "reserved" || token === ";") {
        skipStatement();
        continue;
      }
      values.push(next());
      skipStatement();
    }
    next(); // }
    file.enums.push({
      fullName: qualified(longName),
      packageName: file.packageName,
      longName,
      values,
    });
  };

  const readField = (fields: ProtoField[]) => {
    let label: ProtoField["label"] = "";
    if (["repeated", "optional", "required"].includes(peek()))
      label = next() as ProtoField["label"];
    if (peek() === "map") {
      next(); // map
      next(); // <
      const key = next();
      next(); // ,
      const value = next();
      next(); // >
      fields.push({ name: next(), type: value, label, map: { key } });
    } else {
      const type = next();
      fields.push({ name: next(), type, label });
    }
    skipStatement();
  };

  const readMessage = (outer: string) => {
    const longName = outer + next();
    next(); // {
    const message: ProtoMessage = {
      fullName: qualified(longName),
      packageName: file.packageName,
      longName,
      fields: [],
    };
    file.messages.push(message);
    while (i < t.length && peek() !== "}") {
      const token = peek();
      if (token === "message") {
        next();
        readMessage(`${longName}.`);
      } else if (token === "enum") {
        next();
        readEnum(`${longName}.`);
      } else if (token === "oneof") {
        next();
        next(); // name
        next(); // {
        while (i < t.length && peek() !== "}") {
          if (peek() === "option") skipStatement();
          else readField(message.fields);
        }
        next(); // }
      } else if (["option", "reserved", "extensions", "extend", ";"].includes(token)) {
        skipStatement();
      } else {
        readField(message.fields);
      }
    }
    next(); // }
  };

  while (i < t.length) {
    const token = next();
    if (token === "package") {
      file.packageName = next();
      skipStatement();
    } else if (token === "message") readMessage("");
    else if (token === "enum") readEnum("");
    else if (token !== ";") skipStatement();
  }
  return file;
}
