// The task pane's wiring: the four commands and "Xóa đánh dấu" over a PaneHost, their results
// drawn into the page's regions. Knows nothing of Office: taskpane.ts gives it the host.
import type { GradeBand } from "../engine/core/types";
import { analyzeWorkbook } from "../engine/analyze";
import type { PaneHost } from "./paneHost";
import { ChangedCellsError, approximatedFillsSentence, errorSentence, TEXT } from "./messages";
import { runValidation } from "./validateController";
import { applySubtotals, computeScores, describeOverwrite, type ScoreResult } from "./computeController";
import { generateExplanation, generateReport, generateWordDraft } from "./reportController";
import { readSecondWorkbook } from "./secondWorkbook";
import type { SaveFile } from "./reportFile";
import { currentSettings, saveSettings } from "./settingsController";
import { findingsView } from "./findingsView";
import { scoresView } from "./scoresView";
import { confirmView } from "./confirmView";
import { reportView, wordDraftView } from "./reportView";
import type { SettingsForm } from "./settingsForm";
import { clear, el } from "./dom";
import type { Progress } from "./progress";
import { scoringSheets, userGrids } from "./workbookScope";

export interface PaneDeps {
  /** Hands the grade bands to the custom functions (setFunctionBands in the add-in). */
  applyBands: (bands: GradeBand[]) => void;
  now?: () => Date;
  /** Saves a file for the clerk where the host allows it (Office on the web); see reportFile.ts. */
  saveFile?: SaveFile;
}

function byId<T extends HTMLElement>(doc: Document, id: string): T {
  const node = doc.getElementById(id);
  if (!node) throw new Error(`taskpane.html lacks #${id}`);
  return node as T;
}

/**
 * The pane opened outside Excel (in a browser, or in another Office application): it says so, ends
 * the "Đang mở…" status and disables every control, since none of them can work there.
 */
export function showOutsideExcel(doc: Document): void {
  byId(doc, "status-text").textContent = TEXT.outsideExcelStatus;
  const errorBox = byId(doc, "error");
  errorBox.textContent = TEXT.outsideExcel;
  errorBox.hidden = false;
  for (const control of doc.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>("#app button, #app input, #app select")) {
    control.disabled = true;
  }
}

export class PaneApp {
  private readonly results: HTMLElement;
  private readonly statusText: HTMLElement;
  private readonly progressBar: HTMLProgressElement;
  private readonly errorBox: HTMLElement;
  private readonly sheetSelect: HTMLSelectElement;
  private readonly commands: HTMLButtonElement[];
  private busy = false;
  /** Whether the clerk chose the scoring sheet (in the list, or by computing one): the Word draft's section I. */
  private sheetPicked = false;

  constructor(
    private readonly doc: Document,
    private readonly host: PaneHost,
    private readonly deps: PaneDeps,
  ) {
    this.results = byId(doc, "results");
    this.statusText = byId(doc, "status-text");
    this.progressBar = byId(doc, "progress");
    this.errorBox = byId(doc, "error");
    this.sheetSelect = byId(doc, "opt-sheet");
    this.commands = ["cmd-validate", "cmd-compute", "cmd-report", "cmd-settings", "cmd-clear"].map((id) => byId<HTMLButtonElement>(doc, id));
    this.sheetSelect.addEventListener("change", () => (this.sheetPicked = true));
    byId(doc, "cmd-validate").addEventListener("click", () => void this.validate());
    byId(doc, "cmd-compute").addEventListener("click", () => void this.compute());
    byId(doc, "cmd-report").addEventListener("click", () => void this.report());
    byId(doc, "cmd-settings").addEventListener("click", () => void this.settings());
    byId(doc, "cmd-clear").addEventListener("click", () => void this.clearHighlights());
  }

  /** Loads the saved settings (bands go to the custom functions) and lists the scoring sheets. */
  async start(): Promise<void> {
    await this.command(async () => {
      this.deps.applyBands(currentSettings(this.host).bands);
      const snapshot = await this.host.read();
      const names = scoringSheets(analyzeWorkbook(userGrids(snapshot), this.host.loadSettings())).map((s) => s.sheet);
      this.fillSheetChoice(names, snapshot.activeSheet);
      this.updateClearButton();
      this.status(names.length > 0 ? `Tìm thấy ${names.length} bảng điểm. Hãy chọn một lệnh.` : TEXT.noScoringSheet, null);
      // What the reader could not do here (merged cells in an older Excel), said once at start.
      if (snapshot.notices && snapshot.notices.length > 0) this.showError(snapshot.notices.join(" "));
    });
  }

  private fillSheetChoice(names: string[], preferred: string | null): void {
    const current = this.sheetSelect.value || preferred;
    clear(this.sheetSelect);
    for (const name of names) this.sheetSelect.appendChild(el(this.doc, "option", { text: name, attrs: { value: name } }));
    if (current && names.includes(current)) this.sheetSelect.value = current;
    this.sheetSelect.disabled = names.length === 0;
  }

  private chosenSheet(): string | undefined {
    return this.sheetSelect.value || undefined;
  }

  private updateClearButton(): void {
    const count = this.host.highlightCount();
    const clearButton = byId<HTMLButtonElement>(this.doc, "cmd-clear");
    clearButton.textContent = count > 0 ? `Xóa đánh dấu (${count} ô)` : "Xóa đánh dấu";
  }

  private status(message: string, fraction: number | null): void {
    this.statusText.textContent = message;
    if (fraction === null) {
      this.progressBar.hidden = true;
    } else {
      this.progressBar.hidden = false;
      this.progressBar.value = fraction;
    }
  }

  private readonly progress: Progress = (message, fraction) => this.status(message, fraction < 1 ? fraction : null);

  /** Runs one command: buttons disabled meanwhile, any error shown as a Vietnamese sentence. */
  private async command(work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.errorBox.hidden = true;
    this.errorBox.textContent = "";
    for (const b of this.commands) b.disabled = true;
    this.doc.body.setAttribute("aria-busy", "true");
    try {
      await work();
    } catch (err) {
      this.status("", null);
      this.showError(errorSentence(err));
    } finally {
      for (const b of this.commands) b.disabled = false;
      this.doc.body.removeAttribute("aria-busy");
      this.busy = false;
    }
  }

  private showError(sentence: string): void {
    this.errorBox.textContent = sentence;
    this.errorBox.hidden = false;
  }

  private show(node: HTMLElement): void {
    clear(this.results);
    this.results.appendChild(node);
  }

  async validate(): Promise<void> {
    await this.command(async () => {
      const scope = (this.doc.querySelector<HTMLInputElement>('input[name="scope"]:checked')?.value ?? "all") as "all" | "active";
      const highlight = byId<HTMLInputElement>(this.doc, "opt-highlight").checked;
      const report = await runValidation(this.host, { scope, highlight, progress: this.progress });
      // A new check: "Xóa đánh dấu" asks afresh before forgetting cells on sheets not found.
      this.missingReported = false;
      this.show(findingsView(this.doc, report, (f) => void this.selectCell(f.sheet, f.cell)));
      this.updateClearButton();
      // Highlights no longer needed were given back; a gradient only as its solid colour.
      const approximated = highlight ? (this.host.approximatedFills?.() ?? []) : [];
      const note = approximated.length > 0 ? ` ${approximatedFillsSentence(approximated)}` : "";
      this.status(`Kiểm tra xong: ${report.errors} lỗi, ${report.warnings} cảnh báo.${note}`, null);
      if (report.highlightError !== undefined) this.showError(report.highlightError);
    });
  }

  private async selectCell(sheet: string, address: string): Promise<void> {
    try {
      await this.host.select({ sheet, address });
      this.status(`Đã chọn ô ${address} của sheet "${sheet}".`, null);
    } catch (err) {
      this.errorBox.textContent = errorSentence(err);
      this.errorBox.hidden = false;
    }
  }

  /** Set when "Xóa đánh dấu" left highlights on sheets not found: the next click forgets them. */
  private missingReported = false;

  async clearHighlights(): Promise<void> {
    await this.command(async () => {
      const forget = this.missingReported;
      const before = this.host.highlightCount();
      const restored = await this.host.clearHighlights(forget);
      this.updateClearButton();
      const approximated = this.host.approximatedFills?.() ?? [];
      const done =
        (restored > 0 ? `Đã trả lại màu cũ cho ${restored} ô.` : "Không có ô nào cần trả lại màu cũ.") +
        (approximated.length > 0 ? ` ${approximatedFillsSentence(approximated)}` : "");
      const left = this.host.highlightCount();
      this.missingReported = left > 0;
      if (left === 0) {
        this.status(forget && before > restored ? `${done} Đã bỏ ghi nhớ các ô thuộc sheet không còn tìm thấy.` : done, null);
        return;
      }
      const sheets = (this.host.highlightedSheets?.() ?? []).map((n) => `"${n}"`).join(", ");
      this.status(done, null);
      this.showError(
        `Còn ${left} ô đã tô màu thuộc sheet không tìm thấy${sheets ? ` (${sheets})` : ""}: có thể sheet đã được đổi tên hoặc bị xóa. ` +
          "Nếu đã đổi tên, hãy đặt lại tên cũ rồi bấm \"Xóa đánh dấu\" lần nữa; nếu không cần nữa, bấm \"Xóa đánh dấu\" lần nữa để bỏ ghi nhớ các ô này.",
      );
    });
  }

  async compute(): Promise<void> {
    await this.command(async () => {
      const result = await computeScores(this.host, { sheet: this.chosenSheet(), progress: this.progress });
      this.fillSheetChoice(result.scoringSheets, result.sheet);
      this.sheetSelect.value = result.sheet;
      this.sheetPicked = true;
      this.showScores(result);
      this.status(`Đã tính điểm sheet "${result.sheet}".`, null);
    });
  }

  /** The result the pane shows now: an open question is about this one only. */
  private shownScores: ScoreResult | null = null;

  private showScores(result: ScoreResult): void {
    this.shownScores = result;
    this.show(scoresView(this.doc, result, {
      onFillEmpty: () => void this.fillSubtotals(result, false),
      onAskOverwrite: () => this.askOverwrite(result),
    }));
    // Last year's comparison and the appraisal round come from a chunk; the scores are shown meanwhile.
    const details = this.doc.getElementById("scores-details");
    if (details) {
      import(/* webpackChunkName: "scores-details" */ "./scoresDetails").then(
        (m) => m.fillDetails(this.doc, details, result),
        () => details.remove(),
      );
    }
  }

  /**
   * The in-pane question before overwriting: one at a time (an open one is replaced), its
   * trigger disabled while it is open, focus back on the trigger when cancelled.
   */
  private askOverwrite(result: ScoreResult): void {
    if (this.busy || this.shownScores !== result) return;
    const trigger = this.doc.getElementById("ask-overwrite") as HTMLButtonElement | null;
    this.doc.getElementById("confirm")?.remove();
    const { empty, filled } = result.offer;
    const close = () => {
      box.remove();
      if (trigger) trigger.disabled = false;
    };
    const box = confirmView(this.doc, {
      title: `Ghi đè ${filled.length} ô đã có số bằng công thức SUM?`,
      items: filled.map(describeOverwrite),
      confirmLabel: `Ghi đè ${filled.length} ô${empty.length > 0 ? ` và điền ${empty.length} ô trống` : ""}`,
      cancelLabel: "Không ghi đè",
      onConfirm: () => {
        // Another command is running: the question stays until it is done.
        if (this.busy) return;
        close();
        if (this.shownScores !== result) return;
        void this.fillSubtotals(result, true);
      },
      onCancel: () => {
        close();
        this.status("Đã hủy: không ô nào bị ghi đè.", null);
        if (trigger?.isConnected) trigger.focus();
      },
    });
    if (trigger) trigger.disabled = true;
    byId(this.doc, "subtotal-offer").appendChild(box);
  }

  /** After the results were drawn again, focus goes to the offer's first button, else to the results. */
  private refocus(): void {
    const active = this.doc.activeElement;
    if (active && active !== this.doc.body && active.isConnected) return;
    const next = this.doc.getElementById("fill-empty") ?? this.doc.getElementById("ask-overwrite") ?? this.results;
    next.focus();
  }

  private async fillSubtotals(result: ScoreResult, overwrite: boolean): Promise<void> {
    await this.command(async () => {
      let written: number;
      try {
        written = await applySubtotals(this.host, result.offer, overwrite, this.progress);
      } catch (err) {
        if (!(err instanceof ChangedCellsError)) throw err;
        // Cells changed since Tính điểm read them: nothing was written. Compute again so the
        // offer (and any overwrite question) is about what the sheet holds now.
        const fresh = await computeScores(this.host, { sheet: result.sheet, progress: this.progress });
        this.showScores(fresh);
        const cells = err.cells.slice(0, 8).map((c) => c.address).join(", ") + (err.cells.length > 8 ? ", …" : "");
        this.status(`Đã tính điểm lại sheet "${fresh.sheet}" theo số liệu mới.`, null);
        this.showError(
          `Chưa ghi công thức nào: ${err.cells.length} ô đã thay đổi kể từ lúc tính điểm (${cells}). ` +
            "Điểm và danh sách ô ở dưới đã được tính lại theo số liệu mới; hãy xem lại rồi chọn lại.",
        );
        return;
      }
      // Filled cells are no longer offered; the figures do not change (the formulas sum the same leaves).
      const offer = overwrite ? { ...result.offer, empty: [], filled: [] } : { ...result.offer, empty: [] };
      this.showScores({ ...result, offer });
      this.status(`Đã điền công thức SUM vào ${written} ô của sheet "${result.sheet}".`, null);
    });
    this.refocus();
  }

  async report(): Promise<void> {
    await this.command(async () => {
      const result = await generateReport(this.host, { sheet: this.chosenSheet(), date: this.deps.now?.(), progress: this.progress });
      this.show(reportView(this.doc, result, (second) => void this.wordDraft(second), () => void this.explanation()));
      this.status(`Đã tạo ${result.written.length} sheet báo cáo.`, null);
    });
  }

  /** The request for explanation of the chosen scoring sheet, as the sheet "Yêu cầu giải trình". */
  async explanation(): Promise<void> {
    await this.command(async () => {
      const result = await generateExplanation(this.host, { sheet: this.chosenSheet(), date: this.deps.now?.(), progress: this.progress });
      this.show(reportView(this.doc, result));
      this.status(`Đã tạo sheet "${result.written[0].name}".`, null);
    });
  }

  /** The Word draft of this workbook, with the second file chosen beside the button read as part of it. */
  async wordDraft(secondFile: File | null = null): Promise<void> {
    await this.command(async () => {
      const second = secondFile ? await readSecondWorkbook(secondFile) : null;
      // Section I is the sheet the clerk picked; otherwise the draft finds the issuer's own (none among communes' sheets).
      const sheet = this.sheetPicked ? this.chosenSheet() : undefined;
      const result = await generateWordDraft(this.host, { sheet, second, saveFile: this.deps.saveFile, progress: this.progress });
      this.show(wordDraftView(this.doc, result));
      this.status(result.kind === "file" ? `Đã tải bản thảo báo cáo "${result.fileName}".` : `Đã ghi bản thảo vào sheet "${result.written}".`, null);
    });
  }

  async settings(): Promise<void> {
    await this.command(async () => {
      const snapshot = await this.host.read();
      const grids = userGrids(snapshot);
      const settings = currentSettings(this.host);
      // The form is a chunk of its own: the pane's start stays small.
      const { settingsView } = await import(/* webpackChunkName: "settings-form" */ "./settingsView");
      const data = { grids, analysis: analyzeWorkbook(grids, settings) };
      this.show(settingsView(this.doc, settings, data, (form) => void this.saveSettingsForm(form)));
      this.status("Sửa cài đặt rồi bấm \"Lưu cài đặt\".", null);
      byId(this.doc, "band-name-0").focus();
    });
  }

  private async saveSettingsForm(form: SettingsForm): Promise<void> {
    await this.command(async () => {
      const { settingsFromForm } = await import(/* webpackChunkName: "settings-form" */ "./settingsForm");
      const grids = userGrids(await this.host.read());
      const next = settingsFromForm(currentSettings(this.host), form, grids);
      await saveSettings(this.host, next, this.deps.applyBands);
      this.status(TEXT.settingsSaved, null);
    });
  }
}
