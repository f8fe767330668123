/**
 * What `index.ts` exports: every name one folder alone exports at the top level, every folder as a
 * namespace, clashing names only in the namespaces, and none of the modules' `$` internals. The
 * README's import is compiled, as a consumer writes it, against the OpenAI Go docs' output.
 */
import { describe, expect, it } from "vitest";
import { generate } from "../src/pipeline/generate.js";
import { corpus, itShared, strictTypeErrors, tempDir, writeTree } from "./support/helpers.js";

const FIELDS = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";

/** The export lines of an index file, without the banner, joined on one line each. */
function exportNames(index: string): string[] {
  const names: string[] = [];
  for (const match of index.matchAll(/export \{([^}]*)\}/g))
    for (const entry of (match[1] as string).split(","))
      if (entry.trim() !== "") names.push(entry.trim().replace(/^type /, ""));
  return names.sort();
}

describe("index.ts", () => {
  it("exports unique names at the top level, every folder as a namespace, clashes only there", async () => {
    const input = tempDir("docs2ts-index-");
    writeTree(input, {
      "admin/user.md": `# User\n\n## Fields\n\n${FIELDS}| \`id\` | *string* | :heavy_check_mark: | N/A |\n`,
      "billing/user.md": `# User\n\n## Fields\n\n${FIELDS}| \`name\` | *string* | :heavy_check_mark: | N/A |\n`,
      "billing/invoice.md": `# Invoice\n\n## Fields\n\n${FIELDS}| \`user\` | [User](user.md) | :heavy_check_mark: | N/A |\n`,
      "tag.md": `# Tag\n\n## Fields\n\n${FIELDS}| \`label\` | *string* | :heavy_check_mark: | N/A |\n`,
    });
    const result = await generate({ input, cache: false });
    const index = result.files.find((file) => file.path === "index.ts")?.content ?? "";
    expect(index).toContain('export * as admin from "./admin/index.js";');
    expect(index).toContain('export * as billing from "./billing/index.js";');
    // Pages at the root have no clash, so they need no namespace.
    expect(index).not.toContain("index_root");
    const top = exportNames(index);
    expect(top).toContain("Invoice");
    expect(top).toContain("validateInvoice");
    expect(top).toContain("Tag");
    expect(top).not.toContain("User");
    expect(top).not.toContain("isUser");
    expect(top.filter((name) => name.startsWith("$"))).toEqual([]);
    const barrel = result.files.find((file) => file.path === "billing/index.ts")?.content ?? "";
    expect(exportNames(barrel)).toEqual(
      [
        "Invoice",
        "InvoiceSchema",
        "User",
        "UserSchema",
        "assertInvoice",
        "assertUser",
        "isInvoice",
        "isUser",
        "validateInvoice",
        "validateUser",
      ].sort(),
    );
    const warning = result.diagnostics.find((d) => d.ruleId === "duplicate-name");
    expect(warning?.message).toContain("only in their folders' namespaces (`billing.User`)");

    const app = `import { billing, admin, validateInvoice, type Invoice, type Tag } from "./gen/index.js";
const invoice: Invoice = { user: { name: "a" } };
const user: billing.User = invoice.user;
const other: admin.User = { id: "1" };
const tag: Tag = { label: "x" };
export const checked = [validateInvoice(invoice).success, billing.isUser(user), admin.isUser(other), tag];
`;
    const files = result.files.map((file) => ({ ...file, path: `gen/${file.path}` }));
    expect(strictTypeErrors([...files, { path: "app.ts", content: app }])).toEqual([]);
  });

  it("leaves a model named as a runtime export to its folder's namespace", async () => {
    const input = tempDir("docs2ts-index-");
    writeTree(input, {
      "models/issue.md": `# Issue\n\n## Fields\n\n${FIELDS}| \`id\` | *string* | :heavy_check_mark: | N/A |\n`,
    });
    const result = await generate({ input, cache: false });
    const index = result.files.find((file) => file.path === "index.ts")?.content ?? "";
    expect(index).toContain('export * as models from "./models/index.js";');
    // The runtime's `Issue` keeps the top level; the model's validators are still there.
    expect(exportNames(index).filter((name) => name === "Issue")).toHaveLength(1);
    expect(exportNames(index)).toContain("validateIssue");
    expect(strictTypeErrors(result.files)).toEqual([]);
  });

  itShared(
    "the README's import compiles against the OpenAI Go docs' output",
    async () => {
      const result = await generate({ input: corpus("speakeasy-go-openai"), cache: false });
      const index = result.files.find((file) => file.path === "index.ts")?.content ?? "";
      expect(exportNames(index).filter((name) => name.startsWith("$"))).toEqual([]);
      for (const namespace of ["apierrors", "components", "operations"])
        expect(index).toContain(`export * as ${namespace} from`);
      // The README's quick start, as a consumer file beside the output folder.
      const app = `import { Status, isStatus, validateBatch, type Batch } from "./generated/index.js";
import { components } from "./generated/index.js";

declare const body: string;
const status: Status = Status.Completed;
isStatus("expired");
const result = validateBatch(JSON.parse(body));
export const batch: Batch | undefined = result.success ? result.value : undefined;
export const same: components.Batch | undefined = batch;
export { status };
`;
      const files = result.files.map((file) => ({ ...file, path: `generated/${file.path}` }));
      expect(strictTypeErrors([...files, { path: "app.ts", content: app }])).toEqual([]);
    },
    180_000,
  );
});
