// `npm run lint` runs Microsoft's Office.js rules (eslint-plugin-office-addins) over the
// adapters and the task pane. This proves the project's ESLint configuration really applies
// them there: a probe with one fault per rule is reported, rule by rule.
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..", "..");

const PROBE = `export async function probe(context: Excel.RequestContext): Promise<unknown> {
  const range = context.workbook.getSelectedRange();
  const early = range.values;
  for (let i = 0; i < 3; i++) await context.sync();
  const sheet = context.workbook.worksheets.getItemOrNullObject("Tổng hợp");
  if (sheet === null) return null;
  range.load();
  const used = sheet.getUsedRange();
  used.load("worksheet");
  return early;
}
`;

/** The Office.js rules ESLint reports for PROBE as if it were `file`, run as `npm run lint` runs it. */
function rulesReported(file: string): string[] {
  // The CLI, in a child process: ESLint loads its configuration with a dynamic import Jest refuses.
  const cli = path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js");
  const run = spawnSync(process.execPath, [cli, "--stdin", "--stdin-filename", file, "--format", "json"], { cwd: ROOT, input: PROBE, encoding: "utf8" });
  if (run.status === 2 || run.stdout === "") throw new Error(`eslint did not run: ${run.stderr}`);
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string | null }> }>;
  return [...new Set(result.messages.map((m) => m.ruleId ?? ""))].filter((r) => r.startsWith("office-addins/")).sort();
}

describe("Office.js lint rules", () => {
  test.each(["src/host/probe.ts", "src/taskpane/probe.ts"])("report each Office.js fault in %s", (file) => {
    expect(rulesReported(file)).toEqual([
      "office-addins/call-sync-before-read",
      "office-addins/load-object-before-read",
      "office-addins/no-context-sync-in-loop",
      "office-addins/no-empty-load",
      "office-addins/no-navigational-load",
      "office-addins/test-for-null-using-isNullObject",
    ]);
  });

  test("stay out of the engine, which never sees Office.js", () => {
    expect(rulesReported("src/engine/probe.ts")).toEqual([]);
  });
});
