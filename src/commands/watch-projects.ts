/**
 * `generate --watch` over projects: one full run, then a run of the affected project after every
 * batch of page changes, and a run of every project after the config file changes (its overrides,
 * options and projects are read again; a folder that is no longer an input stops being watched). A
 * config that no longer loads is reported and the previous one kept. One run at a time. Printing is
 * the caller's (`say`, `run`).
 */
import type { ProjectConfig } from "../pipeline/config.js";
import { watchFile, watchFolders, type WatchChange, type Watching } from "./watch.js";

/** The projects of one loaded config and the file they came from. */
export interface WatchedConfig {
  projects: readonly ProjectConfig[];
  /** The config file to watch (a path from the working directory), if any. */
  file: string | undefined;
}

/** What the watch does with runs, config reloads and messages. */
export interface WatchHandlers {
  /** Runs one project; `changed` says what triggered it ([] for the first run). */
  run(options: ProjectConfig, changed: readonly string[]): Promise<void>;
  /** Loads the config again; throws a message for a config that does not load. */
  reload(): Promise<WatchedConfig>;
  say(text: string): void;
  /** Describes a watcher's error for `say`. */
  describeError(error: unknown): string;
}

const foldersOf = (config: WatchedConfig) => config.projects.map((p) => p.input ?? "input");

/** Watches until SIGINT or SIGTERM; returns the exit code (2 when a folder cannot be watched). */
export async function watchProjects(
  initial: WatchedConfig,
  handlers: WatchHandlers,
  announce: boolean,
): Promise<number> {
  let config = initial;
  // Page batches and config reloads share one queue, so runs never overlap.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (job: () => Promise<void>) => (queue = queue.then(job, job));
  for (const options of config.projects) await handlers.run(options, []);

  let pages: Watching | undefined;
  const watchPages = (): void => {
    const folders = foldersOf(config);
    const current = config;
    pages = watchFolders({
      folders,
      onChange: (changes: WatchChange[]) =>
        enqueue(async () => {
          for (const [index, options] of current.projects.entries()) {
            const mine = changes.filter((c) => c.folder === folders[index]);
            if (mine.length > 0)
              await handlers.run(
                options,
                mine.map((c) => c.file || (folders[index] as string)),
              );
          }
        }),
      onError: (error) => handlers.say(`docs2ts: ${handlers.describeError(error)}`),
    });
  };
  try {
    watchPages();
  } catch (error) {
    handlers.say(`docs2ts: cannot watch: ${handlers.describeError(error)}`);
    return 2;
  }

  const reload = () =>
    enqueue(async () => {
      let next: WatchedConfig;
      try {
        next = await handlers.reload();
      } catch (error) {
        handlers.say(`docs2ts: ${(error as Error).message}`);
        handlers.say("Kept the previous config; watching for a fix.");
        return;
      }
      const before = foldersOf(config).join("\0");
      config = next;
      if (foldersOf(next).join("\0") !== before) {
        pages?.close();
        try {
          watchPages();
        } catch (error) {
          handlers.say(`docs2ts: cannot watch: ${handlers.describeError(error)}`);
        }
      }
      for (const options of next.projects) await handlers.run(options, [initial.file ?? "config"]);
    });
  let configWatch: Watching | undefined;
  if (initial.file !== undefined) {
    try {
      configWatch = watchFile(initial.file, () => void reload());
    } catch (error) {
      handlers.say(`docs2ts: cannot watch the config: ${handlers.describeError(error)}`);
    }
  }
  if (announce) {
    const also = initial.file !== undefined ? ` and ${initial.file}` : "";
    handlers.say(`Watching ${foldersOf(config).join(", ")}${also} for changes (Ctrl+C to stop).`);
  }
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  configWatch?.close();
  pages?.close();
  await queue;
  return 0;
}
