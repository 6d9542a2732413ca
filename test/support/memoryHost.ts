// A PaneHost over plain grids, for the controllers' tests: no Office, every call recorded.
import type { CellValue, EngineSettings, Grid } from "../../src/engine/core/types";
import type { PlanMarker, SheetPlan } from "../../src/engine/plans/plan";
import { resolveSheetName } from "../../src/engine/plans/sheetNames";
import { judgeGenerated, type KeptSheet } from "../../src/engine/plans/generatedFingerprint";
import { parseA1 } from "../../src/engine/core/address";
import type { CellWrite, WorkbookSnapshot } from "../../src/host/port";
import type { CellRef, PaneHost } from "../../src/taskpane/paneHost";

export class MemoryHost implements PaneHost {
  sheets: Grid[];
  active: string | null;
  generated: Partial<Record<PlanMarker, string>> = {};
  /**
   * What each generated sheet held when written, by marker: the adapters' fingerprint rule over
   * this host's values (a sheet edited since, or marked without a record, is kept, never replaced).
   */
  fingerprints: Partial<Record<PlanMarker, string>> = {};
  written: Array<{ plan: SheetPlan; name: string }> = [];
  cellWrites: CellWrite[] = [];
  highlighted: CellRef[] = [];
  selected: CellRef[] = [];
  settings: Partial<EngineSettings> = {};
  reads = 0;

  constructor(sheets: Grid[], active?: string) {
    this.sheets = sheets.map((g) => ({ ...g, values: g.values.map((r) => [...r]) }));
    this.active = active ?? sheets[0]?.name ?? null;
  }

  async read(): Promise<WorkbookSnapshot> {
    this.reads++;
    return {
      sheets: this.sheets.map((g) => ({ ...g, values: g.values.map((r) => [...r]) })),
      generated: { ...this.generated },
      activeSheet: this.active,
    };
  }

  async writeSheets(plans: SheetPlan[], kept?: KeptSheet[]): Promise<string[]> {
    const names: string[] = [];
    for (const plan of plans) {
      const existing = this.sheets.map((s) => s.name);
      const marked = this.generated[plan.marker];
      const sheet = marked === undefined ? undefined : this.sheets.find((s) => s.name === marked);
      const verdict = sheet === undefined ? undefined : judgeGenerated(this.fingerprints[plan.marker], contentKey(sheet));
      const { name, replaces } = resolveSheetName(plan.name, existing, verdict === "replace" ? marked : undefined);
      if (marked !== undefined && verdict !== undefined && verdict !== "replace") kept?.push({ marker: plan.marker, sheet: marked, replacement: name, reason: verdict });
      if (replaces) this.sheets = this.sheets.filter((s) => s.name !== replaces);
      const values: CellValue[][] = [];
      for (const c of plan.cells) {
        while (values.length <= c.row) values.push([]);
        values[c.row][c.col] = c.formula !== undefined ? (c.result ?? null) : (c.value ?? null);
      }
      const written = { name, values: values.map((r) => Array.from(r, (v) => v ?? null)) };
      this.sheets.push(written);
      this.generated[plan.marker] = name;
      this.fingerprints[plan.marker] = contentKey(written);
      this.written.push({ plan, name });
      names.push(name);
    }
    return names;
  }

  async writeCells(cells: CellWrite[]): Promise<void> {
    for (const c of cells) {
      this.cellWrites.push(c);
      const grid = this.sheets.find((s) => s.name === c.sheet)!;
      const { row, col } = parseA1(c.address)!;
      while (grid.values.length <= row) grid.values.push([]);
      grid.values[row][col] = c.formula ?? c.value ?? null;
    }
  }

  async highlight(cells: CellRef[], scope?: string[]): Promise<number> {
    const kept = scope === undefined ? [] : this.highlighted.filter((c) => !scope.includes(c.sheet));
    this.highlighted = [...kept, ...cells];
    return this.highlighted.length;
  }

  async clearHighlights(): Promise<number> {
    const n = this.highlighted.length;
    this.highlighted = [];
    return n;
  }

  highlightCount(): number {
    return this.highlighted.length;
  }

  async select(cell: CellRef): Promise<void> {
    this.selected.push(cell);
  }

  loadSettings(): Partial<EngineSettings> {
    return JSON.parse(JSON.stringify(this.settings));
  }

  async saveSettings(settings: Partial<EngineSettings>): Promise<void> {
    this.settings = JSON.parse(JSON.stringify(settings));
  }
}

/** A sheet's values as one string, in the fingerprint's versioned form ("v1:…"). */
function contentKey(sheet: Grid): string {
  return `v1:${JSON.stringify(sheet.values)}`;
}
