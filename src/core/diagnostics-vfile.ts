/**
 * Diagnostics as the unified ecosystem writes them: `VFileMessage`s (vfile-message) grouped in one
 * `VFile` per page, for vfile-reporter, editor integrations and anything else that reads vfiles.
 * Only the public API loads this module; the pipeline keeps diagnostics as plain data.
 */
import { VFile } from "vfile";
import { VFileMessage } from "vfile-message";
import { ruleUrl, type Diagnostic } from "./diagnostics.js";

/**
 * `diagnostic` as a `VFileMessage`: `place` spans its start to its end, `source` is `docs2ts`, `url`
 * links the rule's section of docs/rules.md, and `fatal` is true for an error, false for a warning and
 * undefined for an info (vfile-message's three levels). `file` is the page as the diagnostic names
 * it (relative to the input folder; "" for the folder itself).
 */
export function toVFileMessage(diagnostic: Diagnostic): VFileMessage {
  const message = new VFileMessage(diagnostic.message, {
    place: {
      start: { line: diagnostic.line, column: diagnostic.column },
      end: { line: diagnostic.endLine, column: diagnostic.endColumn },
    },
    ruleId: diagnostic.ruleId,
    source: "docs2ts",
  });
  message.file = diagnostic.file;
  message.fatal =
    diagnostic.severity === "error" ? true : diagnostic.severity === "warning" ? false : undefined;
  message.url = ruleUrl(diagnostic.ruleId);
  return message;
}

/**
 * The diagnostics as vfiles, one per page in the order the pages first appear, each holding its
 * messages. A vfile's path is the page under `input` (the docs folder as given to `generate`, as
 * the CLI prints it: `docs/models/user.md`); a finding about the folder itself is on a vfile for the
 * folder. Without `input` the paths are relative to the docs folder.
 */
export function toVFiles(diagnostics: readonly Diagnostic[], input?: string): VFile[] {
  // The CLI's prefix: the folder as given, one `/` after it.
  const prefix = input === undefined ? "" : `${input.replace(/\/+$/, "")}/`;
  const files = new Map<string, VFile>();
  for (const diagnostic of diagnostics) {
    const path = diagnostic.file === "" ? input || "." : `${prefix}${diagnostic.file}`;
    let file = files.get(path);
    if (file === undefined) {
      file = new VFile({ path });
      files.set(path, file);
    }
    const message = toVFileMessage(diagnostic);
    message.file = path;
    file.messages.push(message);
  }
  return [...files.values()];
}
