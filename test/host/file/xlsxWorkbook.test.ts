// The report writer of `cchc summary` and the standalone page (src/host/file/xlsxWorkbook.ts): sheet
// plans rendered into the original package as new parts, markers with fingerprints, and reruns
// that replace a generated sheet only while it still holds what was generated.
import JSZip from "jszip";
import { Workbook } from "exceljs";
import type { KeptSheet } from "../../../src/engine/plans/generatedFingerprint";
import type { SheetPlan } from "../../../src/engine/plans/plan";
import { loadWorkbook, saveWorkbook } from "../../../src/host/file/read/xlsxLoad";
import { ExcelJsWorkbook } from "../../../src/host/file/read/exceljsWorkbook";
import { markerReference } from "../../../src/host/generatedMarkers";
import { XlsxWorkbook } from "../../../src/host/file/xlsxWorkbook";
import { expectValidOoxmlBytes } from "../../support/ooxmlCheck";

function summaryPlan(overrides: Partial<SheetPlan> = {}): SheetPlan {
  return {
    name: "Tổng hợp trách nhiệm",
    marker: "CCHC_GEN_SUMMARY",
    cells: [
      { row: 0, col: 0, value: "TỔNG HỢP TRÁCH NHIỆM", style: { bold: true, size: 14, align: "center" } },
      { row: 2, col: 0, value: "Đơn vị", style: { bold: true, fill: "#DDEBF7", border: true, wrap: true, valign: "middle" } },
      { row: 2, col: 1, value: "Điểm bị mất", style: { bold: true, fill: "#ddebf7", border: true } },
      { row: 3, col: 0, value: "Phòng Tư pháp" },
      { row: 3, col: 1, value: 1.11, format: "0.00" },
      { row: 4, col: 0, value: "Phòng Nội vụ", style: { italic: true, color: "#C00000" } },
      { row: 4, col: 1, value: 1, format: "0.00" },
      { row: 5, col: 0, value: "Tổng", style: { bold: true, align: "right" } },
      { row: 5, col: 1, formula: "=SUM(B4:B5)", result: 2.11, format: "0.00" },
      { row: 6, col: 1, formula: '=IF(B6>2,"Nhiều","Ít")', result: "Nhiều" },
    ],
    columnWidths: [40, 14],
    rowHeights: { 2: 30 },
    merges: ["A1:B1"],
    freeze: { rows: 3, cols: 0 },
    print: { paper: "A4", orientation: "landscape", fitToWidth: true, repeatRows: { first: 2, last: 2 } },
    ...overrides,
  };
}

async function portOf(bytes: Uint8Array): Promise<XlsxWorkbook> {
  return await XlsxWorkbook.open(bytes);
}

/** Writes the plans into the package and returns the new package, the names used and the kept sheets. */
async function generate(bytes: Uint8Array, plans: SheetPlan[]): Promise<{ bytes: Uint8Array; names: string[]; kept: KeptSheet[] }> {
  const port = await portOf(bytes);
  const kept: KeptSheet[] = [];
  const names = await port.writeSheets(plans, kept);
  const saved = await port.save();
  // Every package this file writes must be one Excel opens without repair.
  await expectValidOoxmlBytes(saved, "ra.xlsx", { base: bytes });
  return { bytes: saved, names, kept };
}

async function userBook(build: (wb: Workbook) => void): Promise<Uint8Array> {
  const wb = new Workbook();
  build(wb);
  return saveWorkbook(wb);
}

async function partText(bytes: Uint8Array, part: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(part)!.async("string");
}

/** The worksheet part of a sheet, found through workbook.xml and its relationships. */
async function sheetPartOf(bytes: Uint8Array, sheet: string): Promise<string> {
  const workbook = await partText(bytes, "xl/workbook.xml");
  const rels = await partText(bytes, "xl/_rels/workbook.xml.rels");
  const name = sheet.replace(/[()]/g, "\\$&");
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  return "xl/" + new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
}

/** What Excel does when the clerk renames a sheet (the marker follows) and, optionally, types a note into it. */
async function clerkEdits(bytes: Uint8Array, sheet: string, rename?: string, note?: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const part = await sheetPartOf(bytes, sheet);
  if (note !== undefined) {
    const xml = await zip.file(part)!.async("string");
    zip.file(part, xml.replace("</sheetData>", `<row r="90"><c r="A90" t="inlineStr"><is><t>${note}</t></is></c></row></sheetData>`));
  }
  if (rename !== undefined) {
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", xml.split(`name="${sheet}"`).join(`name="${rename}"`).split(`&apos;${sheet}&apos;`).join(`&apos;${rename}&apos;`));
  }
  return zip.generateAsync({ type: "uint8array" });
}

describe("writing sheet plans into the package", () => {
  it("renders values, formulas with cached results, formats, styles, merges, widths, panes and print setup", async () => {
    const input = await userBook((wb) => (wb.addWorksheet("Bảng điểm").getCell("A1").value = "dữ liệu của người dùng"));
    const out = await generate(input, [summaryPlan()]);
    expect(out.names).toEqual(["Tổng hợp trách nhiệm"]);

    const back = await loadWorkbook(out.bytes);
    expect(back.worksheets.map((w) => w.name)).toEqual(["Bảng điểm", "Tổng hợp trách nhiệm"]);
    expect(back.getWorksheet("Bảng điểm")!.getCell("A1").value).toBe("dữ liệu của người dùng");
    const ws = back.getWorksheet("Tổng hợp trách nhiệm")!;
    expect(ws.getCell("A1").value).toBe("TỔNG HỢP TRÁCH NHIỆM");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell("A1").alignment).toMatchObject({ horizontal: "center" });
    expect(ws.getCell("B6").value).toEqual({ formula: "SUM(B4:B5)", result: 2.11 });
    expect(ws.getCell("B6").numFmt).toBe("0.00");
    expect(ws.getCell("B7").value).toEqual({ formula: 'IF(B6>2,"Nhiều","Ít")', result: "Nhiều" });
    expect(ws.getCell("B4").value).toBe(1.11);
    expect(ws.getRow(3).height).toBe(30);
    expect(ws.getCell("A3").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(ws.getCell("B3").fill).toMatchObject({ fgColor: { argb: "FFDDEBF7" } });
    expect(ws.getCell("A3").border).toMatchObject({ top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } });
    expect(ws.getCell("A3").alignment).toMatchObject({ wrapText: true, vertical: "middle" });
    expect(ws.getCell("A5").font).toMatchObject({ italic: true, color: { argb: "FFC00000" } });
    // The cell under a merge takes the top-left cell's look.
    expect(ws.getCell("B1").font).toMatchObject({ bold: true, size: 14 });
    expect(ws.model.merges).toEqual(["A1:B1"]);
    expect(ws.getColumn(1).width).toBe(40);
    expect(ws.getColumn(2).width).toBe(14);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3, xSplit: 0, topLeftCell: "A4" });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "3:3",
    });
  });

  it("writes inline strings and the cached values into the file itself (what Excel shows before recalculating)", async () => {
    const out = await generate(await userBook((wb) => wb.addWorksheet("Bảng điểm")), [summaryPlan()]);
    const sheetXml = await partText(out.bytes, await sheetPartOf(out.bytes, "Tổng hợp trách nhiệm"));
    expect(sheetXml).toMatch(/<c r="B6"[^>]*><f>SUM\(B4:B5\)<\/f><v>2.11<\/v><\/c>/);
    expect(sheetXml).toMatch(/<c r="B7"[^>]*t="str"[^>]*><f>IF\(B6&gt;2,&quot;Nhiều&quot;,&quot;Ít&quot;\)<\/f><v>Nhiều<\/v><\/c>/);
    expect(sheetXml).toContain('<c r="A4" t="inlineStr"><is><t>Phòng Tư pháp</t></is></c>');
  });

  it("marks the sheet with a workbook-level name referring to its A1, and a second name holding its fingerprint", async () => {
    const out = await generate(await userBook((wb) => wb.addWorksheet("Bảng điểm")), [
      summaryPlan(),
      summaryPlan({ name: "Xếp hạng", marker: "CCHC_GEN_RANKING" }),
    ]);
    const xml = await partText(out.bytes, "xl/workbook.xml");
    expect(xml).toContain(`<definedName name="CCHC_GEN_SUMMARY">&apos;Tổng hợp trách nhiệm&apos;!$A$1</definedName>`);
    expect(xml).toContain(`<definedName name="CCHC_GEN_RANKING">&apos;Xếp hạng&apos;!$A$1</definedName>`);
    expect(xml).toMatch(/<definedName name="CCHC_GEN_SUMMARY_FP">&quot;v1:[0-9a-f]{16}&quot;<\/definedName>/);
    expect(xml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;Tổng hợp trách nhiệm&apos;!$3:$3</definedName>`);
    const snapshot = await new ExcelJsWorkbook(await loadWorkbook(out.bytes)).read();
    expect(snapshot.generated).toEqual({ CCHC_GEN_SUMMARY: "Tổng hợp trách nhiệm", CCHC_GEN_RANKING: "Xếp hạng" });
  });

  it("on a rerun replaces its unchanged sheet in place, removing only its part, and keeps the user's sheet of the same name", async () => {
    const input = await userBook((wb) => {
      wb.addWorksheet("Bảng điểm").getCell("A1").value = 1;
      wb.addWorksheet("Tổng hợp trách nhiệm").getCell("A1").value = "ghi chú của người dùng";
      wb.addWorksheet("Ghi chú");
    });
    const first = await generate(input, [summaryPlan()]);
    expect(first.names).toEqual(["Tổng hợp trách nhiệm (2)"]);
    expect(first.kept).toEqual([]);
    const oldPart = await sheetPartOf(first.bytes, "Tổng hợp trách nhiệm (2)");

    const second = await generate(first.bytes, [summaryPlan({ cells: [{ row: 0, col: 0, value: "LẦN HAI" }], merges: [] })]);
    expect(second.names).toEqual(["Tổng hợp trách nhiệm (2)"]);
    expect(second.kept).toEqual([]);
    const before = Object.keys((await JSZip.loadAsync(first.bytes)).files);
    const after = Object.keys((await JSZip.loadAsync(second.bytes)).files);
    const newPart = await sheetPartOf(second.bytes, "Tổng hợp trách nhiệm (2)");
    expect(before.filter((p) => !after.includes(p))).toEqual([oldPart]);
    expect(after.filter((p) => !before.includes(p))).toEqual([newPart]);

    const back = await loadWorkbook(second.bytes);
    expect(back.worksheets.map((w) => w.name)).toEqual(["Bảng điểm", "Tổng hợp trách nhiệm", "Ghi chú", "Tổng hợp trách nhiệm (2)"]);
    expect(back.getWorksheet("Tổng hợp trách nhiệm")!.getCell("A1").value).toBe("ghi chú của người dùng");
    expect(back.getWorksheet("Tổng hợp trách nhiệm (2)")!.getCell("A1").value).toBe("LẦN HAI");
    expect(back.getWorksheet("Tổng hợp trách nhiệm (2)")!.getCell("B6").value).toBeNull();
    const xml = await partText(second.bytes, "xl/workbook.xml");
    expect(xml.match(/name="CCHC_GEN_SUMMARY"/g)).toHaveLength(1);
    expect(xml.match(/name="CCHC_GEN_SUMMARY_FP"/g)).toHaveLength(1);
    expect(xml.match(/name="_xlnm.Print_Titles"/g)).toHaveLength(1);
  });

  it("replaces its sheet after the clerk renamed it without changing its content", async () => {
    const first = await generate(await userBook((wb) => wb.addWorksheet("Bảng điểm")), [summaryPlan()]);
    const renamed = await clerkEdits(first.bytes, "Tổng hợp trách nhiệm", "TH 2023");
    expect((await new ExcelJsWorkbook(await loadWorkbook(renamed)).read()).generated).toEqual({ CCHC_GEN_SUMMARY: "TH 2023" });
    const second = await generate(renamed, [summaryPlan()]);
    expect(second.kept).toEqual([]);
    expect((await loadWorkbook(second.bytes)).worksheets.map((w) => w.name)).toEqual(["Bảng điểm", "Tổng hợp trách nhiệm"]);
  });

  it("keeps a generated sheet the clerk renamed and edited, writes the new one under a free name and says so", async () => {
    const first = await generate(await userBook((wb) => wb.addWorksheet("Bảng điểm")), [summaryPlan()]);
    const edited = await clerkEdits(first.bytes, "Tổng hợp trách nhiệm", "Báo cáo gửi tỉnh", "Ghi chú: đã gửi ngày 20/1");
    const second = await generate(edited, [summaryPlan()]);
    expect(second.names).toEqual(["Tổng hợp trách nhiệm"]);
    expect(second.kept).toEqual([{ marker: "CCHC_GEN_SUMMARY", sheet: "Báo cáo gửi tỉnh", replacement: "Tổng hợp trách nhiệm", reason: "edited" }]);
    const back = await loadWorkbook(second.bytes);
    expect(back.worksheets.map((w) => w.name)).toEqual(["Bảng điểm", "Báo cáo gửi tỉnh", "Tổng hợp trách nhiệm"]);
    expect(back.getWorksheet("Báo cáo gửi tỉnh")!.getCell("A90").value).toBe("Ghi chú: đã gửi ngày 20/1");
    expect((await new ExcelJsWorkbook(back).read()).generated).toEqual({ CCHC_GEN_SUMMARY: "Tổng hợp trách nhiệm" });
    // Edited without a rename: kept too, the new sheet takes the next free name.
    const noted = await clerkEdits(first.bytes, "Tổng hợp trách nhiệm", undefined, "sửa tay");
    const third = await generate(noted, [summaryPlan()]);
    expect(third.names).toEqual(["Tổng hợp trách nhiệm (2)"]);
    expect(third.kept.map((k) => k.sheet)).toEqual(["Tổng hợp trách nhiệm"]);
  });

  it("never deletes a user's sheet a marker points at, nor a marked sheet of a file written before fingerprints", async () => {
    const input = await userBook((wb) => {
      wb.addWorksheet("Bảng điểm").getCell("A1").value = "điểm của chuyên viên";
      // A marker copied onto the scoring sheet itself (hand edit, copied names).
      wb.definedNames.add(markerReference("Bảng điểm"), "CCHC_GEN_SUMMARY");
    });
    const out = await generate(input, [summaryPlan()]);
    expect(out.kept).toEqual([{ marker: "CCHC_GEN_SUMMARY", sheet: "Bảng điểm", replacement: "Tổng hợp trách nhiệm", reason: "unproven" }]);
    const back = await loadWorkbook(out.bytes);
    expect(back.worksheets.map((w) => w.name)).toEqual(["Bảng điểm", "Tổng hợp trách nhiệm"]);
    expect(back.getWorksheet("Bảng điểm")!.getCell("A1").value).toBe("điểm của chuyên viên");
  });

  it("ignores a marker whose sheet no longer exists", async () => {
    const wb = new Workbook();
    wb.addWorksheet("Bảng điểm");
    wb.definedNames.add(markerReference("Đã xoá"), "CCHC_GEN_SUMMARY");
    expect((await new ExcelJsWorkbook(wb).read()).generated).toEqual({});
    const out = await generate(await saveWorkbook(wb), [summaryPlan()]);
    expect(out.kept).toEqual([]);
    expect((await new ExcelJsWorkbook(await loadWorkbook(out.bytes)).read()).generated).toEqual({ CCHC_GEN_SUMMARY: "Tổng hợp trách nhiệm" });
  });
});
