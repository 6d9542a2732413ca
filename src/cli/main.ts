#!/usr/bin/env node
// The `cchc` command: dispatches to one module per sub-command.

import { guardTerminal } from "./terminalText";

type Command = (args: string[]) => Promise<number>;

// Each command is loaded only when called: `eval` must not pay for loading ExcelJS.
const COMMANDS: Record<string, () => Promise<Command>> = {
  eval: async () => (await import("./evalCommand")).run,
  check: async () => (await import("./checkCommand")).run,
  summary: async () => (await import("./summaryCommand")).run,
  report: async () => (await import("./reportCommand")).run,
  appraisal: async () => (await import("./appraisalCommand")).run,
};

const USAGE = `Cách dùng / usage:
  cchc eval "=CCHC.RATIO(5;48;0,5)"
      tính một công thức CCHC
  cchc check TỆP_HOẶC_THƯ_MỤC... [--json] [--previous TỆP_NĂM_TRƯỚC] [--template TỆP_MẪU.xlsx[#SHEET]] [--max-size MB] [CÀI_ĐẶT]
      kiểm tra các bảng điểm .xlsx (--template: đối chiếu với bộ tiêu chí mẫu)
  cchc summary TỆP.xlsx -o RA.xlsx [--force] [--sheet TÊN] [--date NĂM-THÁNG-NGÀY] [--previous TỆP_NĂM_TRƯỚC] [--explanation] [--max-size MB] [CÀI_ĐẶT]
      thêm các sheet tổng hợp vào một bản sao (--explanation: cả sheet "Yêu cầu giải trình")
  cchc report TỆP.xlsx -o BAO-CAO.docx [--force] [--sheet TÊN] [--previous TỆP_NĂM_TRƯỚC] [--max-size MB] [CÀI_ĐẶT]
      lập bản thảo báo cáo (Word)
  cchc appraisal THƯ_MỤC_HOẶC_TỆP... -o THƯ_MỤC_RA [--force] [--template TỆP_MẪU.xlsx[#SHEET]] [--issuer "UBND huyện …"] [--days SỐ_NGÀY] [--date NĂM-THÁNG-NGÀY] [--max-size MB]
      lập phiếu đề nghị giải trình (Word) cho từng đơn vị và bảng tổng hợp kết quả thẩm định (Tong-hop-tham-dinh.xlsx)
CÀI_ĐẶT (dùng thay, từng phần, cài đặt add-in đã lưu trong bảng tính):
  --columns "SHEET!donvi=B,thamdinh=E,toida=D;SHEET2!ma=A,toida=C,tudanhgia=D,header=5"
      khai báo cột cho sheet không nhận ra tiêu đề; vai trò: ma (code), noidung (name), toida (max),
      tudanhgia (self), thamdinh (appraised), diemdat (achieved), donvi (unit), khoi (block),
      chiso (index), xeploai (grade), xephang (rank), xhh (survey), xhhtoida (surveyMax),
      chisonamtruoc (previousIndex), xephangnamtruoc (previousRank), nguyennhan (cause),
      trachnhiem (responsible); header=SỐ_DÒNG tiêu đề (bắt buộc khi sheet không nhận ra tiêu đề);
      kind=units|scoring (bảng đơn vị / bảng điểm); tên sheet có dấu ; viết trong nháy đơn: 'Sở; ngành'!donvi=B
  --bands TỆP_XẾP_LOẠI
      các mức xếp loại, mỗi dòng một mức ("Xuất sắc: 90", "Nhóm B 80 – < 90"); dòng "[Tên khối]"
      bắt đầu các mức riêng của khối đó; dòng bắt đầu bằng # bị bỏ qua; hoặc tệp JSON
      { "bands": [...], "blockBands": { "Tên khối": [...] } }`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(USAGE + "\n");
    return name === undefined ? 2 : 0;
  }
  const load = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    process.stderr.write(`Lệnh không hợp lệ: "${name}".\n${USAGE}\n`);
    return 2;
  }
  const command = await load();
  return command(rest);
}

if (require.main === module) {
  guardTerminal();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`Lỗi không mong đợi: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
