// LibreOffice Calc as an independent calculator of the sheets the project writes: every cached
// formula value of the planned sheets is replaced by a wrong one, LibreOffice recalculates on
// load (a fresh profile that always recalculates .xlsx) and saves a copy; each formula cell must
// then hold the engine's value (test/cli/libreoffice.test.ts uses its profile too).
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { promisify } from "util";
import { Workbook } from "exceljs";
import type { SheetPlan } from "../../src/engine/plans/plan";
import { cellValueOf } from "../../src/host/file/read/xlsxCells";
import { SOFFICE } from "./libreoffice";

const WRONG_NUMBER = -12345;
const WRONG_TEXT = "SAI";

/** A fresh LibreOffice profile that recalculates every .xlsx on load. */
export async function recalcProfile(dir: string): Promise<string> {
  const user = path.join(dir, "profile", "user");
  await fs.mkdir(user, { recursive: true });
  await fs.writeFile(
    path.join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return "file://" + path.join(dir, "profile");
}

async function readWorkbook(file: string): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/**
 * The formula cells of `plans` (written in `file` under their names) whose value after
 * LibreOffice's recalculation differs from the engine's, and how many were checked. `work` is a
 * folder of the caller's for the tampered copy, the profile and LibreOffice's output.
 */
export async function recalculatedPlans(file: string, plans: readonly SheetPlan[], work: string): Promise<{ mismatches: string[]; checked: number }> {
  const tampered = await readWorkbook(file);
  for (const plan of plans) {
    const ws = tampered.getWorksheet(plan.name);
    if (!ws) throw new Error(`no sheet "${plan.name}" in ${file}`);
    for (const pc of plan.cells) {
      if (pc.formula === undefined) continue;
      const wrong = typeof pc.result === "string" ? WRONG_TEXT : WRONG_NUMBER;
      ws.getCell(pc.row + 1, pc.col + 1).value = { formula: pc.formula.replace(/^=/, ""), result: wrong };
    }
  }
  const source = path.join(work, "in", "sai-gia-tri.xlsx");
  await fs.mkdir(path.dirname(source), { recursive: true });
  await tampered.xlsx.writeFile(source);
  const converted = path.join(work, "lo");
  const profile = await recalcProfile(path.join(work, "p"));
  await promisify(execFile)(
    SOFFICE,
    [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", converted, source],
    { timeout: 150_000 },
  );
  const recalc = await readWorkbook(path.join(converted, "sai-gia-tri.xlsx"));
  let checked = 0;
  const mismatches: string[] = [];
  for (const plan of plans) {
    const ws = recalc.getWorksheet(plan.name);
    if (!ws) {
      mismatches.push(`${plan.name}: missing after LibreOffice`);
      continue;
    }
    for (const pc of plan.cells) {
      if (pc.formula === undefined || pc.result === undefined) continue;
      const cell = ws.getCell(pc.row + 1, pc.col + 1);
      const got = cellValueOf(cell);
      checked++;
      const ok = typeof pc.result === "number" ? typeof got === "number" && Math.abs(got - pc.result) <= 1e-9 : (got ?? "") === pc.result;
      if (!ok) mismatches.push(`${plan.name}!${cell.address} ${pc.formula}: LibreOffice ${JSON.stringify(got)}, engine ${JSON.stringify(pc.result)}`);
    }
  }
  return { mismatches, checked };
}
