// The standalone page: open an .xlsx (from disk or the bundled sample), see each sheet with its
// findings, generate the summary sheets and download the workbook. Everything runs in the
// browser through the same engine and package writer as the command line: the download is the
// opened file plus the new sheets.
import { keptSheetMessage, type KeptSheet } from "../engine/plans/generatedFingerprint";
import { buildReportPlans } from "../engine/plans/reportPlans";
import { buildExplanationPlan } from "../engine/plans/explanationPlan";
import type { SheetPlan } from "../engine/plans/plan";
import { draftCharts } from "../engine/plans/draftCharts";
import { draftErrorNotice, draftReport, PLACEHOLDER_HINT } from "../engine/reportDraft";
import type { EngineSettings, Finding, Grid, HeaderInfo, SheetResult, WorkbookAnalysis } from "../engine/core/types";
import { analyzeWorkbook } from "../engine/analyze";
import { compareWithPrevious } from "../engine/compare/previousYear";
import { combineWorkbooks } from "../host/file/combineWorkbooks";
import { mergeRanges, numberFormatLookup } from "../host/file/read/readSnapshot";
import {
  defaultScoringSheet,
  generatedNames,
  openXlsx,
  PREVIOUS_SHEET_REASON,
  settingsSummary,
  TEMPLATE_SHEET_REASON,
  type OpenedWorkbook,
} from "../host/file/xlsxAnalysis";
import { byId, clear, el } from "./dom";
import { draftSourceText } from "../report/draftSource";
import { offerDownload, reportFileName, resultFileName, WORKBOOK_FILE } from "../report/download";
import { renderGrid, type SheetLayout } from "./gridView";
import { renderFindings, renderSheetInfo } from "./sheetInfoView";
import { renderMapPanel } from "./columnMapPanel";
import { installStyles } from "./styles";
import { applyPageTemplate, readTemplateFile, templateNotes, templateSentence, withoutSavedTemplate, type PageTemplate } from "./templateFile";

/** The bundled sample (assets/ is copied next to the page by webpack). */
export const SAMPLE_URL = "assets/mau-chi-so-cchc.xlsx";
export const SAMPLE_NAME = "mau-chi-so-cchc.xlsx";

interface PageState {
  fileName: string;
  /** The workbook's bytes as now shown (the opened file, or the result after "Tạo"): read again with a map. */
  bytes: ArrayBuffer | Uint8Array;
  opened: OpenedWorkbook;
  /** The analysis as opened, before any comparison with last year's file or the criteria set. */
  ownAnalysis: WorkbookAnalysis;
  /** Every sheet now in the workbook (the user's and the generated ones). */
  grids: Grid[];
  generated: Set<string>;
  selected: string;
  /** Whether the clerk clicked the selected sheet's tab: only then is it the Word draft's section I. */
  picked: boolean;
}

let state: PageState | null = null;

/** Column maps made on this page for the open file ("Khai báo cột"), kept for this session only. */
let sessionMaps: Record<string, HeaderInfo> = {};

/** The settings the page reads with: only the session's maps (none: the file's own). */
const sessionSettings = (): Partial<EngineSettings> | undefined => (Object.keys(sessionMaps).length > 0 ? { columnMaps: sessionMaps } : undefined);

/** A second workbook for the Word draft ("Thêm tệp thứ hai"), read as part of the open one: the communes' ranking. */
let reportSecond: { fileName: string; opened: OpenedWorkbook } | null = null;

/** Last year's workbook, chosen with "Tệp năm trước": each scoring sheet is compared with it. */
let previous: { fileName: string; analysis: WorkbookAnalysis } | null = null;

/** The official criteria set, chosen with "Bộ tiêu chí mẫu": every scoring sheet is compared with it. */
let pageTemplate: PageTemplate | null = null;

/**
 * The opened workbook compared with last year's file, then with the criteria set, where chosen.
 * `previous`: what did not match last year's; `template`: what the criteria set found.
 */
function applyComparisons(current: PageState): { previous: string[]; template: string[] } {
  const saved = current.opened.settings.templateSheet;
  const replacesSaved = pageTemplate !== null && !!saved && current.opened.userSheets.some((g) => g.name === saved);
  let analysis = replacesSaved ? withoutSavedTemplate(current.opened.userSheets, current.opened.settings) : current.ownAnalysis;
  const said = { previous: [] as string[], template: [] as string[] };
  if (previous) {
    const compared = compareWithPrevious(analysis, previous.analysis, previous.fileName);
    analysis = compared.analysis;
    said.previous = compared.messages;
  }
  if (pageTemplate) {
    analysis = applyPageTemplate(analysis, pageTemplate);
    said.template.push(templateSentence(analysis, pageTemplate));
    if (replacesSaved) said.template.push(`Bộ tiêu chí mẫu ${pageTemplate.fileName} được dùng thay cho sheet "${saved}" chọn trong Cài đặt của bảng tính.`);
  }
  current.opened = { ...current.opened, analysis };
  return said;
}

/** What the comparisons said, as one list for the status line. */
function applyAll(current: PageState): string[] {
  const said = applyComparisons(current);
  return [...said.previous, ...said.template];
}

function setStatus(text: string, isError = false): void {
  const status = byId("status");
  status.textContent = text;
  status.classList.toggle("error", isError);
  status.setAttribute("role", isError ? "alert" : "status");
}

/** Lets the browser paint the status line before heavy work. */
const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function resultOf(name: string): SheetResult | undefined {
  return state?.opened.analysis.sheets.find((s) => s.sheet === name);
}

/** A sheet the saved settings keep out of the analysis (last year's, the criteria set), said as such. */
function setAsideResult(name: string): SheetResult | undefined {
  const settings = state?.opened.settings;
  if (!settings) return undefined;
  let reason: string | undefined;
  if (name === settings.previousSheet) reason = PREVIOUS_SHEET_REASON;
  else if (name === settings.templateSheet) {
    reason = pageTemplate ? `Bộ tiêu chí mẫu chọn trong Cài đặt; trên trang này các bảng điểm được đối chiếu với tệp ${pageTemplate.fileName} thay cho sheet này.` : TEMPLATE_SHEET_REASON;
  }
  return reason === undefined ? undefined : { kind: "other", sheet: name, reason, findings: [] };
}

function findingsOf(name: string): Finding[] {
  return resultOf(name)?.findings ?? [];
}

function renderTabs(): void {
  const nav = byId("sheet-tabs");
  clear(nav);
  if (!state) return;
  for (const grid of state.grids) {
    const findings = findingsOf(grid.name);
    const errors = findings.filter((f) => f.severity === "error").length;
    const tab = el("button", {
      text: grid.name,
      attrs: { type: "button", role: "tab", "data-sheet": grid.name, "aria-selected": String(grid.name === state.selected) },
    });
    if (state.generated.has(grid.name)) tab.appendChild(el("span", { className: "badge generated", text: "đã tạo" }));
    else if (errors > 0) tab.appendChild(el("span", { className: "badge error", text: `${errors} lỗi` }));
    else if (findings.length > 0) tab.appendChild(el("span", { className: "badge warning", text: `${findings.length} cảnh báo` }));
    tab.addEventListener("click", () => {
      if (state) state.picked = true;
      selectSheet(grid.name);
    });
    nav.appendChild(tab);
  }
}

function focusCell(address: string): void {
  const grid = byId("grid");
  for (const old of Array.from(grid.querySelectorAll("td.focus"))) old.classList.remove("focus");
  const td = grid.querySelector<HTMLElement>(`td[data-cell="${address}"]`);
  if (td) {
    td.classList.add("focus");
    td.scrollIntoView({ block: "center", inline: "center" });
  }
}

/** Merges and number formats of a sheet, as the reader read them, for display. */
function layoutOf(name: string): SheetLayout | undefined {
  const sheet = state?.opened.port.workbook.sheets.find((s) => s.name === name);
  if (!sheet) return undefined;
  return { merges: mergeRanges(sheet), formatOf: numberFormatLookup(sheet) };
}

function selectSheet(name: string): void {
  if (!state) return;
  state.selected = name;
  renderTabs();
  const grid = state.grids.find((g) => g.name === name);
  const findings = findingsOf(name);
  const info = byId("sheet-info");
  clear(info);
  info.appendChild(renderSheetInfo(resultOf(name) ?? setAsideResult(name), state.generated.has(name)));
  const list = byId("findings");
  clear(list);
  if (!state.generated.has(name)) list.appendChild(renderFindings(findings, focusCell));
  const view = byId("grid");
  clear(view);
  if (grid) view.appendChild(renderGrid(grid, findings, layoutOf(name)));
  // A sheet not recognised, shown: the column map offers that sheet.
  const mapSheet = document.getElementById("map-sheet") as HTMLSelectElement | null;
  if (mapSheet && mapSheet.value !== name && resultOf(name)?.kind === "other" && !state.generated.has(name)) renderMap(name);
}

/** The sheet shown first: the first visible scoring sheet, else the first sheet. */
function firstSheet(opened: OpenedWorkbook): string {
  return defaultScoringSheet(opened)?.sheet ?? opened.snapshot.sheets[0]?.name ?? "";
}

async function openBytes(bytes: ArrayBuffer, fileName: string): Promise<void> {
  setStatus(`Đang đọc ${fileName}…`);
  byId<HTMLButtonElement>("generate").disabled = true;
  byId<HTMLButtonElement>("generate-explanation").disabled = true;
  byId<HTMLButtonElement>("download-report").disabled = true;
  byId<HTMLAnchorElement>("download").hidden = true;
  byId<HTMLAnchorElement>("report-link").hidden = true;
  await nextFrame();
  sessionMaps = {};
  try {
    const opened = await openXlsx(bytes, sessionSettings());
    state = {
      fileName,
      bytes,
      opened,
      ownAnalysis: opened.analysis,
      grids: opened.snapshot.sheets,
      generated: generatedNames(opened.snapshot),
      selected: firstSheet(opened),
      picked: false,
    };
  } catch (err) {
    state = null;
    for (const id of ["sheet-tabs", "sheet-info", "findings", "grid", "map-panel"]) clear(byId(id));
    byId("map-panel").hidden = true;
    setStatus(`Không mở được ${fileName}: ${err instanceof Error ? err.message : String(err)}`, true);
    return;
  }
  // Counted after the comparisons: the criteria set's differences are errors like any other.
  const unmatched = applyAll(state);
  const sheets = state.opened.analysis.sheets;
  const errors = sheets.reduce((n, s) => n + s.findings.filter((f) => f.severity === "error").length, 0);
  const warnings = sheets.reduce((n, s) => n + s.findings.length, 0) - errors;
  const scoring = sheets.filter((s) => s.kind === "scoring").length;
  const units = sheets.filter((s) => s.kind === "units").length;
  setStatus(
    `Đã mở ${fileName}: ${state.grids.length} sheet (${scoring} bảng điểm, ${units} bảng đơn vị), ${errors} lỗi, ${warnings} cảnh báo.` +
      (unmatched.length > 0 ? ` ${unmatched.join(" ")}` : "") +
      (state.opened.converted ? ` Tệp .${state.opened.converted.format} được đọc được; bản tổng hợp tải về sẽ là tệp .xlsx mới.` : "") +
      // The settings the add-in saved in the workbook, as the pane uses them.
      [settingsSummary(state.opened, "khai báo trên trang này"), ...state.opened.settingsNotices].map((line) => (line ? ` ${line}` : "")).join(""),
  );
  refreshButtons();
  if (state.selected) selectSheet(state.selected);
  else renderTabs();
  renderMap(firstUnrecognised());
}

function refreshButtons(): void {
  const sheets = state?.opened.analysis.sheets ?? [];
  const scoring = sheets.filter((s) => s.kind === "scoring").length;
  const units = sheets.filter((s) => s.kind === "units").length;
  byId<HTMLButtonElement>("generate").disabled = scoring + units === 0;
  // Refused with its reason where the sheet has no appraisal: a scoring sheet is enough to ask.
  byId<HTMLButtonElement>("generate-explanation").disabled = scoring === 0;
  // A units table alone, or one in the second file, is enough for the draft.
  const second = reportSecond?.opened.analysis.sheets.filter((s) => s.kind === "scoring" || s.kind === "units").length ?? 0;
  byId<HTMLButtonElement>("download-report").disabled = !state || scoring + units + second === 0;
}

/** The first of the clerk's sheets read as neither kind: the one a map is most likely for. */
function firstUnrecognised(): string | undefined {
  return state?.opened.analysis.sheets.find((s) => s.kind === "other")?.sheet;
}

function renderMap(initialSheet: string | undefined): void {
  if (!state) return;
  renderMapPanel(byId("map-panel"), {
    grids: state.opened.userSheets,
    maps: sessionMaps,
    initialSheet,
    onApply: (sheet, map) => void reanalyse({ ...sessionMaps, [sheet]: map }, sheet),
    onClear: () => void reanalyse({}, undefined),
    onError: (message) => setStatus(message, true),
  });
}

/** What the engine now reads in a sheet, in one sentence. */
function sheetSentence(result: SheetResult | undefined, sheet: string): string {
  if (!result || result.kind === "other") return `Sheet "${sheet}" vẫn chưa đọc được: ${result?.reason ?? "không tìm thấy sheet."}`;
  const errors = result.findings.filter((f) => f.severity === "error").length;
  const counts = `${errors} lỗi, ${result.findings.length - errors} cảnh báo`;
  if (result.kind === "units") return `Sheet "${sheet}" được đọc là bảng tổng hợp đơn vị: ${result.ranking.length} đơn vị được xếp hạng, ${counts}.`;
  return `Sheet "${sheet}" được đọc là bảng chấm điểm: ${result.nodes.length} tiêu chí, ${counts}.`;
}

/** Reads the workbook again with the session's maps, so its figures are those the pane gives with the same map. */
async function reanalyse(maps: Record<string, HeaderInfo>, sheet: string | undefined): Promise<void> {
  if (!state) return;
  const current = state;
  setStatus("Đang đọc lại bảng tính theo khai báo cột…");
  await nextFrame();
  const before = sessionMaps;
  sessionMaps = maps;
  try {
    const opened = await openXlsx(current.bytes, sessionSettings());
    current.opened = opened;
    current.ownAnalysis = opened.analysis;
    current.grids = opened.snapshot.sheets;
    current.generated = generatedNames(opened.snapshot);
  } catch (err) {
    sessionMaps = before;
    setStatus(`Không đọc lại được bảng tính: ${err instanceof Error ? err.message : String(err)}`, true);
    return;
  }
  const unmatched = applyAll(current);
  refreshButtons();
  if (sheet !== undefined) current.selected = sheet;
  selectSheet(current.selected);
  renderMap(sheet ?? firstUnrecognised());
  const said = sheet !== undefined ? sheetSentence(resultOf(sheet), sheet) : "Đã bỏ mọi khai báo cột; các sheet được đọc theo tiêu đề của chúng.";
  const failed = sheet !== undefined && resultOf(sheet)?.kind !== "scoring" && resultOf(sheet)?.kind !== "units";
  setStatus([said, ...unmatched].join(" "), failed);
}

async function openFile(file: File): Promise<void> {
  if (!WORKBOOK_FILE.test(file.name)) {
    setStatus(`"${file.name}" không phải bảng tính .xlsx, .xlsm, .xls hay .ods. Hãy lưu bảng tính dạng Excel Workbook (.xlsx) rồi mở lại.`, true);
    return;
  }
  await openBytes(await file.arrayBuffer(), file.name);
}

/** "Tệp năm trước": read, kept, and compared with the open workbook; a bad file is named and changes nothing. */
async function openPrevious(file: File): Promise<void> {
  if (!WORKBOOK_FILE.test(file.name)) {
    setStatus(`Tệp năm trước "${file.name}" không phải bảng tính .xlsx, .xlsm, .xls hay .ods.`, true);
    return;
  }
  setStatus(`Đang đọc tệp năm trước ${file.name}…`);
  await nextFrame();
  let analysis: WorkbookAnalysis;
  try {
    analysis = (await openXlsx(await file.arrayBuffer())).analysis;
  } catch (err) {
    setStatus(`Không mở được tệp năm trước ${file.name}: ${err instanceof Error ? err.message : String(err)}`, true);
    return;
  }
  if (!analysis.sheets.some((s) => s.kind === "scoring")) {
    setStatus(`Tệp năm trước ${file.name} không có bảng chấm điểm nào để so sánh.`, true);
    return;
  }
  previous = { fileName: file.name, analysis };
  if (!state) {
    setStatus(`Đã chọn tệp năm trước ${file.name}; hãy mở bảng tính năm nay.`);
    return;
  }
  const messages = applyComparisons(state).previous;
  const compared = state.opened.analysis.sheets.filter((s) => s.kind === "scoring" && s.comparison).length;
  setStatus(`Đã so sánh ${compared} bảng điểm với tệp năm trước ${file.name}.${messages.length > 0 ? ` ${messages.join(" ")}` : ""}`, compared === 0);
  selectSheet(state.selected);
}

/** "Bộ tiêu chí mẫu": read, kept, and compared with the open workbook; a bad file is named and changes nothing. */
async function openTemplate(file: File): Promise<void> {
  if (!WORKBOOK_FILE.test(file.name)) {
    setStatus(`Tệp bộ tiêu chí mẫu "${file.name}" không phải bảng tính .xlsx, .xlsm, .xls hay .ods.`, true);
    return;
  }
  setStatus(`Đang đọc bộ tiêu chí mẫu ${file.name}…`);
  await nextFrame();
  const read = await readTemplateFile(await file.arrayBuffer(), file.name);
  if (!read.ok) {
    setStatus(read.error, true);
    return;
  }
  pageTemplate = read.value;
  byId("template-clear").hidden = false;
  showTemplateSheets(read.value);
  useTemplate(read.value);
}

/** The file's criteria sets to pick from, shown only when it holds more than one. */
function showTemplateSheets(t: PageTemplate): void {
  const pick = byId<HTMLSelectElement>("template-sheet");
  pick.replaceChildren(...t.sets.map((set, i) => el("option", { text: `Bộ tiêu chí: sheet "${set.sheet}"`, attrs: { value: String(i) } })));
  pick.hidden = t.sets.length < 2;
}

/** The chosen set compared with the open workbook (or kept for the next one), said in the status. */
function useTemplate(t: PageTemplate): void {
  const notes = templateNotes(t);
  if (!state) {
    setStatus([`Đã chọn bộ tiêu chí mẫu ${t.fileName}; hãy mở bảng tính cần đối chiếu.`, ...notes].join(" "));
    return;
  }
  const said = applyComparisons(state).template;
  const compared = state.opened.analysis.sheets.filter((s) => s.kind === "scoring" && s.template).length;
  setStatus([...said, ...notes].join(" "), compared === 0);
  selectSheet(state.selected);
}

/** Another sheet of the criteria-set file chosen. */
function pickTemplateSheet(index: number): void {
  if (!pageTemplate || !pageTemplate.sets[index]) return;
  pageTemplate = { ...pageTemplate, template: pageTemplate.sets[index] };
  useTemplate(pageTemplate);
}

/** "Bỏ bộ tiêu chí": the sheets as they read without the page's criteria set. */
function clearTemplate(): void {
  if (!pageTemplate) return;
  const name = pageTemplate.fileName;
  pageTemplate = null;
  byId("template-clear").hidden = true;
  byId("template-sheet").hidden = true;
  if (state) {
    applyComparisons(state);
    selectSheet(state.selected);
  }
  setStatus(`Đã bỏ bộ tiêu chí mẫu ${name}; các bảng điểm không còn được đối chiếu với tệp này.`);
}

async function openSample(): Promise<void> {
  setStatus("Đang tải tệp mẫu…");
  try {
    const response = await fetch(SAMPLE_URL);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    await openBytes(await response.arrayBuffer(), SAMPLE_NAME);
  } catch (err) {
    setStatus(`Không tải được tệp mẫu (${err instanceof Error ? err.message : String(err)}).`, true);
  }
}

/** The scoring sheet the sheets are made from: the one shown, else the first visible one. */
function chosenScoringSheet(current: PageState): string | undefined {
  const selected = resultOf(current.selected);
  return selected?.kind === "scoring" ? selected.sheet : defaultScoringSheet(current.opened)?.sheet;
}

/**
 * Writes `plans` into the workbook, offers the result for download and goes on with it (so a
 * second run replaces these sheets as a rerun does). `plans` null: nothing to write, `refusal` said.
 */
async function writeAndOffer(buttonId: string, working: string, make: (current: PageState) => { plans: SheetPlan[] | null; refusal: string; source?: string }): Promise<void> {
  if (!state) return;
  const current = state;
  const button = byId<HTMLButtonElement>(buttonId);
  button.disabled = true;
  setStatus(working);
  await nextFrame();
  try {
    const { plans, refusal, source } = make(current);
    if (plans === null || plans.length === 0) {
      setStatus(refusal, true);
      return;
    }
    const kept: KeptSheet[] = [];
    const converted = current.opened.converted;
    const names = await current.opened.port.writeSheets(plans, kept);
    const bytes = await current.opened.port.save();
    // The file is the clerk's before anything else can fail.
    offerDownload(byId<HTMLAnchorElement>("download"), bytes, resultFileName(current.fileName));
    const opened = await openXlsx(bytes, sessionSettings());
    current.bytes = bytes;
    current.opened = opened;
    current.ownAnalysis = opened.analysis;
    const compared = applyAll(current);
    current.grids = opened.snapshot.sheets;
    current.generated = generatedNames(opened.snapshot);
    current.selected = names[0];
    selectSheet(names[0]);
    renderMap(firstUnrecognised());
    const from = source !== undefined ? ` từ bảng điểm "${source}"` : "";
    const done = `Đã tạo ${names.map((n) => `"${n}"`).join(", ")}${from} và tải tệp ${resultFileName(current.fileName)} về máy.`;
    setStatus([done, ...kept.map(keptSheetMessage), ...(converted?.notices ?? []), ...compared].join(" "));
  } catch (err) {
    setStatus(`Không tạo được sheet: ${err instanceof Error ? err.message : String(err)}`, true);
  } finally {
    button.disabled = false;
    refreshButtons();
  }
}

/** "Tạo sheet tổng hợp và tải về": the summary sheets of the scoring sheet shown (or the first). */
function generate(): Promise<void> {
  return writeAndOffer("generate", "Đang tạo các sheet tổng hợp…", (current) => {
    const sheet = chosenScoringSheet(current);
    const plans = buildReportPlans(current.opened.analysis, { date: new Date(), ...(sheet !== undefined ? { sheet } : {}) });
    return { plans, refusal: "Không có bảng điểm hay bảng đơn vị nào để tổng hợp.", ...(sheet !== undefined ? { source: sheet } : {}) };
  });
}

/** "Tạo phiếu đề nghị giải trình": the sheet "Yêu cầu giải trình" of the scoring sheet shown (or the first). */
function generateExplanation(): Promise<void> {
  return writeAndOffer("generate-explanation", "Đang lập yêu cầu giải trình…", (current) => {
    const sheet = chosenScoringSheet(current);
    const scoring = current.opened.analysis.sheets.find((s) => s.sheet === sheet);
    if (scoring?.kind !== "scoring") return { plans: null, refusal: "Không có bảng điểm nào để lập yêu cầu giải trình." };
    const plan = buildExplanationPlan(scoring, { date: new Date(), settings: current.opened.settings });
    if (plan === null) {
      return { plans: null, refusal: `Bảng điểm "${scoring.sheet}" không có cả điểm tự đánh giá và điểm thẩm định: không lập được yêu cầu giải trình.` };
    }
    return { plans: [plan], refusal: "", source: scoring.sheet };
  });
}

/** The open workbook with the second file read as part of it (as `cchc report A B`), compared with last year's and the criteria set. */
function reportAnalysis(current: PageState): { analysis: WorkbookAnalysis; grids: Grid[]; hidden: string[]; settings: EngineSettings } {
  const own = { name: current.fileName, grids: current.opened.userSheets, hidden: current.opened.port.hiddenSheets() };
  if (!reportSecond) return { analysis: current.opened.analysis, grids: own.grids, hidden: [...own.hidden], settings: current.opened.settings };
  const second = reportSecond.opened;
  const { grids, hidden } = combineWorkbooks([own, { name: reportSecond.fileName, grids: second.userSheets, hidden: second.port.hiddenSheets() }]);
  const settings: EngineSettings = { ...current.opened.settings, columnMaps: { ...second.settings.columnMaps, ...current.opened.settings.columnMaps } };
  let analysis = pageTemplate ? withoutSavedTemplate(grids, settings) : analyzeWorkbook(grids, settings);
  if (previous) analysis = compareWithPrevious(analysis, previous.analysis, previous.fileName).analysis;
  if (pageTemplate) analysis = applyPageTemplate(analysis, pageTemplate);
  return { analysis, grids, hidden, settings };
}

/**
 * "Tải báo cáo (Word)": the draft report as .docx, from the open workbook (units tables alone will
 * do) and the second file if one was added; section I is the scoring sheet whose tab the clerk
 * clicked, else the one the draft finds as the issuer's.
 */
async function downloadReport(): Promise<void> {
  if (!state) return;
  const current = state;
  const button = byId<HTMLButtonElement>("download-report");
  button.disabled = true;
  setStatus("Đang lập bản thảo báo cáo (Word)…");
  await nextFrame();
  try {
    const { analysis, grids, hidden, settings } = reportAnalysis(current);
    const selected = current.picked ? resultOf(current.selected) : undefined;
    const report = draftReport(analysis, {
      grids,
      hidden,
      leadOffices: settings.leadOffices ?? null,
      ...(settings.issuer ? { issuer: settings.issuer } : {}),
      ...(selected?.kind === "scoring" ? { sheet: selected.sheet } : {}),
    });
    // The .docx code is loaded only when asked for.
    const { renderDocx, DOCX_MIME } = await import(/* webpackChunkName: "docx-report" */ "../report/docxRender");
    const name = reportFileName(current.fileName);
    const charts = draftCharts(analysis, { sheet: report.source.scoring, settings });
    offerDownload(byId<HTMLAnchorElement>("report-link"), await renderDocx(report, { charts }), name, DOCX_MIME);
    setStatus([`Đã lập bản thảo báo cáo ${draftSourceText(report.source)} và tải tệp ${name} về máy. ${PLACEHOLDER_HINT}`, ...draftErrorNotice(report)].join("\n"));
  } catch (err) {
    setStatus(`Không lập được bản thảo báo cáo: ${err instanceof Error ? err.message : String(err)}`, true);
  } finally {
    refreshButtons();
  }
}

/** "Thêm tệp thứ hai": a workbook read as part of the open one for the Word draft; a bad file changes nothing. */
async function openReportSecond(file: File): Promise<void> {
  if (!WORKBOOK_FILE.test(file.name)) {
    setStatus(`Tệp thứ hai "${file.name}" không phải bảng tính .xlsx, .xlsm, .xls hay .ods.`, true);
    return;
  }
  setStatus(`Đang đọc tệp thứ hai ${file.name}…`);
  await nextFrame();
  try {
    reportSecond = { fileName: file.name, opened: await openXlsx(await file.arrayBuffer()) };
  } catch (err) {
    setStatus(`Không mở được tệp thứ hai ${file.name}: ${err instanceof Error ? err.message : String(err)}`, true);
    return;
  }
  const sheets = reportSecond.opened.analysis.sheets;
  const units = sheets.filter((s) => s.kind === "units").length;
  const scoring = sheets.filter((s) => s.kind === "scoring").length;
  setStatus(`Đã thêm tệp thứ hai ${file.name} cho báo cáo Word (${scoring} bảng điểm, ${units} bảng đơn vị).${state ? "" : " Hãy mở bảng tính chính."}`);
  refreshButtons();
}

function start(): void {
  installStyles(document);
  const input = byId<HTMLInputElement>("file-input");
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (file) void openFile(file);
    input.value = ""; // the same file can be opened again after editing it
  });
  byId("open-sample").addEventListener("click", () => void openSample());
  const previousInput = byId<HTMLInputElement>("previous-input");
  previousInput.addEventListener("change", () => {
    const file = previousInput.files?.[0];
    if (file) void openPrevious(file);
    previousInput.value = "";
  });
  const templateInput = byId<HTMLInputElement>("template-input");
  templateInput.addEventListener("change", () => {
    const file = templateInput.files?.[0];
    if (file) void openTemplate(file);
    templateInput.value = "";
  });
  byId("template-clear").addEventListener("click", clearTemplate);
  const templateSheet = byId<HTMLSelectElement>("template-sheet");
  templateSheet.addEventListener("change", () => pickTemplateSheet(Number(templateSheet.value)));
  byId("generate").addEventListener("click", () => void generate());
  byId("generate-explanation").addEventListener("click", () => void generateExplanation());
  byId("download-report").addEventListener("click", () => void downloadReport());
  const secondInput = byId<HTMLInputElement>("report-second-input");
  secondInput.addEventListener("change", () => {
    const file = secondInput.files?.[0];
    if (file) void openReportSecond(file);
    secondInput.value = "";
  });
}

start();
