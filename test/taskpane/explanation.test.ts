// "Tạo phiếu đề nghị giải trình" (issue 19 §4): the chosen unit sheet's cut criteria written as
// the sheet "Yêu cầu giải trình" in the unit's workbook, in one read and one write.
import { analyzeSheet, type ScoringSheet } from "../../src/engine";
import { appraisalCuts } from "../../src/engine/scoring/appraisalCuts";
import { districtGrid } from "../fixtures/seed";
import { MemoryHost } from "../support/memoryHost";
import { generateExplanation } from "../../src/taskpane/reportController";
import { UserError } from "../../src/taskpane/messages";

test("writes the cut criteria of the chosen sheet, with columns for the unit's explanation", async () => {
  const grid = districtGrid();
  const host = new MemoryHost([grid]);
  const result = await generateExplanation(host, { sheet: grid.name, date: new Date(2024, 0, 15) });
  expect(host.reads).toBe(1);
  expect(result.written).toEqual([{ desired: "Yêu cầu giải trình", name: "Yêu cầu giải trình" }]);
  const sheet = host.sheets.find((s) => s.name === "Yêu cầu giải trình")!;
  const texts = sheet.values.flat().filter((v): v is string => typeof v === "string");
  expect(texts).toContain("Giải trình của đơn vị");
  expect(texts).toContain("Tài liệu bổ sung");
  const cuts = appraisalCuts(analyzeSheet(districtGrid()) as ScoringSheet)!.cuts.map((c) => c.code);
  expect(cuts.length).toBeGreaterThan(0);
  for (const code of cuts) expect(texts).toContain(code);
});

test("a sheet without appraised points is refused in Vietnamese", async () => {
  const grid = districtGrid();
  const header = grid.values.findIndex((r) => r[0] === "STT");
  const appraisedCol = grid.values[header].findIndex((v) => typeof v === "string" && /thẩm định/i.test(v));
  for (const row of grid.values) row.splice(appraisedCol, 1);
  const host = new MemoryHost([grid]);
  await expect(generateExplanation(host, { sheet: grid.name })).rejects.toThrow(UserError);
  await expect(generateExplanation(host, { sheet: grid.name })).rejects.toThrow("cột điểm thẩm định");
});
