// The part names of an .xlsx, read from the zip's central directory.
import JSZip from "jszip";
import { Workbook } from "exceljs";
import { saveWorkbook } from "../../../../src/host/file/read/xlsxLoad";
import { zipEntryNames } from "../../../../src/host/file/package/xlsxParts";

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

describe("part names of a package", () => {
  it("lists the part names of a package, Vietnamese names included", async () => {
    const bytes = await withParts(await plainXlsx(), ["xl/media/ảnh.png"], "chú thích của tệp zip");
    const names = zipEntryNames(bytes);
    expect(names).toContain("xl/workbook.xml");
    expect(names).toContain("[Content_Types].xml");
    expect(names).toContain("xl/media/ảnh.png");
    expect(zipEntryNames(new TextEncoder().encode("không phải zip"))).toEqual([]);
  });
});
