// `--bands FILE`: grade bands from a small UTF-8 text file (a BOM allowed), one band a line —
// "Xuất sắc: 90", "Tốt 80", "Nhóm A ≥ 90", "Nhóm B 80 – < 90" — lines "[Khối sở, ban, ngành]"
// starting the bands of one block, "#" starting a comment; or a JSON file
// { "bands": [{ "name": "Tốt", "min": 80 }, …], "blockBands": { "Khối xã": [ … ] } }.
// Checked as the pane's Cài đặt checks its form (engine/core/bandsInput.ts). The file is the whole
// grading: its blocks replace those saved in the workbook.
import { promises as fs } from "fs";
import { checkBands, type BandInput } from "../engine/core/bandsInput";
import type { GradeBand } from "../engine/core/types";
import { systemReason } from "./systemErrors";

export const BANDS_OPTION = "--bands";
/** A bands file is a few lines; anything larger is not one. */
const MAX_BYTES = 1024 * 1024;

export interface BandsFile {
  /** The bands of every unit outside the file's blocks; absent when the file gives only blocks. */
  bands?: GradeBand[];
  blockBands: Record<string, GradeBand[]>;
}

const NUM = String.raw`\d+(?:[.,]\d+)?`;
/** NAME [: | ≥ | >= | = | từ] MIN [điểm|%] [– [<|dưới] MAX [điểm|%]] [trở lên] */
const LINE = new RegExp(
  String.raw`^(.+?)\s*(?::|≥|>=|=|\btừ\b|\s)\s*(?:từ\s*)?(${NUM})\s*(?:điểm|%)?\s*(?:(?:–|—|-|đến)\s*(?:<|dưới)?\s*(${NUM})\s*(?:điểm|%)?)?\s*(?:trở lên)?\s*$`,
  "iu",
);
const EXAMPLES = `"Tốt: 80", "Nhóm A ≥ 90" hoặc "Nhóm B 80 – < 90"`;

const setOwn = <T>(o: Record<string, T>, key: string, value: T) =>
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

type Parsed = BandsFile | { error: string };

function checked(file: string, block: string | null, inputs: BandInput[]): GradeBand[] | { error: string } {
  const result = checkBands(inputs);
  if (result.ok) return result.bands;
  return { error: `Tệp xếp loại ${file}${block === null ? "" : `, khối "${block}"`}: ${result.message}` };
}

/** The text form, line by line. */
export function parseBandsText(text: string, file: string): Parsed {
  const sections: Array<{ block: string | null; line: number; inputs: BandInput[] }> = [{ block: null, line: 0, inputs: [] }];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const where = `Tệp xếp loại ${file}, dòng ${i + 1}`;
    if (line === "" || line.startsWith("#")) continue;
    const section = /^\[(.*)\]$/.exec(line);
    if (section) {
      const block = section[1].replace(/\s+/g, " ").trim();
      if (block === "") return { error: `${where}: tên khối trong [ ] đang để trống.` };
      if (sections.some((s) => s.block === block)) return { error: `${where}: khối "${block}" đã có ở trên.` };
      sections.push({ block, line: i + 1, inputs: [] });
      continue;
    }
    const m = LINE.exec(line);
    const name = m?.[1].replace(/[\s:≥>=–—-]+$/u, "").trim() ?? "";
    if (!m || !/\p{L}/u.test(name)) return { error: `${where}: "${line}" cần dạng TÊN LOẠI và NGƯỠNG, ví dụ ${EXAMPLES}.` };
    const toNumber = (s: string) => Number(s.replace(",", "."));
    if (m[3] !== undefined && !(toNumber(m[3]) > toNumber(m[2]))) {
      return { error: `${where}: trong "${line}" cận trên ${m[3]} phải lớn hơn ngưỡng ${m[2]}.` };
    }
    sections[sections.length - 1].inputs.push({ name, min: m[2] });
  }
  const out: BandsFile = { blockBands: {} };
  for (const s of sections) {
    if (s.block === null && s.inputs.length === 0) continue;
    if (s.inputs.length === 0) return { error: `Tệp xếp loại ${file}, dòng ${s.line}: khối "${s.block}" chưa có mức xếp loại nào.` };
    const bands = checked(file, s.block, s.inputs);
    if ("error" in bands) return bands;
    if (s.block === null) out.bands = bands;
    else setOwn(out.blockBands, s.block, bands);
  }
  if (out.bands === undefined && Object.keys(out.blockBands).length === 0) {
    return { error: `Tệp xếp loại ${file} không có mức xếp loại nào; mỗi dòng một mức, ví dụ ${EXAMPLES}.` };
  }
  return out;
}

function jsonBands(value: unknown, file: string, block: string | null): GradeBand[] | { error: string } {
  const where = `Tệp xếp loại ${file}${block === null ? "" : `, khối "${block}"`}`;
  if (!Array.isArray(value)) return { error: `${where}: cần một danh sách [{ "name": "Tốt", "min": 80 }, …].` };
  const inputs: BandInput[] = [];
  for (const b of value) {
    const ok = typeof b === "object" && b !== null && typeof b.name === "string" && (typeof b.min === "number" || typeof b.min === "string");
    if (!ok) return { error: `${where}: mỗi mức cần dạng { "name": "Tốt", "min": 80 }.` };
    inputs.push({ name: b.name as string, min: String(b.min) });
  }
  return checked(file, block, inputs);
}

/** The JSON form. */
export function parseBandsJson(text: string, file: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: `Tệp xếp loại ${file} bắt đầu bằng "{" nhưng không phải JSON hợp lệ.` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { error: `Tệp xếp loại ${file}: cần dạng { "bands": [ … ], "blockBands": { … } }.` };
  const v = value as Record<string, unknown>;
  const out: BandsFile = { blockBands: {} };
  if (v.bands !== undefined) {
    const bands = jsonBands(v.bands, file, null);
    if ("error" in bands) return bands;
    out.bands = bands;
  }
  if (v.blockBands !== undefined) {
    if (typeof v.blockBands !== "object" || v.blockBands === null || Array.isArray(v.blockBands)) {
      return { error: `Tệp xếp loại ${file}: "blockBands" cần dạng { "Tên khối": [ … ] }.` };
    }
    for (const [block, list] of Object.entries(v.blockBands)) {
      const bands = jsonBands(list, file, block);
      if ("error" in bands) return bands;
      setOwn(out.blockBands, block, bands);
    }
  }
  if (out.bands === undefined && Object.keys(out.blockBands).length === 0) {
    return { error: `Tệp xếp loại ${file} không có "bands" hay "blockBands".` };
  }
  return out;
}

/** Reads and checks the file; a Vietnamese error when it cannot be used. */
export async function loadBandsFile(file: string): Promise<Parsed> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { error: `Không đọc được tệp xếp loại ${file}: không phải tệp thông thường.` };
    if (stat.size > MAX_BYTES) return { error: `Tệp xếp loại ${file} quá lớn (hơn 1 MB); tệp này chỉ cần vài dòng.` };
    bytes = await fs.readFile(file);
  } catch (err) {
    return { error: `Không đọc được tệp xếp loại ${file}: ${systemReason(err)}.` };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { error: `Tệp xếp loại ${file} không phải văn bản UTF-8; hãy lưu lại với mã hóa UTF-8.` };
  }
  return text.trimStart().startsWith("{") ? parseBandsJson(text, file) : parseBandsText(text, file);
}
