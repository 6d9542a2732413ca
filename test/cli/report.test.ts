// `cchc report`: the Word draft from real .xlsx files (the sample, the seed's grids), with the
// same safety as `summary`: input untouched, OUT never overwritten without --force, exit 2 with
// a clear message on unusable input, errors in the sheet listed and kept out of the report.
import { promises as fs } from "fs";
import * as path from "path";
import { communesGrid, districtGrid } from "../fixtures/seed";
import { docxText } from "../support/docxText";
import { runCli, spawnCli } from "./helpers/runCli";
import { makeTempDir, removeDir, writeGrids } from "./helpers/xlsxFiles";
import { expectValidOoxml } from "../support/ooxmlCheck";

const SAMPLE = path.resolve(__dirname, "..", "..", "assets", "mau-chi-so-cchc.xlsx");
let dir: string;

beforeAll(async () => {
  dir = await makeTempDir("cchc-report-");
});
afterAll(async () => removeDir(dir));

describe("cchc report", () => {
  it("drafts the seed's report from the sample workbook and leaves the sample untouched", async () => {
    const before = await fs.readFile(SAMPLE);
    const out = path.join(dir, "bao-cao.docx");
    const r = await runCli(["report", SAMPLE, "-o", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Đã ghi bản thảo báo cáo ${out} từ bảng điểm "Huyện Kon Rẫy" và bảng đơn vị "Xếp loại xã".`);
    expect(r.stdout).toMatch(/Còn \d+ chỗ\./);
    expect(r.stdout).not.toContain("Lưu ý");
    expect(await fs.readFile(SAMPLE)).toEqual(before);
    const text = await docxText(await fs.readFile(out));
    expect(text).toContain("là 89,21/97 điểm (Chỉ số cải cách hành chính: 91,969 điểm), xếp loại Xuất sắc");
    expect(text).toContain("Cải cách tài chính công: UBND huyện đạt 11,09/13 điểm");
    expect(text).toContain("Ủy ban nhân dân xã Đăk Pnê: điểm tự đánh giá 91,16 điểm; thẩm định 87,23/94,5 điểm, chỉ số đạt 92,31%");
    expect(text.match(/^Tiêu chí thành phần \d/gm)).toHaveLength(10);
    await expectValidOoxml(out);
  });

  it("never overwrites OUT without --force, and replaces it with --force", async () => {
    const out = path.join(dir, "co-san.docx");
    await fs.writeFile(out, "bản cũ");
    const refused = await runCli(["report", SAMPLE, "-o", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("đã tồn tại; không ghi đè. Dùng --force");
    expect(await fs.readFile(out, "utf8")).toBe("bản cũ");
    const forced = await runCli(["report", SAMPLE, "-o", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(await docxText(await fs.readFile(out))).toContain("BÁO CÁO");
    expect((await fs.readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    await expectValidOoxml(out);
  });

  it("exits 2 with a clear message on unusable input or arguments", async () => {
    const notXlsx = path.join(dir, "khong-phai.xlsx");
    await fs.writeFile(notXlsx, "không phải bảng tính");
    const notesOnly = await writeGrids(path.join(dir, "chi-ghi-chu.xlsx"), [{ name: "Ghi chú", values: [["Danh sách cán bộ"], ["Nguyễn Văn A"]] }]);
    // A workbook saved under a .docx name: OUT may not be the input itself.
    const sameName = path.join(dir, "vao.docx");
    await fs.copyFile(SAMPLE, sameName);
    const cases: Array<[string[], RegExp]> = [
      [["report", notXlsx, "-o", path.join(dir, "a.docx")], /Không phải tệp Excel \.xlsx/],
      [["report", notesOnly, "-o", path.join(dir, "b.docx")], /Không tìm thấy bảng điểm hay bảng xếp loại đơn vị nào/],
      [["report", SAMPLE, path.join(dir, "khong-co.xlsx"), "-o", path.join(dir, "f.docx")], /khong-co\.xlsx: Không đọc được tệp/],
      [["report", "-o", path.join(dir, "g.docx")], /Cần ít nhất một tệp đầu vào/],
      [["report", path.join(dir, "khong-co.xlsx"), "-o", path.join(dir, "c.docx")], /Không đọc được tệp/],
      [["report", SAMPLE], /Thiếu tệp kết quả/],
      [["report", SAMPLE, "-o", path.join(dir, "d.pdf")], /phải có đuôi \.docx/],
      [["report", sameName, "-o", sameName], /trùng với tệp đầu vào/],
      [["report", SAMPLE, "-o", path.join(dir, "e.docx"), "--sheet", "Không có"], /Không tìm thấy bảng điểm "Không có"/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect([args, r.code]).toEqual([args, 2]);
      expect(r.stderr).toMatch(message);
    }
    for (const f of ["a", "b", "c", "e", "f", "g"]) await expect(fs.stat(path.join(dir, `${f}.docx`))).rejects.toThrow();
    expect(await fs.readFile(sameName)).toEqual(await fs.readFile(SAMPLE));
  });

  it("lists the sheet's errors, says the draft comes from the leaves, and keeps the errors out of the report", async () => {
    const input = await writeGrids(path.join(dir, "sai-tong.xlsx"), [districtGrid({ typedAreas: { "6": 10 } }), communesGrid()]);
    const out = path.join(dir, "sai-tong.docx");
    const r = await runCli(["report", input, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Lưu ý: Bảng tính có \d+ lỗi; các lỗi này không được đưa vào báo cáo\. Số liệu trong bản thảo được tính từ điểm các tiêu chí thành phần/);
    const listed = r.stdout.split("\n").filter((l) => /^ {2}Huyện Kon Rẫy!E\d+: /.test(l));
    expect(listed.length).toBeGreaterThan(0);
    const text = await docxText(await fs.readFile(out));
    expect(text).toContain("Cải cách tài chính công: UBND huyện đạt 11,09/13 điểm");
    for (const line of listed) expect(text).not.toContain(line.slice(line.indexOf(": ") + 2));
    await expectValidOoxml(out);
  });

  it("runs as the built command with a real exit code", async () => {
    const out = path.join(dir, "tien-trinh.docx");
    const r = await spawnCli(["report", SAMPLE, "-o", out]);
    expect(r.code).toBe(0);
    expect(await docxText(await fs.readFile(out))).toContain("91,969");
    await expectValidOoxml(out);
  });
});
