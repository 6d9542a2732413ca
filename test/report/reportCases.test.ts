// The Word reports of issue 18's cases, read back by LibreOffice Writer: a province's ranking
// table alone and four communes' sheets under the district's title. The text names the right
// issuer, ranks and grade counts; each block's table is a real, bordered Word table with a
// repeated header row, the width of the text; the page is A4; the OOXML checker passes.
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { analyzeWorkbook } from "../../src/engine";
import { draftReport } from "../../src/engine/reportDraft";
import type { Grid } from "../../src/engine/core/types";
import { renderDocx } from "../../src/report/docxRender";
import { TEXT_WIDTH } from "../../src/report/docxLayout";
import { BLOCKS, BLOCK_UNITS, blockColumnGrid, unitScoringGrid } from "../fixtures/units";
import { makeTempDir, removeDir } from "../cli/helpers/xlsxFiles";
import { convertWithLibreOffice, sofficeUnavailable } from "../support/libreoffice";
import { expectValidOoxml } from "../support/ooxmlCheck";

const maybe = sofficeUnavailable("báo cáo xếp hạng bằng LibreOffice") === null ? describe : describe.skip;
const fold = (s: string) => s.replace(/\s+/g, " ");
const two = (n: number) => String(n).padStart(2, "0");

function province(): Grid[] {
  const grid = blockColumnGrid();
  grid.values.unshift(["ỦY BAN NHÂN DÂN TỈNH KON TUM", null, null, null, null, null, null]);
  return [grid];
}

function communes(): Grid[] {
  return [
    unitScoringGrid("Đăk Kôi", "UBND XÃ ĐĂK KÔI", 2023, { "1.1.1": 0.5 }),
    unitScoringGrid("Tân Lập", "UBND XÃ TÂN LẬP", 2023, {}),
    unitScoringGrid("Đăk Pnê", "UBND XÃ ĐĂK PNÊ", 2023, { "1.1.1": 0.5, "2.3": 0 }),
    unitScoringGrid("Đăk Rve", "UBND THỊ TRẤN ĐĂK RVE", 2023, { "2.3": 0.5 }),
  ];
}

async function docxOf(grids: Grid[]): Promise<Uint8Array> {
  return renderDocx(draftReport(analyzeWorkbook(grids), { grids }));
}

describe("a table block in the .docx", () => {
  test("is bordered, as wide as the text, and repeats its header row on each page", async () => {
    const xml = await (await JSZip.loadAsync(await docxOf(province()))).file("word/document.xml")!.async("string");
    const tables = xml.match(/<w:tbl>.*?<\/w:tbl>/gs)!;
    // The heading's and the signature's borderless tables, and one per block.
    const ranking = tables.filter((t) => t.includes("<w:tblHeader/>"));
    expect(ranking).toHaveLength(BLOCKS.length);
    for (const t of ranking) {
      expect(t).toMatch(/<w:tblBorders>.*<w:insideH w:val="single".*<\/w:tblBorders>/s);
      expect(Number(/<w:tblW w:type="dxa" w:w="(\d+)"\/>/.exec(t)?.[1] ?? /<w:tblW w:w="(\d+)"/.exec(t)![1])).toBe(TEXT_WIDTH);
      const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    }
  });
});

maybe("LibreOffice Writer reading the reports of issue 18's cases", () => {
  let dir: string;
  const read: Record<string, { file: string; text: string; fodt: string }> = {};
  beforeAll(async () => {
    dir = await makeTempDir("cchc-report-cases-");
    for (const [name, grids] of [["tinh", province()], ["bon-xa", communes()]] as const) {
      const file = path.join(dir, `${name}.docx`);
      await fs.writeFile(file, await docxOf(grids));
      const text = fold(await fs.readFile(await convertWithLibreOffice(file, "txt:Text", dir), "utf8"));
      const fodt = await fs.readFile(await convertWithLibreOffice(file, "fodt", dir), "utf8");
      read[name] = { file, text, fodt };
    }
  }, 300_000);
  afterAll(async () => removeDir(dir));

  /** The rows of LibreOffice's tables that have a header row, each row's cells' text. */
  const tableRows = (fodt: string) =>
    (fodt.match(/<table:table .*?<\/table:table>/gs) ?? [])
      .filter((t) => t.includes("<table:table-header-rows>"))
      .map((t) => (t.match(/<table:table-row[ >].*?<\/table:table-row>/gs) ?? []).map((r) =>
        (r.match(/<table:table-cell[ >].*?<\/table:table-cell>/gs) ?? []).map((c) => fold(c.replace(/<[^>]+>/g, "")).trim()),
      ));

  test("the province's report: the province issues it, grade counts and every block's table with ranks", () => {
    const { text, fodt } = read.tinh;
    expect(text).toContain("ỦY BAN NHÂN DÂN");
    expect(text).toContain("TỈNH KON TUM");
    const xa = BLOCK_UNITS.filter((u) => u.block === BLOCKS[2]);
    const excellent = xa.filter((u) => u.index >= 90).length;
    expect(text).toContain(`${two(excellent)}/${two(xa.length)} xã xếp loại Xuất sắc`);
    const tables = tableRows(fodt);
    expect(tables).toHaveLength(BLOCKS.length);
    BLOCKS.forEach((block, b) => {
      const members = BLOCK_UNITS.filter((u) => u.block === block).sort((x, y) => x.rankInBlock - y.rankInBlock);
      const [header, ...rows] = tables[b];
      expect(header).toEqual(["TT", "Đơn vị", "Điểm thẩm định (tối đa 61,5)", "Điểm điều tra XHH (tối đa 38,5)", "Chỉ số (%)", "Xếp loại", "Xếp hạng", "So với năm trước"]);
      expect(rows.map((r) => [r[1], r[6]])).toEqual(members.map((u) => [u.unit, two(u.rankInBlock)]));
    });
  });

  test("the communes' report: the district issues it, the communes ranked in sentence case", () => {
    const { text, fodt } = read["bon-xa"];
    expect(text).toContain("HUYỆN KON RẪY");
    expect(text).not.toContain("XÃ ĐĂK KÔI");
    const [table] = tableRows(fodt);
    expect(table.slice(1).map((r) => r[1]).sort()).toEqual(["UBND thị trấn Đăk Rve", "UBND xã Tân Lập", "UBND xã Đăk Kôi", "UBND xã Đăk Pnê"].sort());
    expect(table.slice(1).map((r) => r[5])).toEqual(["01", "02", "03", "04"]);
  });

  test("both are A4 with the decree's margins, and pass the OOXML checker", async () => {
    for (const { file, fodt } of Object.values(read)) {
      const layout = /<style:page-layout-properties (fo:page-width[^>]+)>/.exec(fodt)![1];
      const mmOf = (name: string) => {
        const [, value, unit] = new RegExp(`${name}="([\\d.]+)(in|cm|mm)"`).exec(layout)!;
        return parseFloat(value) * { in: 25.4, cm: 10, mm: 1 }[unit as "in" | "cm" | "mm"];
      };
      expect(mmOf("fo:page-width")).toBeCloseTo(210, 0);
      expect(mmOf("fo:page-height")).toBeCloseTo(297, 0);
      await expectValidOoxml(file);
    }
  });
});
