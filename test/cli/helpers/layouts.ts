// Scoring-sheet layouts the command line must read, built from the seed's grids.
import type { CellValue, Grid } from "../../../src/engine/core/types";
import { districtGrid } from "../../fixtures/seed";

/** The district sheet with criterion `code` not applicable (KPS) and parents left blank. */
export function kpsGrid(code: string, name = "KPS"): Grid {
  const grid = districtGrid({ blankParents: true }, name);
  const row = grid.values.find((r) => r[0] === code);
  if (!row) throw new Error(`no criterion ${code}`);
  row[3] = "KPS";
  row[4] = "không phát sinh";
  return grid;
}

/**
 * A scoring sheet of about `areas × perArea` rows: every area has `perArea - 1` criteria of
 * 1 point; criterion k.1 of every area lost 0.5 (appraised), blamed on "Phòng k".
 */
export function bigGrid(areas: number, perArea: number, name = "Lớn"): Grid {
  const rows: CellValue[][] = [
    ["BẢNG ĐIỂM LỚN", null, null, null, null, null, null],
    ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Nguyên nhân", "Trách nhiệm thuộc về"],
  ];
  for (let a = 1; a <= areas; a++) {
    const n = perArea - 1;
    rows.push([String(a), `Lĩnh vực ${a}`, n, n, n - 0.5, null, null]);
    for (let k = 1; k <= n; k++) {
      const lost = k === 1;
      rows.push([
        `${a}.${k}`,
        `Tiêu chí ${a}.${k}`,
        1,
        1,
        lost ? 0.5 : 1,
        lost ? "Chưa hoàn thành đúng hạn" : null,
        lost ? `Phòng ${a}` : null,
      ]);
    }
  }
  return { name, values: rows };
}

/** The seed's misprint: area 6 typed as 10 while its sub-criteria add up to 11.09. */
export function misprintGrid(name = "Báo cáo in sai"): Grid {
  return districtGrid({ typedAreas: { "6": 10 } }, name);
}
