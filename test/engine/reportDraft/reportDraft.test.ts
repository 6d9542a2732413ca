// The draft report's document model from the seed's district sheet and communes' table: the
// seed's figures in the seed's sentence shapes, area 6 from its leaves (11,09/13), and the
// fields issue 10 fills (comparison, blocks, survey, analysis across units) from hand-built data.
import { analyzeWorkbook, type ScoringComparison, type ScoringSheet, type UnitsSheet, type WorkbookAnalysis } from "../../../src/engine";
import { buildDraftPlan, draftLines, draftReport, DraftError, spansText } from "../../../src/engine/reportDraft";
import type { Grid } from "../../../src/engine/core/types";
import { COMMUNES, DISTRICT_CRITERIA, LOST_CODES, communesGrid, districtGrid, seedSum } from "../../fixtures/seed";

function seedDraft(grids: Grid[] = [districtGrid(), communesGrid()]) {
  const analysis = analyzeWorkbook(grids);
  return { analysis, report: draftReport(analysis, { grids }) };
}

const textOf = (report: ReturnType<typeof draftReport>) => draftLines(report).map((l) => l.text);

describe("the draft of the seed's district report", () => {
  const { report } = seedDraft();
  const lines = textOf(report);
  const all = lines.join("\n");

  test("has the administrative heading: issuing body from the title rows, motto, number and date blanks", () => {
    expect(report.heading.issuer).toEqual(["ỦY BAN NHÂN DÂN", "HUYỆN KON RẪY"]);
    expect(report.heading.motto).toEqual(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]);
    expect(spansText(report.heading.number)).toMatch(/^Số: +\/BC-UBND$/);
    expect(spansText(report.heading.placeDate)).toMatch(/^Kon Rẫy, ngày +tháng +năm 20…$/);
    expect(report.title).toBe("BÁO CÁO");
    expect(spansText(report.subject)).toContain("Chỉ số cải cách hành chính năm 2023 của UBND huyện Kon Rẫy");
  });

  test("opens section I with the total, maximum, index and grade", () => {
    expect(all).toContain(
      "Tổng số điểm các tiêu chí thành phần UBND huyện đạt được năm 2023 là 89,21/97 điểm " +
        "(Chỉ số cải cách hành chính: 91,969 điểm), xếp loại Xuất sắc, đứng thứ [Cần bổ sung: thứ hạng]/[Cần bổ sung: số đơn vị được xếp hạng] " +
        "huyện, thành phố. Kết quả chấm điểm cụ thể như sau:",
    );
    expect(report.footnotes).toEqual([]); // no last year known: no footnote
  });

  test("gives one numbered paragraph per area with the points from the leaves", () => {
    const areas = DISTRICT_CRITERIA.filter((c) => !c.code.includes("."));
    for (const area of areas) {
      const lost = LOST_CODES.some((code) => code.split(".")[0] === area.code);
      const points = `${seedSum(area.code, "appraised")}/${area.max}`.replace(/\./g, ",");
      const tail = lost ? "; tiêu chí thành phần bị mất điểm, cụ thể:" : ".";
      expect(lines).toContain(`${area.code}. ${area.name}: UBND huyện đạt ${points} điểm${tail}`);
    }
    expect(all).toContain("6. Cải cách tài chính công: UBND huyện đạt 11,09/13 điểm");
    expect(all).toContain("2. Cải cách thể chế: UBND huyện đạt 10/10 điểm.");
    // The full name once (the opening), then the short form.
    expect(all.split("UBND huyện Kon Rẫy").length - 1).toBe(3); // subject, opening, closing
  });

  test("gives each of the ten lost sub-criteria with its points, cause and responsible units", () => {
    for (const code of LOST_CODES) {
      const c = DISTRICT_CRITERIA.find((x) => x.code === code)!;
      const i = lines.findIndex((l) => l.startsWith(`- Tiêu chí thành phần ${code} về `));
      expect(i).toBeGreaterThan(0);
      const achieved = String(c.appraised).replace(".", ",");
      const max = String(c.max).replace(".", ",");
      expect(lines[i]).toContain(`: UBND huyện đạt ${achieved}/${max} điểm, nguyên nhân: ${c.cause!.replace(/\.$/, "")}.`);
      expect(lines[i + 1]).toMatch(/^\* Trách nhiệm thuộc về: /);
      for (const unit of c.responsible!.split(/;|\n/)) expect(lines[i + 1]).toContain(unit.trim());
    }
    expect(all).toContain(
      "- Tiêu chí thành phần 1.6.1 về thực hiện nhiệm vụ do Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh giao: " +
        "UBND huyện đạt 3,89/4 điểm, nguyên nhân: 01 nhiệm vụ hoàn thành trễ hạn.",
    );
    expect(all).toContain("* Trách nhiệm thuộc về: Phòng Lao động - TB&XH (06 hồ sơ); Phòng Tư pháp (02 hồ sơ); Phòng Tài nguyên - Môi trường (39 hồ sơ);");
    expect(all).not.toContain("Cần bổ sung: chưa ghi");
  });

  test("lists the seven communes in rank order, as the seed writes them", () => {
    const communeLines = lines.filter((l) => l.startsWith("- Ủy ban nhân dân "));
    expect(communeLines.map((l) => l.slice(2, l.indexOf(":")))).toEqual(COMMUNES.map((c) => c.unit.replace("UBND", "Ủy ban nhân dân")));
    expect(communeLines[0]).toBe(
      "- Ủy ban nhân dân xã Đăk Pnê: điểm tự đánh giá 91,16 điểm; thẩm định 87,23/94,5 điểm, chỉ số đạt 92,31%, xếp loại Xuất sắc.",
    );
    expect(communeLines[5]).toBe(
      "- Ủy ban nhân dân xã Đăk Tô Re: điểm tự đánh giá 92,25 điểm; thẩm định 85,21/95,5 điểm, chỉ số đạt 89,23%, xếp loại Tốt.",
    );
    expect(all).toContain("II. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA UBND CÁC XÃ, THỊ TRẤN");
    expect(report.source).toEqual({ scoring: "Huyện Kon Rẫy", units: ["Xếp loại xã"], leftOut: [] });
  });

  test("section III: one heading per area, tasks left to the clerk, the usual lead office and the units working with it", () => {
    const start = lines.indexOf("III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU TRONG THỜI GIAN TỚI");
    expect(start).toBeGreaterThan(0);
    const headings = report.body.flatMap((b) => (b.kind === "heading" && b.level === 3 ? [spansText(b.spans)] : []));
    // Every area, those that lost nothing too.
    expect(headings).toEqual([
      "1. Đối với công tác chỉ đạo, điều hành cải cách hành chính:",
      "2. Đối với công tác cải cách thể chế:",
      "3. Đối với công tác cải cách thủ tục hành chính:",
      "4. Đối với công tác cải cách tổ chức bộ máy:",
      "5. Đối với công tác cải cách chế độ công vụ:",
      "6. Đối với công tác cải cách tài chính công:",
      "7. Đối với công tác xây dựng và phát triển chính quyền điện tử, chính quyền số:",
      "8. Đối với việc chấp hành quy chế văn hóa công sở, kỷ luật, kỷ cương hành chính:",
    ]);
    const section = lines.slice(start);
    const after = (heading: string) => section.slice(section.indexOf(heading) + 1, section.indexOf(heading) + 4);
    expect(after("3. Đối với công tác cải cách thủ tục hành chính:")[0]).toBe(
      "- Nhiệm vụ cần thực hiện: [Cần bổ sung: nhiệm vụ, giải pháp khắc phục tiêu chí thành phần 3.3.4, 3.4.1]",
    );
    expect(after("2. Đối với công tác cải cách thể chế:")).toEqual([
      "- Nhiệm vụ cần thực hiện: [Cần bổ sung: nhiệm vụ, giải pháp duy trì kết quả đạt điểm tối đa của lĩnh vực này]",
      "- Cơ quan chủ trì, tham mưu: Phòng Tư pháp.",
      "- Cơ quan phối hợp: các cơ quan, đơn vị liên quan.",
    ]);
    // The lead office is the one usual at a district, not the ten units held responsible.
    expect(after("5. Đối với công tác cải cách chế độ công vụ:").slice(1)).toEqual([
      "- Cơ quan chủ trì, tham mưu: Phòng Nội vụ.",
      "- Cơ quan phối hợp: các cơ quan, đơn vị liên quan; Phòng Văn hóa - Thông tin; Phòng Kinh tế - Hạ tầng; Trung tâm VH-TT-DL&TT.",
    ]);
    expect(after("6. Đối với công tác cải cách tài chính công:")[1]).toBe("- Cơ quan chủ trì, tham mưu: Phòng Tài chính - Kế hoạch.");
    expect(after("8. Đối với việc chấp hành quy chế văn hóa công sở, kỷ luật, kỷ cương hành chính:")[1]).toBe(
      "- Cơ quan chủ trì, tham mưu: [Cần bổ sung: cơ quan chủ trì, tham mưu]",
    );
    // Each unit once, without its record count.
    const area3 = after("3. Đối với công tác cải cách thủ tục hành chính:")[2];
    expect(area3.match(/Phòng Tư pháp/g)).toHaveLength(1);
    expect(area3).not.toContain("hồ sơ");
  });

  test("closes with the closing sentence, recipients and a signature block with blanks", () => {
    expect(all).toContain("Chỉ số cải cách hành chính năm 2023 của UBND huyện Kon Rẫy./.");
    expect(lines).toContain("Nơi nhận:");
    expect(lines).toContain("TM. ỦY BAN NHÂN DÂN");
    expect(lines).toContain("[Cần bổ sung: họ và tên người ký]");
    expect(report.errors).toEqual([]);
  });
});

describe("figures from the leaves, errors kept out of the text", () => {
  test("area 6 typed as 10 (the seed's misprint) is drafted as 11,09/13 and the error is returned, not printed", () => {
    const { report } = seedDraft([districtGrid({ typedAreas: { "6": 10 } }), communesGrid()]);
    const all = textOf(report).join("\n");
    expect(all).toContain("6. Cải cách tài chính công: UBND huyện đạt 11,09/13 điểm");
    expect(all).not.toContain("Cải cách tài chính công: UBND huyện đạt 10/13");
    expect(report.errors.map((f) => f.rule)).toContain("subtotal-mismatch");
    for (const e of report.errors) expect(all).not.toContain(e.message);
  });
});

describe("bad and thin input", () => {
  test("a workbook with neither a scoring sheet nor a ranked units table is refused with a Vietnamese message", () => {
    const analysis = analyzeWorkbook([{ name: "Ghi chú", values: [["Danh sách cán bộ"], ["Nguyễn Văn A"]] }]);
    expect(() => draftReport(analysis)).toThrow(DraftError);
    expect(() => draftReport(analysis)).toThrow(/Không tìm thấy bảng điểm hay bảng xếp loại đơn vị nào/);
  });

  test("a lost sub-criterion without cause or responsible units says so instead of printing nothing", () => {
    const grid = districtGrid();
    for (const row of grid.values) {
      row[5] = row[5] === "Nguyên nhân mất điểm" ? row[5] : null;
      row[6] = row[6] === "Trách nhiệm thuộc về" ? row[6] : null;
    }
    const { report } = seedDraft([grid]);
    const lines = textOf(report);
    const i = lines.findIndex((l) => l.startsWith("- Tiêu chí thành phần 3.3.4"));
    expect(lines[i]).toMatch(/nguyên nhân: \[Cần bổ sung: chưa ghi nguyên nhân\]$/);
    expect(lines[i + 1]).toBe("* Trách nhiệm thuộc về: [Cần bổ sung: chưa ghi đơn vị chịu trách nhiệm]");
    // The lead office is the district's usual one; nobody is held responsible, so no one works with it by name.
    expect(lines).toContain("- Cơ quan chủ trì, tham mưu: Phòng Tư pháp.");
    expect(lines).toContain("- Cơ quan phối hợp: các cơ quan, đơn vị liên quan.");
    expect(report.source.units).toEqual([]);
    // Section II is there to fill, so the numbering runs I, II, III.
    const ii = lines.findIndex((l) => l.startsWith("II. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI"));
    expect(ii).toBeGreaterThan(lines.findIndex((l) => l.startsWith("I. ")));
    expect(lines[ii + 1]).toMatch(/^\[Cần bổ sung: kết quả đánh giá, xếp loại .*\]$/);
    expect(lines.findIndex((l) => l.startsWith("III. "))).toBeGreaterThan(ii);
  });

  test("names with markup or formula-like text stay text, character for character", () => {
    const grid = districtGrid();
    const row = grid.values.find((r) => r[0] === "3.4.1")!;
    row[5] = '<b>quá hạn</b> & "trễ"';
    row[6] = '=HYPERLINK("http://x","y"); <script>alert(1)</script>';
    const { report } = seedDraft([grid]);
    const all = textOf(report).join("\n");
    expect(all).toContain('nguyên nhân: <b>quá hạn</b> & "trễ".');
    expect(all).toContain('* Trách nhiệm thuộc về: =HYPERLINK("http://x","y"); <script>alert(1)</script>.');
  });

  test("without a year or issuer in the title rows, the settings give them; else blanks", () => {
    const grid = districtGrid({ titleRows: 0 });
    const analysis = analyzeWorkbook([grid]);
    const withSettings = draftReport(analysis, { grids: [grid], year: 2024, issuer: "Ủy ban nhân dân xã Đăk Kôi" });
    expect(withSettings.heading.issuer).toEqual(["ỦY BAN NHÂN DÂN", "XÃ ĐĂK KÔI"]);
    expect(textOf(withSettings).join("\n")).toContain(", UBND xã Đăk Kôi báo cáo đánh giá");
    expect(textOf(withSettings).join("\n")).toContain("thành phần UBND xã đạt được năm 2024 là 89,21/97 điểm");
    const bare = draftReport(analysis, { grids: [grid] });
    expect(bare.heading.issuer).toEqual([]);
    expect(spansText(bare.heading.placeDate)).toContain("[Cần bổ sung: địa danh]");
    expect(textOf(bare).join("\n")).toContain("đơn vị đạt được năm … là 89,21/97 điểm");
  });
});

/** The district's sheet with fields issue 10 fills, set by hand on the declared types. */
function withIssue10Fields(mutate: (sheet: ScoringSheet, analysis: WorkbookAnalysis) => void) {
  const grids = [districtGrid(), communesGrid()];
  const analysis = analyzeWorkbook(grids);
  mutate(analysis.sheets[0] as ScoringSheet, analysis);
  return draftReport(analysis, { grids });
}

describe("fields filled by the analysis of many units and years (issue 10)", () => {
  test("a comparison with last year becomes a real footnote on the opening sentence", () => {
    const comparison: ScoringComparison = {
      previous: { file: "2022.xlsx", sheet: "Huyện Kon Rẫy", achieved: 83.87, max: 97, index: 86.471, grade: "Tốt", year: 2022 },
      change: { achieved: 5.34, index: 5.498 },
      areas: [],
      newlyLost: [],
      recovered: [],
    };
    const report = withIssue10Fields((s) => {
      s.comparison = comparison;
      s.unit = "Ủy ban nhân dân huyện Kon Rẫy";
      s.year = 2023;
    });
    expect(report.footnotes).toHaveLength(1);
    expect(spansText(report.footnotes[0].spans)).toBe("Tăng 5,5 điểm so với năm 2022 (năm 2022 đạt 86,471 điểm, xếp loại Tốt).");
    const opening = report.body.find((b) => b.kind === "paragraph" && spansText(b.spans).startsWith("Tổng số điểm"))!;
    if (opening.kind !== "paragraph") throw new Error("not a paragraph");
    expect(opening.spans).toContainEqual({ kind: "footnote", id: 1 });
    expect(spansText(opening.spans)).toContain("xếp loại Xuất sắc(1), đứng thứ");
  });

  test("a fall on last year reads as a fall", () => {
    const report = withIssue10Fields((s) => {
      s.comparison = {
        previous: { file: null, sheet: "2024", achieved: 90, max: 97, index: 92.784, grade: "Xuất sắc", year: null },
        change: { achieved: -0.79, index: -0.815 },
        areas: [],
        newlyLost: [],
        recovered: [],
      };
    });
    expect(spansText(report.footnotes[0].spans)).toBe("Giảm 0,82 điểm so với năm 2022 (năm 2022 đạt 92,784 điểm, xếp loại Xuất sắc).");
  });

  test("section II by block: grade counts, best and last, a table with survey points and the change on last year", () => {
    const report = withIssue10Fields((_s, analysis) => {
      const table = analysis.sheets[1] as UnitsSheet;
      table.ranking.forEach((e, i) => {
        e.block = i < 3 ? "Khối xã" : "Khối thị trấn";
        e.rank = i < 3 ? i + 1 : i - 2;
      });
      table.ranking[0].survey = { achieved: 31.19, max: 38.5 };
      table.ranking[0].change = { index: 1.36, rank: 1 };
      table.blocks = [
        { block: "Khối xã", units: 3, grades: { "Xuất sắc": 3 }, best: "UBND xã Đăk Pnê", last: "UBND xã Đăk Kôi" },
        { block: "Khối thị trấn", units: 4, grades: { "Xuất sắc": 2, "Tốt": 2 }, best: "UBND xã Đăk Ruông", last: "UBND thị trấn Đăk Rve" },
      ];
    });
    const lines = textOf(report);
    const xa = lines.indexOf("Khối xã (03 đơn vị):");
    const tt = lines.indexOf("Khối thị trấn (04 đơn vị):");
    expect(xa).toBeGreaterThan(0);
    // Per block: grade counts with the best and last, then a table header and one row per unit.
    expect(lines[xa + 1]).toBe(
      "Kết quả xếp loại: 03/03 xã xếp loại Xuất sắc; dẫn đầu là UBND xã Đăk Pnê (92,31%), đứng cuối là UBND xã Đăk Kôi (91,02%).",
    );
    expect(lines[xa + 2]).toBe("TT | Đơn vị | Điểm thẩm định | Điểm điều tra XHH | Chỉ số (%) | Xếp loại | Xếp hạng | So với năm trước");
    expect(lines[xa + 3]).toBe("1 | UBND xã Đăk Pnê | 87,23/94,5 | 31,19/38,5 | 92,31 | Xuất sắc | 01 | tăng 1,36 điểm, tăng 01 bậc");
    expect(tt).toBe(xa + 6);
    expect(lines[tt + 3]).toMatch(/^1 \| UBND xã Đăk Ruông \|/);
    expect(lines).toContain("Các đơn vị tăng chỉ số nhiều nhất so với năm trước: UBND xã Đăk Pnê (tăng 1,36 điểm, tăng 01 bậc).");
    // The two-part index explained once.
    expect(lines).toContain(
      "Chỉ số cải cách hành chính năm 2023 của mỗi đơn vị gồm hai phần: điểm thẩm định các tiêu chí (tối đa 94,5 điểm) và điểm điều tra " +
        "xã hội học (tối đa 38,5 điểm); chỉ số là tổng điểm hai phần chia cho tổng điểm tối đa (133 điểm), tính theo tỷ lệ phần trăm.",
    );
  });

  test("weaknesses shared by many units come from the analysis across units", () => {
    const report = withIssue10Fields((_s, analysis) => {
      analysis.acrossUnits = {
        units: ["UBND xã A", "UBND xã B", "UBND xã C"],
        sheets: ["A", "B", "C"],
        criteria: [
          { code: "3.3.4", name: "Sử dụng Hệ thống thông tin giải quyết TTHC", max: 2, unitsLosing: 3, lostTotal: 2.5, lostBy: [
            { unit: "UBND xã A", achieved: 1, lost: 1 }, { unit: "UBND xã B", achieved: 1, lost: 1 }, { unit: "UBND xã C", achieved: 1.5, lost: 0.5 },
          ] },
          { code: "1.5", name: "Sáng kiến", max: 3, unitsLosing: 2, lostTotal: 6, lostBy: [
            { unit: "UBND xã A", achieved: 0, lost: 3 }, { unit: "UBND xã C", achieved: 0, lost: 3 },
          ] },
          { code: "8.1", name: "Văn hóa công sở", max: 3, unitsLosing: 1, lostTotal: 1, lostBy: [{ unit: "UBND xã B", achieved: 2, lost: 1 }] },
        ],
        areas: [],
        ranking: [],
        official: "appraised",
      };
    });
    const lines = textOf(report);
    const i = lines.indexOf("2.2. Tồn tại, hạn chế: Nhiều đơn vị vẫn còn bị mất điểm ở các tiêu chí thành phần sau:");
    expect(i).toBeGreaterThan(0);
    expect(lines[i + 1]).toBe(
      "- Tiêu chí thành phần 3.3.4 về sử dụng Hệ thống thông tin giải quyết TTHC (tối đa 2 điểm): 03/03 đơn vị bị mất điểm, tổng cộng 2,5 điểm (UBND xã A; UBND xã B; UBND xã C).",
    );
    expect(lines[i + 2]).toMatch(/^- Tiêu chí thành phần 1\.5 về sáng kiến .*02\/03 đơn vị/);
    expect(lines[i + 3]).not.toMatch(/8\.1/); // lost by one unit only: not a shared weakness
  });
});

describe("the printable sheet 'Bản thảo báo cáo'", () => {
  test("holds every line of the draft in one column, marked as generated", () => {
    const { report } = seedDraft();
    const plan = buildDraftPlan(report, "Hướng dẫn sao chép");
    expect(plan.name).toBe("Bản thảo báo cáo");
    expect(plan.marker).toBe("CCHC_GEN_DRAFT");
    const values = plan.cells.map((c) => c.value);
    expect(values[0]).toBe("Hướng dẫn sao chép");
    expect(values.slice(1)).toEqual(draftLines(report).map((l) => l.text));
    expect(plan.cells.every((c) => c.col === 0 && c.formula === undefined)).toBe(true);
    expect(plan.print.paper).toBe("A4");
  });
});
