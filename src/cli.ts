#!/usr/bin/env node
/**
 * The command line: argv -> config + flags -> projects -> generate/check (once, or on every change with
 * --watch) -> print diagnostics -> exit code. This file defines the commands and their flags; what
 * they do is in cli-run.ts (and init.ts for `docs2ts init`). Exit codes: 0 success, 1 doc errors or stale output, 2 usage or config
 * errors.
 */
import { Command, Option } from "commander";
import { readFileSync } from "node:fs";
import { DIALECTS } from "./core/options.js";
import { didYouMean } from "./core/suggest.js";
import {
  collect,
  emitKinds,
  folderProblem,
  positiveInteger,
  run,
  say,
  type CliFlags,
} from "./commands/cli-run.js";

const VERSION = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

/** Prints why `folder` is no docs folder and sets exit code 2; false when it is one. */
async function refuseFolder(folder: string, setting: string): Promise<boolean> {
  const problem = await folderProblem(
    folder,
    "the docs folder",
    "a folder of Markdown pages",
    setting,
  );
  if (problem === undefined) return false;
  say(`docs2ts: ${problem}`);
  process.exitCode = 2;
  return true;
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
      "a config file (default: docs2ts.config.{json,mjs,js} in the current folder, else package.json#docs2ts)",
    )
    .option("-p, --project <name>", "run only this project of the config (repeatable)", collect)
    .option("--check", "write nothing; exit 1 with a diff when the output folder is stale")
    .option("-w, --watch", "regenerate whenever a page in the docs folder changes")
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
    .option(
      "--emit <kinds>",
      "what to write, comma-separated: types, validators, json-schema (default: types,validators)",
      emitKinds,
    )
    .option("--json-schema", "also write a JSON Schema (2020-12) per module")
    .addOption(
      new Option(
        "--unknown-keys <mode>",
        "validators on unknown object keys (default: allow)",
      ).choices(["allow", "reject"]),
    )
    .addOption(
      new Option(
        "--optional-undefined <mode>",
        "validators on optional fields present as undefined (default: accept)",
      ).choices(["accept", "reject"]),
    )
    .addOption(
      new Option(
        "--import-extension <ext>",
        "extension of relative imports in the output: .js (NodeNext, bundlers) or .ts (Node type stripping, Deno)",
      ).choices([".js", ".ts"]),
    )
    .addOption(
      new Option(
        "--int64 <type>",
        "how int64 fields are typed and validated (default: number)",
      ).choices(["number", "bigint"]),
    )
    .addOption(
      new Option(
        "--dialect <dialect>",
        "doc dialect of every page (default: auto, detected per page)",
      ).choices(DIALECTS),
    )
    .addOption(
      new Option(
        "--dates <type>",
        "date-time fields as RFC 3339 strings or Date objects (default: string)",
      ).choices(["string", "Date"]),
    )
    .option("--max-issues <n>", "validators stop after n issues (default: 100)", positiveInteger)
    .option(
      "--max-depth <n>",
      "validators report values nested deeper (default: 512)",
      positiveInteger,
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
    .option("-p, --project <name>", "check only this project of the config (repeatable)", collect)
    .option("--no-cache", "ignore the content-hash cache")
    .addOption(
      new Option("--reporter <format>", "text or json").choices(["text", "json"]).default("text"),
    )
    .option("-q, --quiet", "print errors only")
    .action(async (flags: CliFlags) => {
      process.exitCode = await run({ ...flags, check: true });
    });
  cli
    .command("init")
    .description(
      "Set up a project: find the docs folder, say what a first run reads, write docs2ts.config.json and package.json scripts.",
    )
    .option(
      "-i, --input <dir>",
      "the docs folder (default: the config's, else the folder with the most pages)",
    )
    .action(async (flags: Pick<CliFlags, "input">) => {
      const { initProject } = await import("./commands/init.js");
      const { ConfigError } = await import("./pipeline/config.js");
      try {
        const result = await initProject({
          cwd: process.cwd(),
          ...(flags.input !== undefined ? { input: flags.input } : {}),
        });
        if (result.code === 2) process.stderr.write(result.text);
        else process.stdout.write(result.text);
        process.exitCode = result.code;
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        say(`docs2ts: ${error.message}`);
        process.exitCode = 2;
      }
    });
  cli
    .command("examples")
    .description("Check each page's `## Example Usage` value against its generated validator.")
    .option("-i, --input <dir>", "the docs folder to read (default: input)")
    .addOption(new Option("--dialect <dialect>", "doc dialect of every page").choices(DIALECTS))
    .addOption(
      new Option("--dates <type>", "how `new Date(...)` values evaluate").choices([
        "string",
        "Date",
      ]),
    )
    .action(async (flags: Pick<CliFlags, "input" | "dialect" | "dates">) => {
      if (await refuseFolder(flags.input ?? "input", "--input <dir>")) return;
      const { runExamples } = await import("./commands/examples/run.js");
      const found = await runExamples({
        cache: false,
        ...(flags.input !== undefined ? { input: flags.input } : {}),
        ...(flags.dialect !== undefined ? { dialect: flags.dialect } : {}),
        ...(flags.dates !== undefined ? { dates: flags.dates } : {}),
      });
      for (const finding of found.findings) {
        say(`${finding.file}:${finding.line}: ${finding.kind}: ${finding.message}`);
        for (const issue of finding.issues ?? []) say(`    ${issue}`);
      }
      say(`${found.passed} of ${found.examples} example values passed their validators.`);
      process.exitCode = found.findings.length === 0 ? 0 : 1;
    });
  cli
    .command("diff")
    .description(
      "Say what changed in the types between two versions of the docs (folders or git revisions), and what it breaks.",
    )
    .requiredOption("--base <version>", "the old version: a docs folder or a git revision")
    .option(
      "--head <version>",
      "the new version: a docs folder or a git revision (default: the working tree)",
    )
    .addOption(
      new Option("--format <format>", "how to print the changes")
        .choices(["text", "markdown", "json"])
        .default("text"),
    )
    .addOption(
      new Option("--fail-on <changes>", "exit 1 on breaking changes, on any change, or never")
        .choices(["breaking", "any", "none"])
        .default("none"),
    )
    .option("-i, --input <dir>", "the docs folder (default: input, or the config's input)")
    .option("-c, --config <file>", "a config file")
    .option("-p, --project <name>", "the project of the config to compare", collect)
    .addOption(new Option("--dialect <flavour>", "doc flavour of every page").choices(DIALECTS))
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
    .addOption(
      new Option("--int64 <type>", "how int64 fields are typed").choices(["number", "bigint"]),
    )
    .addOption(
      new Option("--dates <type>", "how date-time fields are typed").choices(["string", "Date"]),
    )
    .action(async (flags: import("./diff/command.js").DiffFlags) => {
      const { runDiff } = await import("./diff/command.js");
      process.exitCode = await runDiff(flags);
    });
  cli
    .command("report")
    .description(
      "Print a conformance report per docs folder: pages, models by kind, fields, diagnostics by rule.",
    )
    .argument("[folders...]", "docs folders (default: input)")
    .addOption(new Option("--dialect <dialect>", "doc dialect of every page").choices(DIALECTS))
    .action(async (folders: string[], flags: Pick<CliFlags, "dialect">) => {
      const { formatReports, reportFolder } = await import("./commands/report.js");
      const reports = [];
      for (const input of folders.length > 0 ? folders : ["input"])
        if (await refuseFolder(input, "the folders to report on as arguments")) return;
      for (const input of folders.length > 0 ? folders : ["input"])
        reports.push(
          await reportFolder({
            input,
            ...(flags.dialect !== undefined ? { dialect: flags.dialect } : {}),
          }),
        );
      process.stdout.write(formatReports(reports));
    });
  return cli;
}

/**
 * A first word that names no command (`docs2ts genrate`): commander would hand it to the default
 * command as an argument and blame that; say what it is instead, with the nearest command.
 */
function unknownCommand(cli: Command, argv: readonly string[]): string | undefined {
  const first = argv[2];
  if (first === undefined || first.startsWith("-")) return undefined;
  const names = [
    ...cli.commands.flatMap((command) => [command.name(), ...command.aliases()]),
    "help",
  ];
  if (names.includes(first)) return undefined;
  return `docs2ts: unknown command '${first}'${didYouMean(first, names)}; \`docs2ts --help\` lists the commands\n`;
}

async function main(): Promise<void> {
  try {
    const cli = program();
    const unknown = unknownCommand(cli, process.argv);
    if (unknown !== undefined) {
      process.stderr.write(unknown);
      process.exitCode = 2;
      return;
    }
    await cli.parseAsync(process.argv);
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
