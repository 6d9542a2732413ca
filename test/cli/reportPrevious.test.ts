// `cchc report FILE --previous PREV`: the draft's footnote gives the change on last year's sheet of
// the same unit, as the seed does; a last-year file that cannot be used writes nothing.
import { existsSync, promises as fs } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { analyzeWorkbook, excelRound } from "../../src/engine";
import type { ScoringSheet } from "../../src/engine/core/types";
import { unitScoringGrid } from "../fixtures/units";
import { docxText } from "../support/docxText";
import { runCli } from "./helpers/runCli";
import { makeTempDir, removeDir, writeGrids } from "./helpers/xlsxFiles";
import { expectValidOoxml } from "../support/ooxmlCheck";

const THIS_YEAR = unitScoringGrid("Đăk Kôi", "UBND XÃ ĐĂK KÔI", 2023, { "1.1.1": 0.5 });
const LAST_YEAR = unitScoringGrid("ĐK 2022", "UBND XÃ ĐĂK KÔI", 2022, { "1.6.1": 4, "3.3.4": 0 });

let dir: string;
let current: string;
let previous: string;
beforeAll(async () => {
  dir = await makeTempDir("cchc-report-prev-");
  current = await writeGrids(path.join(dir, "2023.xlsx"), [THIS_YEAR]);
  previous = await writeGrids(path.join(dir, "2022.xlsx"), [LAST_YEAR]);
});
afterAll(async () => removeDir(dir));

/** The text of word/footnotes.xml (the real Word footnotes, not the body). */
async function footnotesText(bytes: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file("word/footnotes.xml")!.async("string");
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

function official(grid: typeof THIS_YEAR): { index: number; grade: string } {
  const sheet = analyzeWorkbook([grid]).sheets[0] as ScoringSheet;
  return { index: sheet.totals.appraised!.index!, grade: sheet.totals.appraised!.grade! };
}

const vi = (x: number, decimals: number) => String(excelRound(x, decimals)).replace(".", ",");

it("puts the change on last year into a real footnote of section I", async () => {
  const out = path.join(dir, "bao-cao.docx");
  const r = await runCli(["report", current, "--previous", previous, "-o", out]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const now = official(THIS_YEAR);
  const then = official(LAST_YEAR);
  // The seed's convention: the change in index points to 2 decimals (91,969 − 86,471 → "Tăng 5,5").
  const change = excelRound(now.index - then.index, 2);
  expect(change).not.toBe(0);
  const how = change > 0 ? `Tăng ${vi(change, 2)}` : `Giảm ${vi(-change, 2)}`;
  const bytes = await fs.readFile(out);
  expect(await footnotesText(bytes)).toContain(`${how} điểm so với năm 2022 (năm 2022 đạt ${vi(then.index, 3)} điểm, xếp loại ${then.grade}).`);
  // The footnote is referenced from the body's opening sentence of section I.
  const document = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  expect(document).toMatch(/<w:footnoteReference w:id="\d+"\/>/);
  expect(await docxText(bytes)).toContain(`(Chỉ số cải cách hành chính: ${vi(now.index, 3)} điểm), xếp loại ${now.grade}`);
  await expectValidOoxml(out);
});

it("a last-year file without the unit's sheet: a message naming it, exit 2, nothing written", async () => {
  const other = await writeGrids(path.join(dir, "khac.xlsx"), [unitScoringGrid("Tân Lập", "UBND XÃ TÂN LẬP", 2022, {})]);
  const out = path.join(dir, "khong-ghi.docx");
  const r = await runCli(["report", current, "--previous", other, "-o", out]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(other);
  expect(r.stderr).toContain("không tìm thấy sheet cùng đơn vị");
  expect(existsSync(out)).toBe(false);
});
