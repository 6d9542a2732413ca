// The report that is sent (issue 18), drafted from cases built here: a province's ranking table
// alone (blocks, two-part index, last year), four communes' own sheets under the district's
// title, the district's sheet with its rank in the province's table; the issuer from the title
// rows the sheets share, section III for every area with its lead office.
import { analyzeWorkbook, type ScoringSheet } from "../../../src/engine";
import { draftLines, draftReport, spansText } from "../../../src/engine/reportDraft";
import { DEFAULT_BANDS, gradeOf } from "../../../src/engine/core/grades";
import type { CellValue, Grid, UnitsSheet } from "../../../src/engine/core/types";
import { BLOCKS, BLOCK_UNITS, blockColumnGrid, blockHeadingGrid, unitScoringGrid } from "../../fixtures/units";
import { communesGrid, districtGrid } from "../../fixtures/seed";

const linesOf = (report: ReturnType<typeof draftReport>) => draftLines(report).map((l) => l.text);
const two = (n: number) => String(n).padStart(2, "0");
const comma = (x: number) => String(Math.round(x * 100) / 100).replace(".", ",");

/** The province's table (layout A) under the province's own title line. */
function provinceGrid(): Grid {
  const grid = blockColumnGrid();
  grid.values.unshift(["ỦY BAN NHÂN DÂN TỈNH KON TUM", null, null, null, null, null, null]);
  return grid;
}

function draft(grids: Grid[], options: Parameters<typeof draftReport>[1] = {}) {
  const analysis = analyzeWorkbook(grids);
  return { analysis, report: draftReport(analysis, { grids, ...options }) };
}

describe("a province's ranking table alone (blocks, two-part index, last year)", () => {
  const { report } = draft([provinceGrid()]);
  const lines = linesOf(report);

  test("is drafted, not refused: the province issues it, and sections I, II, III follow in order", () => {
    expect(report.heading.issuer).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH KON TUM"]);
    expect(report.source).toEqual({ scoring: null, units: ["Kết quả 2023"], leftOut: [] });
    const i = lines.findIndex((l) => l.startsWith("I. "));
    const ii = lines.findIndex((l) => l.startsWith("II. "));
    const iii = lines.findIndex((l) => l.startsWith("III. "));
    expect(0 < i && i < ii && ii < iii).toBe(true);
    // The province's own index is not in the table: a marked blank, with its rank to fill.
    expect(lines[i + 1]).toContain("đứng thứ [Cần bổ sung: thứ hạng]/[Cần bổ sung: số đơn vị được xếp hạng] tỉnh, thành phố");
  });

  test("explains the two-part index", () => {
    expect(lines).toContain(
      "Chỉ số cải cách hành chính năm 2023 của mỗi đơn vị gồm hai phần: điểm thẩm định các tiêu chí (tối đa 61,5 điểm) và điểm " +
        "điều tra xã hội học (tối đa 38,5 điểm); chỉ số là tổng điểm hai phần chia cho tổng điểm tối đa (100 điểm), tính theo tỷ lệ phần trăm.",
    );
  });

  test.each(BLOCKS)("%s: grade counts, best and last, and a table row per unit in rank order", (block) => {
    const members = BLOCK_UNITS.filter((u) => u.block === block);
    const at = lines.indexOf(`${block} (${two(members.length)} đơn vị):`);
    expect(at).toBeGreaterThan(0);
    const noun = members.every((u) => u.unit.startsWith("UBND xã")) ? "xã" : members.every((u) => u.unit.startsWith("UBND phường")) ? "phường" : "đơn vị";
    for (const band of DEFAULT_BANDS) {
      const n = members.filter((u) => gradeOf(u.index) === band.name).length;
      if (n > 0) expect(lines[at + 1]).toContain(`${two(n)}/${two(members.length)} ${noun} xếp loại ${band.name}`);
    }
    const byRank = [...members].sort((a, b) => a.rankInBlock - b.rankInBlock);
    expect(lines[at + 1]).toContain(`dẫn đầu là ${byRank[0].unit} (${comma(byRank[0].index)}%)`);
    expect(lines[at + 1]).toContain(`đứng cuối là ${byRank[byRank.length - 1].unit} (${comma(byRank[byRank.length - 1].index)}%)`);
    // Every unit has the same maxima: the header says them once.
    expect(lines[at + 2]).toBe(
      "TT | Đơn vị | Điểm thẩm định (tối đa 61,5) | Điểm điều tra XHH (tối đa 38,5) | Chỉ số (%) | Xếp loại | Xếp hạng | So với năm trước",
    );
    byRank.forEach((u, k) => {
      const cells = lines[at + 3 + k].split(" | ");
      expect(cells.slice(0, 7)).toEqual([
        String(k + 1),
        u.unit,
        comma(u.appraised),
        comma(u.survey),
        comma(u.index),
        gradeOf(u.index),
        two(u.rankInBlock),
      ]);
      const change = u.previousIndex === null ? "–" : u.index > u.previousIndex ? `tăng ${comma(u.index - u.previousIndex)} điểm` : `giảm ${comma(u.previousIndex - u.index)} điểm`;
      expect(cells[7].startsWith(change)).toBe(true);
    });
  });

  test("names the units that rose and fell most on last year", () => {
    const moved = BLOCK_UNITS.filter((u) => u.previousIndex !== null).map((u) => ({ unit: u.unit, change: u.index - u.previousIndex! }));
    const top = [...moved].sort((a, b) => b.change - a.change)[0];
    const bottom = [...moved].sort((a, b) => a.change - b.change)[0];
    const rose = lines.find((l) => l.startsWith("Các đơn vị tăng chỉ số nhiều nhất so với năm trước: "))!;
    const fell = lines.find((l) => l.startsWith("Các đơn vị giảm chỉ số nhiều nhất so với năm trước: "))!;
    expect(rose).toContain(`: ${top.unit} (tăng ${comma(top.change)} điểm`);
    expect(fell).toContain(`: ${bottom.unit} (giảm ${comma(-bottom.change)} điểm`);
  });

  test("the table in layout B (block heading rows, ranks written 04/10) gives the same ranks; the setting names the issuer", () => {
    const b = draft([blockHeadingGrid()], { issuer: "Ủy ban nhân dân tỉnh Kon Tum" });
    expect(b.report.heading.issuer).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH KON TUM"]);
    const rows = linesOf(b.report).filter((l) => /^\d+ \| /.test(l));
    expect(rows.map((r) => r.split(" | ")[1])).toEqual(
      BLOCKS.flatMap((block) => BLOCK_UNITS.filter((u) => u.block === block).sort((x, y) => x.rankInBlock - y.rankInBlock).map((u) => u.unit)),
    );
  });

  test("with nothing the title rows or the settings say, the issuer is a marked blank, never a sheet's name", () => {
    const bare = draft([blockColumnGrid()]).report;
    expect(bare.heading.issuer).toEqual([]);
    expect(linesOf(bare).join("\n")).not.toContain("Kết quả 2023 đạt");
  });
});

describe("four communes' own sheets in one workbook, each titled under the district", () => {
  const points: Array<[string, string, Record<string, number>]> = [
    ["Đăk Kôi", "UBND XÃ ĐĂK KÔI", { "1.1.1": 0.5 }],
    ["Tân Lập", "UBND XÃ TÂN LẬP", {}],
    ["Đăk Pnê", "UBND XÃ ĐĂK PNÊ", { "1.1.1": 0.5, "2.3": 0 }],
    ["Đăk Rve", "UBND THỊ TRẤN ĐĂK RVE", { "2.3": 0.5 }],
  ];
  const grids = points.map(([sheet, unit, changed]) => unitScoringGrid(sheet, unit, 2023, changed));
  const { analysis, report } = draft(grids);
  const lines = linesOf(report);

  test("the district that heads every sheet issues the report, not the first commune", () => {
    expect(report.heading.issuer).toEqual(["ỦY BAN NHÂN DÂN", "HUYỆN KON RẪY"]);
    expect(spansText(report.subject)).toContain("năm 2023 của UBND huyện Kon Rẫy");
    expect(report.source.scoring).toBeNull();
  });

  test("section II ranks the communes, named in sentence case", () => {
    const ranking = [...analysis.acrossUnits!.ranking].sort((a, b) => a.rank! - b.rank!);
    const rows = lines.filter((l) => /^\d+ \| UBND /.test(l)).map((l) => l.split(" | "));
    const written = (unit: string) => unit.replace("UBND XÃ ĐĂK KÔI", "UBND xã Đăk Kôi").replace("UBND XÃ TÂN LẬP", "UBND xã Tân Lập")
      .replace("UBND XÃ ĐĂK PNÊ", "UBND xã Đăk Pnê").replace("UBND THỊ TRẤN ĐĂK RVE", "UBND thị trấn Đăk Rve");
    expect(rows.map((r) => [r[1], r[5]])).toEqual(ranking.map((e) => [written(e.unit), two(e.rank!)]));
    expect(lines.join("\n")).not.toMatch(/UBND XÃ|ỦY BAN NHÂN DÂN XÃ/);
    const excellent = ranking.filter((e) => e.grade === "Xuất sắc").length;
    expect(lines.find((l) => l.startsWith("Kết quả xếp loại: "))).toContain(`${two(excellent)}/04 xã, thị trấn xếp loại Xuất sắc`);
  });

  test("section III takes every area of the communes' sheets, with the district's usual lead offices", () => {
    const headings = report.body.flatMap((b) => (b.kind === "heading" && b.level === 3 ? [spansText(b.spans)] : []));
    expect(headings).toHaveLength((analysis.sheets[0] as ScoringSheet).areas.length);
    expect(lines).toContain("- Cơ quan chủ trì, tham mưu: Phòng Tư pháp.");
  });
});

/** A province's table ranking its districts, the seed's district among them. */
function districtsTable(): Grid {
  const rows: CellValue[][] = [
    ["KẾT QUẢ CHỈ SỐ CCHC NĂM 2023 CÁC HUYỆN, THÀNH PHỐ", null, null, null],
    ["STT", "Tên đơn vị", "Điểm thẩm định", "Điểm tối đa"],
    [1, "UBND huyện Đăk Hà", 92, 100],
    [2, "UBND huyện Kon Rẫy", 91.97, 100],
    [3, "UBND thành phố Kon Tum", 88, 100],
  ];
  return { name: "Xếp hạng huyện", values: rows };
}

describe("the district's own report", () => {
  test("its rank comes from the province's table: 'đứng thứ 02/03 huyện, thành phố'", () => {
    const { report } = draft([districtGrid(), districtsTable()]);
    expect(linesOf(report).join("\n")).toContain("xếp loại Xuất sắc, đứng thứ 02/03 huyện, thành phố. Kết quả chấm điểm cụ thể như sau:");
  });

  test("a unit without a rank leaves a marked blank in the rank sentence", () => {
    const grids = [districtGrid(), districtsTable()];
    const analysis = analyzeWorkbook(grids);
    const table = analysis.sheets[1] as UnitsSheet;
    (table.ranking.find((e) => e.unit === "UBND huyện Kon Rẫy") as { rank: number | null }).rank = null;
    const text = linesOf(draftReport(analysis, { grids })).join("\n");
    expect(text).toContain("đứng thứ [Cần bổ sung: thứ hạng]/02 huyện, thành phố");
  });

  test("the clerk's lead office wins over the usual one; a unit spelled twice is one unit working with it", () => {
    const grid = districtGrid();
    const row = grid.values.find((r) => r[0] === "3.4.1")!;
    row[6] = "UBND xã Đăk Kôi; UBND XÃ ĐĂK KÔI; UBND xa Dak Koi";
    const { report } = draft([grid, communesGrid()], { leadOffices: { "3": "Văn phòng HĐND - UBND huyện" } });
    const lines = linesOf(report);
    const at = lines.indexOf("3. Đối với công tác cải cách thủ tục hành chính:");
    expect(lines[at + 2]).toBe("- Cơ quan chủ trì, tham mưu: Văn phòng HĐND - UBND huyện.");
    expect(lines[at + 3].match(/Đăk Kôi|ĐĂK KÔI|Dak Koi/g)).toEqual(["Đăk Kôi"]);
  });

  test("last year known: a table of areas (maximum, last year, this year, change) and the criteria newly lost and recovered", () => {
    const grids = [districtGrid(), communesGrid()];
    const analysis = analyzeWorkbook(grids);
    const sheet = analysis.sheets[0] as ScoringSheet;
    sheet.comparison = {
      previous: { file: "2022.xlsx", sheet: "Huyện Kon Rẫy", achieved: 88, max: 97, index: 90.722, grade: "Xuất sắc", year: 2022 },
      change: { achieved: 1.21, index: 1.247 },
      areas: sheet.areas.map((a) => ({ code: a.code, name: a.name, current: a.appraised, previous: a.max, change: (a.appraised ?? 0) - a.max })),
      newlyLost: ["3.3.4", "5.6"],
      recovered: ["2.3"],
    };
    const lines = linesOf(draftReport(analysis, { grids }));
    const at = lines.indexOf("So với năm 2022, điểm từng lĩnh vực như sau:");
    expect(lines[at + 1]).toBe("Lĩnh vực | Điểm tối đa | Năm 2022 | Năm 2023 | Tăng, giảm");
    const area6 = sheet.areas.find((a) => a.code === "6")!;
    expect(lines).toContain(`6. Cải cách tài chính công | 13 | 13 | ${comma(area6.appraised!)} | -${comma(13 - area6.appraised!)}`);
    expect(lines).toContain(
      "Các tiêu chí thành phần năm nay bị mất điểm mà năm 2022 không bị: 3.3.4, 5.6. Các tiêu chí thành phần năm 2022 bị mất điểm, năm nay đã đạt điểm tối đa: 2.3.",
    );
  });
});

describe("the district's sheet with its communes' sheets, titled each with its own body only", () => {
  const communes = [unitScoringGrid("Đăk Kôi", "UBND XÃ ĐĂK KÔI", 2023, { "1.1.1": 0.5 }), unitScoringGrid("Tân Lập", "UBND XÃ TÂN LẬP", 2023, {})];
  for (const g of communes) g.values[0][0] = "";
  const { analysis, report } = draft([districtGrid(), ...communes]);
  const lines = linesOf(report);

  test("the district's sheet, the one above its units, issues the report and gives section I", () => {
    expect(analysis.acrossUnits?.units).toHaveLength(3);
    expect(report.heading.issuer).toEqual(["ỦY BAN NHÂN DÂN", "HUYỆN KON RẪY"]);
    expect(report.source.scoring).toBe("Huyện Kon Rẫy");
    expect(lines.join("\n")).toContain("Tổng số điểm các tiêu chí thành phần UBND huyện đạt được năm 2023 là 89,21/97 điểm");
  });

  test("section II ranks the communes, not the district itself", () => {
    const rows = lines.filter((l) => /^\d+ \| UBND /.test(l)).map((l) => l.split(" | ")[1]);
    expect(rows.sort()).toEqual(["UBND xã Tân Lập", "UBND xã Đăk Kôi"]);
  });
});
