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
import { TARGET_IDS } from "./pipeline/targets/registry.js";
import {
  collect,
  configLine,
  emitTargets,
  positiveInteger,
  run,
  say,
  type CliFlags,
} from "./commands/cli-run.js";
import { runExamplesCommand, runReportCommand } from "./commands/examples-report.js";

const VERSION = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

/** The flags of every command that reads the config: which config, which projects, how much to say. */
function configOptions(verb: string): Option[] {
  return [
    new Option(
      "-c, --config <file>",
      "a config file (default: docs2ts.config.{json,mjs,js} or package.json#docs2ts, looked up from the current folder to the package root)",
    ),
    new Option(
      "-p, --project <name>",
      `${verb} only this project of the config (repeatable)`,
    ).argParser(collect),
    new Option(
      "--verbose",
      "say which config file was used; print every warning (not one line per repeated cause) and every file written or removed",
    ),
  ];
}

/**
 * The flags that change what is generated. `generate` and `check` share this one list, so `check`
 * compares against exactly what `generate` with the same flags writes.
 */
function outputOptions(): Option[] {
  return [
    new Option("--field-names <mode>", "property names in the output").choices([
      "as-documented",
      "snake_case",
      "camelCase",
    ]),
    new Option("--enum-style <style>", "how enum pages are emitted").choices([
      "const-object",
      "enum",
      "union",
    ]),
    new Option(
      "--emit <targets>",
      `the outputs to write, comma-separated or repeated: ${TARGET_IDS.join(", ")} (default: types,validators; types always)`,
    ).argParser(emitTargets),
    new Option(
      "--json-schema",
      "also write a JSON Schema (2020-12) per module (deprecated: --emit ...,json-schema)",
    ),
    new Option(
      "--unknown-keys <mode>",
      "validators on unknown object keys (default: allow)",
    ).choices(["allow", "reject"]),
    new Option(
      "--optional-undefined <mode>",
      "validators on optional fields present as undefined (default: accept)",
    ).choices(["accept", "reject"]),
    new Option(
      "--import-extension <ext>",
      "extension of relative imports in the output: .js (NodeNext, bundlers) or .ts (Node type stripping, Deno)",
    ).choices([".js", ".ts"]),
    new Option(
      "--int64 <type>",
      "how int64 fields are typed and validated (default: number)",
    ).choices(["number", "bigint"]),
    new Option(
      "--dialect <dialect>",
      "doc dialect of every page (default: auto, detected per page)",
    ).choices(DIALECTS),
    new Option(
      "--dates <type>",
      "date-time fields as RFC 3339 strings or Date objects (default: string)",
    ).choices(["string", "Date"]),
    new Option("--max-issues <n>", "validators stop after n issues (default: 100)").argParser(
      positiveInteger,
    ),
    new Option(
      "--max-depth <n>",
      "validators report values nested deeper (default: 512)",
    ).argParser(positiveInteger),
  ];
}

/** How a generate or check run reads its cache and reports. */
function runOptions(): Option[] {
  return [
    new Option("--no-cache", "ignore and do not update the cache and the run stamp"),
    new Option(
      "--reporter <format>",
      "diagnostics as text lines on stderr, or one JSON array on stdout",
    )
      .choices(["text", "json"])
      .default("text"),
    new Option("--max-errors <n>", "stop listing errors after n (default: 20)").argParser(
      positiveInteger,
    ),
    new Option(
      "--strict",
      "every warning is an error: nothing is written while the docs have warnings (for CI)",
    ),
    new Option("-q, --quiet", "print errors only"),
  ];
}

function addOptions(command: Command, options: readonly Option[]): Command {
  for (const option of options) command.addOption(option);
  return command;
}

/** Builds the command line program (exported for the `--help` snapshot test). */
export function program(): Command {
  const cli = new Command("docs2ts")
    .description("Turn folders of Markdown schema docs into strictly typed TypeScript.")
    .version(VERSION)
    .showHelpAfterError("(add --help for every option of the command)")
    .exitOverride();
  const folders = (role: string) => [
    new Option(
      "-i, --input <dir>",
      "the docs folder to read (default: input, or the config file's input)",
    ),
    new Option("-o, --out <dir>", role),
  ];
  const generateCommand = cli
    .command("generate", { isDefault: true })
    .description("Generate TypeScript from a docs folder (or check that the output is current).");
  addOptions(generateCommand, [
    ...folders("the folder to write TypeScript to (default: generated)"),
    ...configOptions("run"),
    new Option("--check", "write nothing; exit 1 with a diff when the output folder is stale"),
    new Option("-w, --watch", "regenerate whenever a page in the docs folder changes"),
    ...outputOptions(),
    ...runOptions(),
  ]).action(async (flags: CliFlags) => {
    process.exitCode = await run(flags);
  });
  const checkCommand = cli
    .command("check")
    .description("Same as `generate --check`: exit 1 with a diff when the output folder is stale.");
  addOptions(checkCommand, [
    ...folders("the generated folder to compare (default: generated)"),
    ...configOptions("check"),
    ...outputOptions(),
    ...runOptions(),
  ]).action(async (flags: CliFlags) => {
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
    .option("--verbose", "say which config file was used (on stderr)")
    .action(async (flags: Pick<CliFlags, "input" | "verbose">) => {
      const { initProject } = await import("./commands/init.js");
      const { ConfigError, loadConfig } = await import("./pipeline/config.js");
      try {
        if (flags.verbose) say(configLine((await loadConfig(undefined, process.cwd())).source));
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
  const examplesCommand = cli
    .command("examples")
    .description("Check each page's `## Example Usage` value against its generated validator.");
  addOptions(examplesCommand, [
    new Option("-i, --input <dir>", "the docs folder to read (default: input, or the config's)"),
    ...configOptions("check the examples of"),
    ...outputOptions(),
  ]).action(async (flags: CliFlags) => {
    process.exitCode = await runExamplesCommand(flags);
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
      new Option(
        "--reporter <format>",
        "the docs' errors as text lines on stderr, or as JSON on stdout (also with --format json)",
      )
        .choices(["text", "json"])
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
  const reportCommand = cli
    .command("report")
    .description(
      "Print a conformance report per docs folder: pages, models by kind, fields, diagnostics by rule.",
    )
    .argument("[folders...]", "docs folders (default: the config's, else input)");
  addOptions(reportCommand, [
    ...configOptions("report on"),
    new Option("--dialect <dialect>", "doc dialect of every page").choices(DIALECTS),
  ]).action(async (folders: string[], flags: CliFlags) => {
    process.exitCode = await runReportCommand(folders, flags);
  });
  return cli;
}

/**
 * A first word that names no command (`docs2ts genrate`): commander would hand it to the default
 * command as an argument and blame that; say what it is instead, with the nearest command.
 */
function unknownCommand(cli: Command, argv: readonly string[]): string | undefined {
  // `docs2ts help genrate` asks for the help of a command that does not exist: the same answer.
  const first = argv[2] === "help" && argv[3] !== undefined ? argv[3] : argv[2];
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
    // `--help`, `--version`, and `docs2ts help [command]` (commander's `commander.help`, exit code 0).
    if (code === "commander.helpDisplayed" || code === "commander.version") {
      process.exitCode = 0;
      return;
    }
    if (code === "commander.help") {
      process.exitCode = (error as { exitCode?: number }).exitCode ?? 0;
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
