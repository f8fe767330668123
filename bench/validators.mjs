/**
 * Validator speed, in one process and one run: ops/s of the generated `isX` and `validateX` against
 * Ajv (compiled from the emitted JSON Schema) and zod 4 (schemas written here by hand), on a valid
 * Batch (seed docs) and a valid CreateChatCompletionResponse (Go corpus). Prints the median of several
 * samples and the ratios. Run after `npm run build`: `node bench/validators.mjs`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import ts from "typescript";
import { z } from "zod";
import { generate } from "../dist/pipeline/generate.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const SAMPLES = 7;
const SAMPLE_MS = 150;

/** Generates `input` with JSON Schemas into a temp folder, transpiles it, returns loaders. */
async function build(input) {
  const dir = mkdtempSync(join(tmpdir(), "docs2ts-bench-"));
  const result = await generate({ input, out: dir, cache: false, jsonSchema: true });
  // Ajv twice: with its default options, and with `ownProperties: true`, the own-property rule the
  // generated validators follow (an inherited key never satisfies a field).
  const ajvDefault = new Ajv2020({ strict: false, validateFormats: false });
  const ajv = new Ajv2020({ strict: false, validateFormats: false, ownProperties: true });
  for (const file of result.files) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    if (file.path.endsWith(".schema.json")) {
      ajv.addSchema(JSON.parse(file.content));
      ajvDefault.addSchema(JSON.parse(file.content));
    }
    if (!file.path.endsWith(".ts")) continue;
    const js = ts.transpileModule(file.content, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(target.replace(/\.ts$/, ".js"), js);
  }
  return {
    dir,
    load: (id) => import(pathToFileURL(join(dir, `${id}.js`)).href),
    ajv: (id) => ajv.getSchema(`${id}.schema.json`),
    ajvDefault: (id) => ajvDefault.getSchema(`${id}.schema.json`),
  };
}

/**
 * Median ops/s of `fn` over several timed samples (after a warm-up). Calls cycle through 8 structural
 * copies of the payload (as from `JSON.parse`), so that no compiler can hoist loads of one constant
 * object out of the loop.
 */
function opsPerSecond(fn, value) {
  const values = Array.from({ length: 8 }, () => JSON.parse(JSON.stringify(value)));
  let sink = 0;
  for (let i = 0; i < 200_000; i++) if (fn(values[i & 7])) sink++;
  const rates = [];
  for (let s = 0; s < SAMPLES; s++) {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < SAMPLE_MS) {
      for (let i = 0; i < 10_000; i++) if (fn(values[i & 7])) sink++;
      n += 10_000;
      elapsed = performance.now() - start;
    }
    rates.push((n / elapsed) * 1000);
  }
  if (sink === 0) throw new Error("every call failed: the payload is not valid");
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)];
}

const int = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const zodBatch = z.object({
  ID: z.string(),
  Object: z.literal("batch"),
  Endpoint: z.string(),
  Errors: z
    .object({
      Object: z.string().nullable().optional(),
      Data: z
        .array(
          z.object({
            Code: z.string().nullable().optional(),
            Message: z.string().nullable().optional(),
            Param: z.string().nullable().optional(),
            Line: int.nullable().optional(),
          }),
        )
        .optional(),
    })
    .nullable()
    .optional(),
  InputFileID: z.string(),
  CompletionWindow: z.string(),
  Status: z.enum([
    "validating",
    "failed",
    "in_progress",
    "finalizing",
    "completed",
    "expired",
    "cancelling",
    "cancelled",
  ]),
  OutputFileID: z.string().nullable().optional(),
  ErrorFileID: z.string().nullable().optional(),
  CreatedAt: int,
  ...Object.fromEntries(
    [
      "InProgressAt",
      "ExpiresAt",
      "FinalizingAt",
      "CompletedAt",
      "FailedAt",
      "ExpiredAt",
      "CancellingAt",
      "CancelledAt",
    ].map((key) => [key, int.nullable().optional()]),
  ),
  RequestCounts: z.object({ Total: int, Completed: int, Failed: int }).nullable().optional(),
  Metadata: z.record(z.string(), z.unknown()).nullable().optional(),
});

// Every field present: an `Errors.Data` list of two, a `Metadata` map of two.
const batch = {
  ID: "batch_abc123",
  Object: "batch",
  Endpoint: "/v1/chat/completions",
  Errors: {
    Object: "list",
    Data: [
      { Code: "invalid_json", Message: "Line 3 is not JSON.", Param: null, Line: 3 },
      { Code: "too_long", Message: "Line 9 is too long.", Param: "body", Line: 9 },
    ],
  },
  InputFileID: "file-abc123",
  CompletionWindow: "24h",
  Status: "completed",
  OutputFileID: "file-cvaTdG",
  ErrorFileID: "file-HOWS94",
  CreatedAt: 1711471533,
  InProgressAt: 1711471538,
  ExpiresAt: 1711557933,
  FinalizingAt: 1711493133,
  CompletedAt: 1711493163,
  FailedAt: null,
  ExpiredAt: null,
  CancellingAt: null,
  CancelledAt: null,
  RequestCounts: { Total: 100, Completed: 95, Failed: 5 },
  Metadata: { customer_id: "user_123456789", batch_description: "Nightly eval job" },
};

const top = z.object({ Token: z.string(), Logprob: z.number(), Bytes: z.array(int) });
const tokenLogprob = top.extend({ TopLogprobs: z.array(top) });
const nullableInt = int.nullable().optional();
const zodChat = z.object({
  ID: z.string(),
  Choices: z.array(
    z.object({
      FinishReason: z.enum(["stop", "length", "tool_calls", "content_filter", "function_call"]),
      Index: int,
      Message: z.object({
        Content: z.string(),
        Refusal: z.string(),
        ToolCalls: z
          .array(
            z.object({
              ID: z.string(),
              Type: z.literal("function"),
              Function: z.object({ Name: z.string(), Arguments: z.string() }),
            }),
          )
          .optional(),
        Role: z.literal("assistant"),
        FunctionCall: z.object({ Arguments: z.string(), Name: z.string() }).nullable().optional(),
        Audio: z.unknown().optional(),
      }),
      Logprobs: z.object({ Content: z.array(tokenLogprob), Refusal: z.array(tokenLogprob) }),
    }),
  ),
  Created: int,
  Model: z.string(),
  ServiceTier: z.enum(["scale", "default"]).nullable().optional(),
  SystemFingerprint: z.string().nullable().optional(),
  Object: z.literal("chat.completion"),
  Usage: z
    .object({
      CompletionTokens: int,
      PromptTokens: int,
      TotalTokens: int,
      CompletionTokensDetails: z
        .object({
          AcceptedPredictionTokens: nullableInt,
          AudioTokens: nullableInt,
          ReasoningTokens: nullableInt,
          RejectedPredictionTokens: nullableInt,
        })
        .nullable()
        .optional(),
      PromptTokensDetails: z
        .object({ AudioTokens: nullableInt, CachedTokens: nullableInt })
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
});

const logprob = (token, value) => ({
  Token: token,
  Logprob: value,
  Bytes: [...token].map((c) => c.charCodeAt(0)),
  TopLogprobs: [
    { Token: token, Logprob: value, Bytes: [...token].map((c) => c.charCodeAt(0)) },
    { Token: " the", Logprob: -2.25, Bytes: [32, 116, 104, 101] },
  ],
});
const chat = {
  ID: "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
  Choices: [
    {
      FinishReason: "tool_calls",
      Index: 0,
      Message: {
        Content: "The weather in Paris is sunny, 22 °C.",
        Refusal: "",
        ToolCalls: [
          {
            ID: "call_abc123",
            Type: "function",
            Function: { Name: "get_weather", Arguments: '{"city":"Paris"}' },
          },
        ],
        Role: "assistant",
      },
      Logprobs: {
        Content: ["The", " weather", " in", " Paris"].map((t, i) => logprob(t, -0.1 * (i + 1))),
        Refusal: [],
      },
    },
    {
      FinishReason: "stop",
      Index: 1,
      Message: { Content: "It is sunny in Paris.", Refusal: "", Role: "assistant" },
      Logprobs: { Content: [logprob("It", -0.3)], Refusal: [] },
    },
  ],
  Created: 1741569952,
  Model: "gpt-4o-2024-08-06",
  ServiceTier: "default",
  SystemFingerprint: "fp_fc9f1d7035",
  Object: "chat.completion",
  Usage: {
    CompletionTokens: 17,
    PromptTokens: 82,
    TotalTokens: 99,
    CompletionTokensDetails: { ReasoningTokens: 0, AudioTokens: 0 },
    PromptTokensDetails: { CachedTokens: 0, AudioTokens: 0 },
  },
};

async function run(label, input, id, name, zodSchema, payload) {
  const built = await build(input);
  try {
    const module = await built.load(id);
    const is = module[`is${name}`];
    const validate = module[`validate${name}`];
    const ajv = built.ajv(id);
    const ajvDefault = built.ajvDefault(id);
    for (const [check, what] of [
      [is, "isX"],
      [ajv, "Ajv"],
      [ajvDefault, "Ajv (default options)"],
      [(v) => zodSchema.safeParse(v).success, "zod"],
    ])
      if (!check(payload)) throw new Error(`${label}: ${what} rejects the payload`);
    const rates = {
      isX: opsPerSecond(is, payload),
      validateX: opsPerSecond((v) => validate(v).success, payload),
      ajv: opsPerSecond(ajv, payload),
      ajvDefault: opsPerSecond(ajvDefault, payload),
      zod: opsPerSecond((v) => zodSchema.safeParse(v).success, payload),
    };
    const m = (x) => `${(x / 1e6).toFixed(2)}M`;
    console.log(
      `${label.padEnd(30)} isX ${m(rates.isX)}  validateX ${m(rates.validateX)}  Ajv ${m(rates.ajvDefault)} (ownProperties ${m(rates.ajv)})  zod ${m(rates.zod)} ops/s\n` +
        `${"".padEnd(30)} isX/Ajv ${(rates.isX / rates.ajvDefault).toFixed(2)}x (target 1.5x; ownProperties ${(rates.isX / rates.ajv).toFixed(1)}x)  isX/zod ${(rates.isX / rates.zod).toFixed(1)}x (target 30x)  validateX/Ajv ${(rates.validateX / rates.ajvDefault).toFixed(2)}x`,
    );
  } finally {
    rmSync(built.dir, { recursive: true, force: true });
  }
}

console.log(`validators: median of ${SAMPLES} samples of ${SAMPLE_MS} ms each (valid payloads)`);
await run("Batch", join(root, "input"), "models/components/batch", "Batch", zodBatch, batch);
await run(
  "CreateChatCompletionResponse",
  join(root, "../shared/corpus/speakeasy-go-openai"),
  "models/components/createchatcompletionresponse",
  "CreateChatCompletionResponse",
  zodChat,
  chat,
);
