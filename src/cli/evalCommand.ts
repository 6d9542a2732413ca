// `cchc eval FORMULA`: evaluates a formula of CCHC functions with the very code Excel runs.
// Output: the result alone on stdout (numbers as JavaScript prints them, text as is).
// Exit codes: 0 a result; 1 an Excel error (its code on stdout, the message on stderr);
// 2 a formula that cannot be read, or no formula.
import { ExcelErrorValue, installCustomFunctionsShim } from "./formula/customFunctionsShim";
import { parseFormula, MAX_FUNCTION_NESTING } from "./formula/parser";
import { catalog, FUNCTION_TABLE } from "./formula/functionTable";
import { evaluate, type FormulaValue, type Scalar } from "./formula/evaluate";
import { FormulaSyntaxError } from "./formula/syntaxError";

const HELP = `Cách dùng: cchc eval "CÔNG THỨC"
Tính một công thức gồm các hàm CCHC, số, chuỗi, mã lỗi (#N/A, #VALUE!...) và mảng hằng, bằng đúng mã mà Excel chạy.
Như Excel: tối đa ${MAX_FUNCTION_NESTING} hàm lồng nhau; đối số là lỗi thì kết quả là lỗi đó, trừ điểm của CCHC.CHECK và hai cột của CCHC.SUBTOTAL.
Dấu phân cách: "=CCHC.RATIO(5;48;0,5)" (dấu ; và dấu phẩy thập phân) hoặc "=CCHC.RATIO(5,48,0.5)".
Tiền tố "CCHC." và dấu "=" có thể bỏ; tên hàm không phân biệt hoa thường.
Các hàm: ${FUNCTION_TABLE.map((f) => `CCHC.${f.name}`).join(", ")}.
Mã thoát: 0 có kết quả; 1 kết quả là lỗi Excel (#DIV/0!, #NUM!, #VALUE!, #N/A); 2 công thức không hợp lệ.`;

export async function run(args: string[]): Promise<number> {
  if (args.length === 1 && (args[0] === "--help" || args[0] === "-h")) {
    process.stdout.write(HELP + "\n");
    return 0;
  }
  // An unquoted formula arrives split at spaces: join it back.
  const formula = args.join(" ").trim();
  if (formula === "") {
    process.stderr.write(`Thiếu công thức.\n${HELP}\n`);
    return 2;
  }
  installCustomFunctionsShim();
  let tree;
  try {
    const parsed = parseFormula(formula, catalog);
    tree = parsed.tree;
    if (parsed.ambiguous) {
      process.stderr.write(
        "Lưu ý: công thức đọc được theo hai cách; đã hiểu dấu phẩy là dấu thập phân (kiểu Excel tiếng Việt). " +
          "Dùng dấu ; để ngăn cách đối số, hoặc dấu chấm thập phân, để khỏi nhầm.\n",
      );
    }
  } catch (err) {
    if (err instanceof FormulaSyntaxError) {
      process.stderr.write(syntaxMessage(formula, err));
      return 2;
    }
    throw err;
  }
  const result = evaluate(tree);
  if (result instanceof ExcelErrorValue) {
    process.stdout.write(result.code + "\n");
    process.stderr.write((result.message || `Lỗi ${result.code}`) + "\n");
    return 1;
  }
  process.stdout.write(formatValue(result) + "\n");
  return 0;
}

/** Characters of a long formula shown on each side of the error's position. */
const EXCERPT_SIDE = 40;

function syntaxMessage(formula: string, err: FormulaSyntaxError): string {
  let text = `Công thức không hợp lệ: ${err.message}\n`;
  if (err.pos === null) return text;
  // A long formula (a 2,000-call nesting) is cut to the part around the position.
  const start = Math.max(0, err.pos - EXCERPT_SIDE);
  const end = Math.min(formula.length, err.pos + EXCERPT_SIDE);
  const before = start > 0 ? "…" : "";
  const after = end < formula.length ? "…" : "";
  const caret = before.length + err.pos - start;
  text += `  ${before}${formula.slice(start, end)}${after}\n  ${" ".repeat(caret)}^ (vị trí ${err.pos + 1})\n`;
  return text;
}

/** A result as one line: numbers as JavaScript prints them, text as is, arrays Excel-style. */
export function formatValue(value: FormulaValue): string {
  if (Array.isArray(value)) return "{" + value.map((row) => row.map(formatScalar).join(",")).join(";") + "}";
  return formatScalar(value);
}

function formatScalar(value: Scalar): string {
  if (value instanceof ExcelErrorValue) return value.code;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}
