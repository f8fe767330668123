import { describe, expect, it } from "vitest";
import {
  createProgressReporter,
  shouldShowProgress,
  type ProgressStream,
} from "../../src/pipeline/progress.js";

function fakeStream(isTTY: boolean): ProgressStream & { text: string } {
  return {
    isTTY,
    columns: 40,
    text: "",
    write(chunk: string) {
      this.text += chunk;
    },
  };
}

describe("shouldShowProgress", () => {
  it.each([
    ["a terminal", true, {}, true],
    ["a pipe", false, {}, false],
    ["CI=true", true, { CI: "true" }, false],
    ["CI=1", true, { CI: "1" }, false],
    ["CI=false", true, { CI: "false" }, true],
    ["CI empty", true, { CI: "" }, true],
    ["TERM=dumb", true, { TERM: "dumb" }, false],
  ] as const)("%s", (_name, isTTY, env, want) => {
    expect(shouldShowProgress(fakeStream(isTTY), env)).toBe(want);
  });
});

describe("createProgressReporter", () => {
  it("stays silent on short runs, then redraws one line at most once per interval and clears it", () => {
    let time = 0;
    const stream = fakeStream(true);
    const reporter = createProgressReporter(stream, {
      delayMs: 300,
      intervalMs: 80,
      now: () => time,
    });
    reporter.onProgress({ stage: "parse", done: 1, total: 3 });
    time = 100;
    reporter.onProgress({ stage: "parse", done: 2, total: 3 });
    expect(stream.text).toBe("");
    reporter.clear();
    expect(stream.text).toBe("");

    time = 400;
    reporter.onProgress({ stage: "parse", done: 3, total: 3 });
    time = 410;
    reporter.onProgress({ stage: "emit", done: 1, total: 5 }); // within the interval: skipped
    time = 420;
    reporter.onProgress({ stage: "emit", done: 5, total: 5 }); // a stage's last step always draws
    expect(stream.text.split("\r\x1b[2K").filter(Boolean)).toEqual([
      "docs2ts: 3/3 pages parsed",
      "docs2ts: 5/5 modules emitted",
    ]);
    reporter.clear();
    expect(stream.text.endsWith("\r\x1b[2K")).toBe(true);
  });

  it("cuts the line to the terminal width", () => {
    const stream = fakeStream(true);
    stream.columns = 21;
    const reporter = createProgressReporter(stream, { delayMs: 0, now: () => 1000 });
    reporter.onProgress({ stage: "emit", done: 12345, total: 12345 });
    expect(stream.text).toBe("\r\x1b[2Kdocs2ts: 12345/12345");
  });
});
