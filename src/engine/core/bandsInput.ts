// Grade bands as a person types them (a name and a threshold "89,5"), checked: the one validation
// the pane's Cài đặt form and `cchc --bands` share, with the same Vietnamese messages.
import { sortBands } from "./grades";
import { parseNumber } from "./numbers";
import type { GradeBand } from "./types";

export interface BandInput {
  name: string;
  /** As typed: "90", "89,5". */
  min: string;
}

export type BandsCheck = { ok: true; bands: GradeBand[] } | { ok: false; message: string };

/** Bands sorted highest first, or the Vietnamese message naming the first bad line. Blank lines are skipped. */
export function checkBands(inputs: readonly BandInput[]): BandsCheck {
  const bands: GradeBand[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    const name = input.name.trim();
    const minText = input.min.trim();
    if (name === "" && minText === "") continue;
    if (name === "") return { ok: false, message: `Dòng xếp loại thứ ${i + 1}: hãy nhập tên loại (ví dụ "Tốt").` };
    const parsed = parseNumber(minText);
    if (parsed.kind !== "number" || parsed.value < 0 || parsed.value > 100) {
      return { ok: false, message: `Xếp loại "${name}": ngưỡng "${input.min}" phải là một số từ 0 đến 100 (ví dụ 80 hoặc 89,5).` };
    }
    bands.push({ name, min: parsed.value });
  }
  if (bands.length === 0) return { ok: false, message: "Hãy nhập ít nhất một loại xếp loại với ngưỡng điểm." };
  const mins = new Set<number>();
  for (const b of bands) {
    if (mins.has(b.min)) return { ok: false, message: `Có hai loại cùng ngưỡng ${b.min}; mỗi loại cần một ngưỡng riêng.` };
    mins.add(b.min);
  }
  return { ok: true, bands: sortBands(bands) };
}
