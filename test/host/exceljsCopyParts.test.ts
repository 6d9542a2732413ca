// Parts of an .xlsx that a copy made with ExcelJS loses, read from the zip's central directory.
import JSZip from "jszip";
import { Workbook } from "exceljs";
import { saveWorkbook } from "../../src/host/xlsxLoad";
import { copyWarning, partsLostInCopy, zipEntryNames } from "../../src/host/xlsxParts";

async function plainXlsx(): Promise<Uint8Array> {
  const wb = new Workbook();
  wb.addWorksheet("Bảng điểm").getCell("A1").value = 1;
  return saveWorkbook(wb);
}

/** The same package with extra parts, as Excel would store a chart or a pivot table. */
async function withParts(bytes: Uint8Array, parts: string[], comment?: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const p of parts) zip.file(p, "<x/>");
  return zip.generateAsync({ type: "uint8array", comment });
}

describe("parts lost in an ExcelJS copy", () => {
  it("lists the part names of a package, Vietnamese names included", async () => {
    const bytes = await withParts(await plainXlsx(), ["xl/media/ảnh.png"], "chú thích của tệp zip");
    const names = zipEntryNames(bytes);
    expect(names).toContain("xl/workbook.xml");
    expect(names).toContain("[Content_Types].xml");
    expect(names).toContain("xl/media/ảnh.png");
    expect(zipEntryNames(new TextEncoder().encode("không phải zip"))).toEqual([]);
  });

  it("finds nothing to lose in a plain workbook", async () => {
    const bytes = await plainXlsx();
    expect(partsLostInCopy(bytes)).toEqual([]);
    expect(copyWarning(bytes)).toBeNull();
  });

  it("names charts, pivot tables and external links once each", async () => {
    const bytes = await withParts(await plainXlsx(), [
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      "xl/pivotTables/pivotTable1.xml",
      "xl/pivotCache/pivotCacheDefinition1.xml",
      "xl/externalLinks/externalLink1.xml",
    ]);
    expect(partsLostInCopy(bytes)).toEqual(["biểu đồ", "PivotTable", "liên kết tới tệp khác"]);
    expect(copyWarning(bytes)).toBe(
      "Lưu ý: tệp gốc có biểu đồ, PivotTable, liên kết tới tệp khác; bản sao mới sẽ không có những phần này (tệp gốc vẫn giữ nguyên).",
    );
  });
});
