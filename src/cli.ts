#!/usr/bin/env node
/**
 * The command line: argv -> options -> generate/check -> print diagnostics -> exit code.
 * The only module that prints or exits. Exit codes: 0 success, 1 doc errors or stale output,
 * 2 usage or config errors.
 */
import { Command, InvalidArgumentError, Option } from "commander";
import { readFileSync } from "node:fs";
import { check, writeOutput, type RunResult } from "./api.js";
import type { Diagnostic } from "./diagnostics.js";
import { formatDiagnostic } from "./diagnostics-format.js";
import type { GenerateOptions } from "./options.js";
import { ConfigError, loadConfig } from "./config.js";

interface CliFlags {
  input?: string;
  out?: string;
  config?: string;
  check?: boolean;
  fieldNames?: GenerateOptions["fieldNames"];
  enumStyle?: GenerateOptions["enumStyle"];
  cache: boolean;
  reporter: "text" | "json";
  maxErrors?: number;
  quiet?: boolean;
}

const VERSION = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError("expected a whole number of at least 1");
  return parsed;
}

function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  flags: CliFlags,
  inputPrefix: string,
): void {
  const shown = diagnostics.filter((d) => !flags.quiet || d.severity === "error");
  let errors = 0;
  for (const diagnostic of shown) {
    if (diagnostic.severity === "error") {
      errors += 1;
      if (errors > (flags.maxErrors ?? 20)) continue;
    } else if (diagnostic.severity === "info") continue;
    process.stderr.write(`${formatDiagnostic(diagnostic, inputPrefix)}\n`);
  }
  const count = (severity: Diagnostic["severity"]) =>
    diagnostics.filter((d) => d.severity === severity).length;
  const max = flags.maxErrors ?? 20;
  if (errors > max)
    process.stderr.write(
      `Stopped after ${max} errors (${errors - max} more not shown; raise --max-errors to see them).\n`,
    );
  if (!flags.quiet)
    process.stderr.write(
      `${count("error")} errors, ${count("warning")} warnings, ${count("info")} skipped pages.\n`,
    );
}

async function run(flags: CliFlags): Promise<number> {
  let config: GenerateOptions;
  try {
    config = loadConfig(flags.config, process.cwd());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`docs2ts: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const options: GenerateOptions = {
    ...config,
    ...(flags.input !== undefined ? { input: flags.input } : {}),
    ...(flags.out !== undefined ? { out: flags.out } : {}),
    ...(flags.fieldNames !== undefined ? { fieldNames: flags.fieldNames } : {}),
    ...(flags.enumStyle !== undefined ? { enumStyle: flags.enumStyle } : {}),
    ...(flags.cache === false ? { cache: false } : {}),
    ...(flags.maxErrors !== undefined ? { maxErrors: flags.maxErrors } : {}),
  };
  const inputPrefix = `${(options.input ?? "input").replace(/\/+$/, "")}/`;
  let result: RunResult;
  try {
    result = flags.check ? await check(options) : await writeOutput(options);
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    if (err.code === "ENOENT" && err.path !== undefined) {
      process.stderr.write(`docs2ts: cannot read ${err.path}: no such file or directory\n`);
      return 2;
    }
    if (err.code !== undefined) {
      process.stderr.write(`docs2ts: ${err.message}\n`);
      return 1;
    }
    throw error;
  }
  if (flags.reporter === "json") {
    process.stdout.write(`${JSON.stringify(result.diagnostics)}\n`);
  } else {
    printDiagnostics(result.diagnostics, flags, inputPrefix);
  }
  if (result.failed) {
    if (flags.reporter === "text")
      process.stderr.write(`No files were written: fix the errors above first.\n`);
    return 1;
  }
  const { added, changed, removed, unchanged } = result.changes;
  if (flags.check) {
    if ("upToDate" in result && result.upToDate) {
      if (flags.reporter === "text" && !flags.quiet)
        process.stderr.write(
          `${options.out ?? "generated"}/ is up to date (${unchanged} files).\n`,
        );
      return 0;
    }
    if (flags.reporter === "text") {
      const diffs = "diffs" in result ? (result.diffs as string[]) : [];
      for (const diff of diffs.slice(0, 10)) process.stderr.write(`${diff}\n`);
      if (diffs.length > 10)
        process.stderr.write(`... and ${diffs.length - 10} more stale files\n`);
      process.stderr.write(
        `${options.out ?? "generated"}/ is stale: ${added.length} to add, ${changed.length} to update, ${removed.length} to remove. Run \`${result.options.regenerateCommand}\` to update it.\n`,
      );
    }
    return 1;
  }
  if (flags.reporter === "text" && !flags.quiet) {
    process.stderr.write(
      `Wrote ${added.length + changed.length} files (${added.length} new), removed ${removed.length}, ${unchanged} unchanged in ${result.options.out}/.\n`,
    );
  }
  return 0;
}

/** Builds the command line program (exported for the `--help` snapshot test). */
export function program(): Command {
  const cli = new Command("docs2ts")
    .description("Turn folders of Markdown schema docs into strictly typed TypeScript.")
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();
  const generateCommand = cli
    .command("generate", { isDefault: true })
    .description("Generate TypeScript from a docs folder (or check that the output is current).")
    .option(
      "-i, --input <dir>",
      "the docs folder to read (default: input, or the config file's input)",
    )
    .option("-o, --out <dir>", "the folder to write TypeScript to (default: generated)")
    .option(
      "-c, --config <file>",
      "a config file (default: docs2ts.config.json in the current folder, if any)",
    )
    .option("--check", "write nothing; exit 1 with a diff when the output folder is stale")
    .addOption(
      new Option("--field-names <mode>", "property names in the output").choices([
        "as-documented",
        "snake_case",
        "camelCase",
      ]),
    )
    .addOption(
      new Option("--enum-style <style>", "how enum pages are emitted").choices([
        "const-object",
        "enum",
        "union",
      ]),
    )
    .option("--no-cache", "ignore and do not update the content-hash cache")
    .addOption(
      new Option(
        "--reporter <format>",
        "diagnostics as text lines on stderr, or one JSON array on stdout",
      )
        .choices(["text", "json"])
        .default("text"),
    )
    .option("--max-errors <n>", "stop listing errors after n (default: 20)", positiveInteger)
    .option("-q, --quiet", "print errors only");
  generateCommand.action(async (flags: CliFlags) => {
    process.exitCode = await run(flags);
  });
  cli
    .command("check")
    .description("Same as `generate --check`: exit 1 with a diff when the output folder is stale.")
    .option("-i, --input <dir>", "the docs folder to read")
    .option("-o, --out <dir>", "the generated folder to compare")
    .option("-c, --config <file>", "a config file")
    .option("--no-cache", "ignore the content-hash cache")
    .addOption(
      new Option("--reporter <format>", "text or json").choices(["text", "json"]).default("text"),
    )
    .option("-q, --quiet", "print errors only")
    .action(async (flags: CliFlags) => {
      process.exitCode = await run({ ...flags, check: true });
    });
  return cli;
}

async function main(): Promise<void> {
  try {
    await program().parseAsync(process.argv);
  } catch (error) {
    const code = (error as { code?: string; exitCode?: number }).code;
    if (code === "commander.helpDisplayed" || code === "commander.version") {
      process.exitCode = 0;
      return;
    }
    if (typeof code === "string" && code.startsWith("commander.")) {
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`docs2ts: internal error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  }
}

await main();
