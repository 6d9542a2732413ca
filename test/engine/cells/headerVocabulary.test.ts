// Headers are read by their words (issue 17 §1): a known phrase keeps its role whatever is written
// around it and however it is typed; and no header of the seed or of the fixtures changes role
// compared with the fixed patterns the vocabulary replaced.
import { detectHeader, roleOf, type CellValue, type ColumnRole, type Grid } from "../../../src/engine";
import { foldText } from "../../../src/engine/core/text";
import { headerWords, roleOfWords } from "../../../src/engine/cells/headerVocabulary";
import { communesGrid, districtGrid, DISTRICT_HEADER } from "../../fixtures/seed";
import { blockColumnGrid, blockHeadingGrid, unitScoringGrid } from "../../fixtures/units";

const KNOWN: Array<[string, ColumnRole]> = [
  ["STT", "code"],
  ["TT", "code"],
  ["Mã tiêu chí", "code"],
  ["Số TT", "code"],
  ["Tiêu chí", "name"],
  ["Nội dung", "name"],
  ["Lĩnh vực, tiêu chí", "name"],
  ["Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "name"],
  ["Điểm tối đa", "max"],
  ["Thang điểm", "max"],
  ["Điểm chuẩn", "max"],
  ["Điểm tự đánh giá", "self"],
  ["Tự chấm", "self"],
  ["Điểm thẩm định", "appraised"],
  ["Hội đồng thẩm định", "appraised"],
  ["Nguyên nhân mất điểm", "cause"],
  ["Trách nhiệm thuộc về", "responsible"],
  ["Đơn vị chịu trách nhiệm", "responsible"],
  ["Tỉnh, thành phố", "unit"],
  ["Sở, ban, ngành", "unit"],
  ["Quận, huyện", "unit"],
  ["UBND các xã, phường", "unit"],
  ["Phường, xã, đặc khu", "unit"],
  ["Tên cơ quan, đơn vị", "unit"],
  ["Địa phương", "unit"],
  ["Bộ, ngành", "unit"],
  ["Đơn vị", "unit"],
  ["Tên đơn vị", "unit"],
  ["Tổng số điểm đạt được", "achieved"],
  ["Tổng điểm đạt", "achieved"],
  ["Tổng điểm", "achieved"],
  ["Điểm đạt được", "achieved"],
  ["Chỉ số (%)", "index"],
  ["Chỉ số CCHC", "index"],
  ["PAR INDEX", "index"],
  ["Kết quả chỉ số", "index"],
  ["Chỉ số CCHC năm 2023", "index"],
  ["Điểm đánh giá tác động", "survey"],
  ["Điểm điều tra xã hội học", "survey"],
  ["XHH", "survey"],
  ["Điểm tối đa XHH", "surveyMax"],
  ["Thang điểm điều tra xã hội học", "surveyMax"],
  ["Xếp hạng", "rank"],
  ["Hạng", "rank"],
  ["Thứ hạng", "rank"],
  ["Xếp loại", "grade"],
  ["Khối", "block"],
  ["Nhóm", "block"],
  ["Loại đơn vị", "block"],
  ["Chỉ số năm trước", "previousIndex"],
  ["Xếp hạng năm trước", "previousRank"],
  ["Tài liệu kiểm chứng", "evidence"],
  ["Tài liệu, minh chứng", "evidence"],
  ["Hồ sơ kiểm chứng", "evidence"],
  ["Minh chứng", "evidence"],
  ["Tài liệu chứng minh", "evidence"],
  ["Điểm sau giải trình", "afterExplanation"],
  ["Điểm thẩm định lại", "afterExplanation"],
  ["Điểm chính thức sau giải trình", "afterExplanation"],
  ["Điểm sau thẩm định lại", "afterExplanation"],
];

/** Words that name no role and join no phrase, written around a known phrase. */
const FILLERS = ["cột", "ghi", "theo", "kết quả", "năm 2023", "của đơn vị", "(%)", "(tối đa 100)", "(1)", "được ghi nhận"];
const PUNCTUATION = [",", ":", ";", " -", ".", "*", "/"];

// The fuzz harness's seeded PRNG (mulberry32), so each run draws the same variations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { mulberry32: prng } = require("../../../scripts/fuzz/prng.js") as { mulberry32: (seed: number) => () => number };

const withoutDiacritics = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");

function variation(phrase: string, rand: () => number): string {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const before = Array.from({ length: Math.floor(rand() * 3) }, () => pick(FILLERS));
  const after = Array.from({ length: Math.floor(rand() * 3) }, () => pick(FILLERS));
  // The phrase itself stays a phrase: after its last word only (words inside it must stand together).
  let words = [...before, phrase + (rand() < 0.4 ? pick(PUNCTUATION) : ""), ...after];
  if (rand() < 0.4) words = words.map(withoutDiacritics);
  const caps = rand();
  if (caps < 0.3) words = words.map((w) => w.toUpperCase());
  else if (caps < 0.5) words = words.map((w) => w.toLowerCase());
  // Line breaks and runs of spaces between and inside the words.
  const gap = () => pick([" ", "  ", "\n", " \r\n ", "\t"]);
  return words.map((w) => w.replace(/ /g, () => gap())).join(gap());
}

describe("a known phrase keeps its role whatever is around it", () => {
  const rand = prng(17);
  const cases: Array<[string, string, ColumnRole]> = [];
  for (let i = 0; i < 8; i++) for (const [phrase, role] of KNOWN) cases.push([variation(phrase, rand), phrase, role]);

  test(`${cases.length} variations`, () => {
    expect(cases.length).toBeGreaterThan(300);
    const wrong = cases.filter(([text, , role]) => roleOf(text) !== role).map(([text, phrase, role]) => ({ text, phrase, role, got: roleOf(text) }));
    expect(wrong).toEqual([]);
  });

  test("the variations do change the text (not only the phrase as written)", () => {
    const changed = cases.filter(([text, phrase]) => text !== phrase).length;
    expect(changed).toBeGreaterThan(cases.length * 0.8);
  });

  test("words in parentheses are left out of the role but a line break inside a phrase is not", () => {
    expect(headerWords("Điểm thẩm định (tối đa 61,5)")).toEqual(["diem", "tham", "dinh"]);
    expect(roleOf("Điểm thẩm định (tối đa 61,5)")).toBe("appraised");
    expect(roleOf("Điểm\ntối\nđa")).toBe("max");
  });

  test.each([
    ["Đơn vị tính", null],
    ["Số đơn vị", null],
    ["Ghi chú", null],
    ["Điểm", null],
    ["Đạt", "achieved"],
    ["Mã đơn vị", "code"],
    ["Xếp hạng chỉ số", "rank"],
    ["Chỉ số xếp hạng", "index"],
    ["Nhóm tiêu chí", "name"],
    ["Tổng điểm thẩm định", "appraised"],
    ["Tổng điểm tối đa", "max"],
    ["Số hồ sơ", null],
    ["Tỉnh", "unit"],
    ["Tài liệu kiểm chứng điểm tự chấm", "evidence"],
    ["Minh chứng của đơn vị", "evidence"],
    ["Điểm thẩm định lại của Hội đồng", "afterExplanation"],
    ["Tài liệu bổ sung", null],
  ])("'%s' → %s (what wins between roles)", (text, role) => {
    expect(roleOfWords(headerWords(text))).toBe(role);
  });
});

describe("'Sở' or 'Bộ' alone names the unit column only with its marks", () => {
  test.each([
    ["Sở", "unit"],
    ["SỞ", "unit"],
    ["Bộ:", "unit"],
    [" Sở (1) ", "unit"],
    ["Sở".normalize("NFD"), "unit"],
    ["Số", null],
    ["So", null],
    ["Bó", null],
    ["Sở tiêu chí", "name"],
  ])("'%s' → %s", (text, role) => {
    expect(roleOf(text)).toBe(role);
  });

  test("a departments' table headed 'Sở' is read as a units table with that column", () => {
    const grid: Grid = {
      name: "Khối sở",
      values: [
        ["STT", "Sở", "Chỉ số (%)", "Xếp hạng"],
        [1, "Sở Nội vụ", 91.2, 1],
        [2, "Sở Tài chính", 88.5, 2],
      ],
    };
    const d = detectHeader(grid);
    expect(d.kind).toBe("units");
    expect(d.kind === "units" ? d.header.columns.unit : undefined).toBe(1);
  });
});

// The fixed patterns the vocabulary replaced (src/engine/cells/header.ts before issue 17), kept as
// the reference for the fixtures' headers.
const OLD_PATTERNS: Array<[ColumnRole, RegExp]> = [
  ["previousIndex", /^chi so.*nam truoc/],
  ["previousRank", /^(xep hang|thu hang).*nam truoc/],
  ["surveyMax", /(toi da|diem chuan|thang diem).*(xhh|xa hoi hoc)/],
  ["survey", /dieu tra|xa hoi hoc|\bxhh\b/],
  ["block", /^(khoi|nhom|khoi\/nhom|khoi, nhom|loai don vi)$/],
  ["responsible", /^(trach nhiem|don vi chiu trach nhiem|co quan chiu trach nhiem)|chiu trach nhiem/],
  ["cause", /^nguyen nhan/],
  ["self", /tu danh gia|tu cham|tu dg/],
  ["appraised", /tham dinh/],
  ["max", /toi da|diem chuan|thang diem/],
  ["code", /^(stt|tt|ma|ma tieu chi|ma so|so tt|so thu tu|ky hieu)$/],
  ["unit", /^(ten )?(don vi|co quan,? don vi|co quan|dia phuong|co quan,? dia phuong|xa|phuong|huyen|xa,? thi tran|xa,? phuong,? thi tran|xa,? phuong|huyen,? thanh pho)$/],
  ["grade", /^xep loai/],
  ["rank", /^(xep hang|thu hang|thu tu xep hang)/],
  ["index", /^chi so/],
  ["name", /tieu chi|noi dung|linh vuc/],
  ["achieved", /^(tong )?diem dat( duoc)?$/],
];

function oldRoleOf(text: string): ColumnRole | null {
  const folded = foldText(text).replace(/\(.*?\)/g, " ").replace(/[:*]/g, " ").replace(/\s+/g, " ").trim();
  if (folded === "") return null;
  for (const [role, pattern] of OLD_PATTERNS) if (pattern.test(folded)) return role;
  return null;
}

describe("the fixtures' headers keep their roles", () => {
  const grids: Array<[string, Grid]> = [
    ["district", districtGrid()],
    ["district, plain headers", districtGrid({ plainHeaders: true })],
    ["district, no titles", districtGrid({ titleRows: 0 })],
    ["communes", communesGrid()],
    ["block column", blockColumnGrid()],
    ["block headings", blockHeadingGrid()],
    ["one unit's scoring sheet", unitScoringGrid("Xã A", "UBND XÃ A", 2023, { "1.6.1": 3 })],
    ["a data sheet: 'Đơn vị | Điểm'", { name: "Dữ liệu", values: [["Đơn vị", "Điểm"], ["UBND xã Đăk Kôi", 91.02]] }],
  ];

  test.each(grids)("%s", (_, grid) => {
    const d = detectHeader(grid);
    // The header row the old patterns found: the first row naming a table's columns.
    const oldRow = grid.values.findIndex((row) => {
      const roles = new Set(row.filter((v): v is string => typeof v === "string").map(oldRoleOf));
      const score = roles.has("self") || roles.has("appraised") || roles.has("achieved");
      return (roles.has("unit") && !roles.has("name") && score) || (roles.has("code") && roles.has("max") && score);
    });
    if (oldRow < 0) {
      expect(d.kind).toBe("other");
      return;
    }
    expect(d.kind === "other" ? -1 : d.header.row).toBe(oldRow);
    const header: CellValue[] = grid.values[oldRow];
    const texts = header.filter((v): v is string => typeof v === "string");
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.map((t) => [t, roleOf(t)])).toEqual(texts.map((t) => [t, oldRoleOf(t)]));
  });

  test("the seed's header, word for word", () => {
    expect(DISTRICT_HEADER.map(roleOf)).toEqual(["code", "name", "max", "self", "appraised", "cause", "responsible"]);
  });
});
