/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata maps only number, string, boolean and any: cells arrive as any */
// The CCHC.* custom functions (namespace CCHC from manifest.xml). Each is a thin wrapper:
// read Excel's arguments, call the engine's rule, turn a RuleError into an Excel error.
// custom-functions-metadata-plugin reads these JSDoc blocks to write functions.json and adds
// the CustomFunctions.associate calls at build time: add none here. Descriptions are what
// Excel's formula autocomplete shows the clerk, hence Vietnamese.
import {
  checkEntry,
  deductPoints,
  gradeForIndex,
  lostPoints,
  parseVietnameseNumber,
  ratioPoints,
  scoreIndex,
  stepPoints,
  RuleError,
} from "../engine/scoring/scoringRules";
import { subtotalByCode } from "../engine/scoring/subtotal";
import { isUnder, parseCode } from "../engine/cells/codes";
import { excelRound, isCellError } from "../engine/core/numbers";
import { guarded, passOn } from "./excelErrors";
import { bandsArg, cellArg, isBlank, listArg, numberArg, optionalNumberArg, stepListsArg } from "./arguments";
import { getFunctionBands } from "./functionSettings";

// The runtime's global, for the CustomFunctions.associate calls the metadata plugin appends
// to this file at build time (no @types package declares it).
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used by the appended calls
declare const CustomFunctions: { associate(id: string, implementation: (...args: never[]) => unknown): void };

/**
 * Điểm theo tỷ lệ: làm tròn(MIN(1; số đạt ÷ tổng số ÷ mục tiêu) × điểm tối đa; số chữ số thập phân).
 * @customfunction RATIO RATIO
 * @param part Số đạt (ví dụ số TTHC có thanh toán trực tuyến).
 * @param whole Tổng số (lớn hơn 0, không nhỏ hơn số đạt).
 * @param max Điểm tối đa của tiêu chí.
 * @param [target] Tỷ lệ cần đạt để được điểm tối đa, từ trên 0 đến 1; mặc định 1 (100%).
 * @param [decimals] Số chữ số thập phân khi làm tròn; mặc định 2.
 * @returns Điểm đạt được.
 */
export function ratio(part: any, whole: any, max: any, target?: any, decimals?: any): number {
  return guarded("RATIO", [part, whole, max, target, decimals], () =>
    ratioPoints(
      numberArg(part, "Số đạt"),
      numberArg(whole, "Tổng số"),
      numberArg(max, "Điểm tối đa"),
      optionalNumberArg(target, "Mục tiêu", 1),
      optionalNumberArg(decimals, "Số chữ số thập phân", 2),
    ),
  );
}

/**
 * Điểm theo bậc: điểm của ngưỡng cao nhất không vượt quá giá trị; 0 nếu dưới mọi ngưỡng.
 * @customfunction STEPS STEPS
 * @param value Giá trị cần chấm (ví dụ tỷ lệ hoàn thành 0,85).
 * @param thresholds Các ngưỡng tăng dần: một hàng, một cột hoặc mảng {0,7;0,9}.
 * @param points Điểm tương ứng với từng ngưỡng, cùng số lượng với các ngưỡng.
 * @returns Điểm của bậc đạt được.
 */
export function steps(value: any, thresholds: any[][], points: any[][]): number {
  return guarded("STEPS", [value, thresholds, points], () => {
    const lists = stepListsArg(thresholds, points);
    return stepPoints(numberArg(value, "Giá trị"), lists.thresholds, lists.points);
  });
}

/**
 * Điểm trừ theo trường hợp: điểm tối đa − số trường hợp × điểm trừ mỗi trường hợp, không thấp hơn điểm sàn.
 * @customfunction DEDUCT DEDUCT
 * @param max Điểm tối đa của tiêu chí.
 * @param count Số trường hợp vi phạm (số nguyên).
 * @param perCase Số điểm trừ cho mỗi trường hợp.
 * @param [floor] Điểm thấp nhất; mặc định 0.
 * @returns Điểm còn lại sau khi trừ.
 */
export function deduct(max: any, count: any, perCase: any, floor?: any): number {
  return guarded("DEDUCT", [max, count, perCase, floor], () =>
    deductPoints(
      numberArg(max, "Điểm tối đa"),
      numberArg(count, "Số trường hợp"),
      numberArg(perCase, "Điểm trừ mỗi trường hợp"),
      optionalNumberArg(floor, "Điểm sàn", 0),
    ),
  );
}

/**
 * Chỉ số CCHC: điểm đạt được ÷ điểm tối đa × 100; chỉ làm tròn khi có số chữ số thập phân.
 * @customfunction INDEX INDEX
 * @param achieved Tổng điểm đạt được.
 * @param max Tổng điểm tối đa (không tính các tiêu chí không phát sinh).
 * @param [decimals] Số chữ số thập phân khi làm tròn; bỏ trống để không làm tròn.
 * @returns Chỉ số trên thang 100.
 */
export function index(achieved: any, max: any, decimals?: any): number {
  return guarded("INDEX", [achieved, max, decimals], () =>
    scoreIndex(
      numberArg(achieved, "Điểm đạt được"),
      numberArg(max, "Điểm tối đa"),
      optionalNumberArg(decimals, "Số chữ số thập phân"),
    ),
  );
}

/**
 * Xếp loại theo chỉ số: Xuất sắc, Tốt, Khá, Trung bình, Yếu (theo cài đặt của sổ tính).
 * @customfunction GRADE GRADE
 * @param index Chỉ số CCHC (thang 100).
 * @param [bands] Bảng xếp loại riêng: hai cột, cận dưới và tên loại; bỏ trống để dùng cài đặt.
 * @returns Tên loại.
 */
export function grade(index: any, bands?: any[][]): string {
  return guarded("GRADE", [index, bands], () => {
    const value = numberArg(index, "Chỉ số");
    return gradeForIndex(value, isBlankMatrix(bands) ? getFunctionBands() : bandsArg(bands));
  });
}

/**
 * Điểm bị mất: điểm tối đa − điểm đạt được, làm tròn 2 chữ số thập phân.
 * @customfunction LOST LOST
 * @param max Điểm tối đa.
 * @param achieved Điểm đạt được.
 * @returns Số điểm bị mất.
 */
export function lost(max: any, achieved: any): number {
  return guarded("LOST", [max, achieved], () => lostPoints(numberArg(max, "Điểm tối đa"), numberArg(achieved, "Điểm đạt được")));
}

/**
 * Tổng điểm các tiêu chí thành phần thuộc một mã (bỏ qua ô trống và KPS).
 * @customfunction SUBTOTAL SUBTOTAL
 * @param codes Cột mã tiêu chí (STT).
 * @param points Cột điểm, cùng số dòng với cột mã.
 * @param code Mã cần cộng, ví dụ "6" hoặc "1.6".
 * @returns Tổng điểm của các tiêu chí thành phần.
 */
export function subtotal(codes: any[][], points: any[][], code: any): number {
  // Both columns take error cells (errorArguments.json): an error in the code column, or in
  // the points of a row under the code, is the result, named by its row; other rows' errors
  // do not touch this code's sum.
  return guarded("SUBTOTAL", [codes, points, code], () => {
    const codeList = listArg(codes, "Cột mã").map(cellArg);
    const pointList = listArg(points, "Cột điểm").map(cellArg);
    if (codeList.length !== pointList.length) {
      throw new RuleError(
        "#VALUE!",
        `Cột mã (${codeList.length} dòng) và cột điểm (${pointList.length} dòng) phải có cùng số dòng.`,
      );
    }
    const badCode = codeList.findIndex(isCellError);
    if (badCode >= 0) {
      const error = (codeList[badCode] as { error: string }).error;
      throw passOn({ code: error, message: `Cột mã có lỗi ${error} ở dòng ${badCode + 1} của vùng: không biết dòng đó thuộc mã nào.` });
    }
    const parsed = parseCode(cellArg(code));
    if (!parsed) throw new RuleError("#VALUE!", `"${isBlank(code) ? "" : String(code)}" không phải là mã tiêu chí.`);
    const rowCodes = codeList.map((c) => parseCode(c)?.code ?? null);
    const badPoints = pointList.findIndex((p, i) => isCellError(p) && rowCodes[i] !== null && isUnder(rowCodes[i] as string, parsed.code));
    if (badPoints >= 0) {
      const error = (pointList[badPoints] as { error: string }).error;
      throw passOn({ code: error, message: `Ô điểm của mã ${rowCodes[badPoints]} (dòng ${badPoints + 1} của vùng) đang có lỗi ${error}.` });
    }
    const sum = subtotalByCode(codeList, pointList, parsed.code);
    if (sum === null) throw new RuleError("#N/A", `Không tìm thấy mã ${parsed.code} trong cột mã.`);
    return excelRound(sum, 9);
  });
}

/**
 * Kiểm tra một ô điểm: trả về chuỗi rỗng nếu hợp lệ, nếu không thì lý do ngắn gọn.
 * @customfunction CHECK CHECK
 * @param points Điểm đã nhập (số, chữ số thập phân dùng dấu phẩy, KPS hoặc để trống).
 * @param max Điểm tối đa của tiêu chí.
 * @returns "" hoặc lý do, ví dụ "Vượt điểm tối đa (4)".
 */
export function check(points: any, max: any): string {
  // `points` takes error cells (errorArguments.json): an error there is a reason to report.
  return guarded("CHECK", [points, max], () => checkEntry(cellArg(points), numberArg(max, "Điểm tối đa")));
}

/**
 * Đọc một số viết theo kiểu Việt Nam: "3,89" → 3,89; "51.740" → 51740; "54,7%" → 0,547.
 * @customfunction NUM NUM
 * @param text Chuỗi số cần đọc.
 * @returns Giá trị số.
 */
export function num(text: any): number {
  return guarded("NUM", [text], () => parseVietnameseNumber(cellArg(text) ?? undefined));
}

/** True when an optional range argument was left out (or is all blank cells). */
function isBlankMatrix(value: unknown): boolean {
  if (!Array.isArray(value)) return isBlank(value);
  return value.every((row) => (Array.isArray(row) ? row.every(isBlank) : isBlank(row)));
}
