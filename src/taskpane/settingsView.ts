// The "Cài đặt" form: grade bands (common or per block), the official score, last year's sheet,
// the criteria set (a sheet or a file), units kept out of the ranking, each area's lead office, and the column map of a sheet (either kind).
import type { EngineSettings, Grid, WorkbookAnalysis } from "../engine/core/types";
import { columnMapForm } from "../forms/columnMapView";
import type { BandInput } from "./settingsController";
import { workbookAreas, workbookBlocks, workbookUnits, type SettingsForm } from "./settingsForm";
import { el, button } from "./dom";
import { templateFileField } from "./templateFileView";

export type { SettingsForm } from "./settingsForm";

export interface SettingsData {
  /** The clerk's sheets, in tab order. */
  grids: Grid[];
  /** Their analysis with the saved settings: where the blocks and units come from. */
  analysis: WorkbookAnalysis;
}

const BAND_ROWS = 6;
/** The band scope "Tất cả các khối". */
const COMMON = "";

function labelled(doc: Document, id: string, label: string, control: HTMLElement): HTMLElement {
  control.id = id;
  return el(doc, "div", { className: "field" }, [el(doc, "label", { text: label, attrs: { for: id } }), control]);
}

function input(doc: Document, value: string, attrs: Record<string, string> = {}): HTMLInputElement {
  const i = el(doc, "input", { attrs: { type: "text", ...attrs } });
  i.value = value;
  return i;
}

const asInputs = (bands: EngineSettings["bands"] | undefined): BandInput[] =>
  Array.from({ length: BAND_ROWS }, (_, i) => ({ name: bands?.[i]?.name ?? "", min: bands?.[i] ? String(bands[i].min).replace(".", ",") : "" }));

/** The bands fieldset: one set of lines, edited for "Tất cả các khối" or for one block. */
function bandsFieldset(doc: Document, settings: EngineSettings, blocks: string[]) {
  const set = el(doc, "fieldset", { className: "bands" }, [el(doc, "legend", { text: "Xếp loại (ngưỡng chỉ số, từ 0 đến 100)" })]);
  const scope = el(doc, "select");
  scope.appendChild(el(doc, "option", { text: "Tất cả các khối", attrs: { value: COMMON } }));
  for (const b of blocks) scope.appendChild(el(doc, "option", { text: b, attrs: { value: b } }));
  set.appendChild(labelled(doc, "band-scope", "Áp dụng cho", scope));
  const hint = el(doc, "p", { className: "hint", attrs: { id: "band-scope-hint" } });
  set.appendChild(hint);
  const typed = new Map<string, BandInput[]>([[COMMON, asInputs(settings.bands)]]);
  for (const b of blocks) typed.set(b, asInputs(settings.blockBands?.[b]));
  const lines: Array<{ name: HTMLInputElement; min: HTMLInputElement }> = [];
  for (let i = 0; i < BAND_ROWS; i++) {
    const name = input(doc, "", { id: `band-name-${i}`, "aria-label": `Tên loại thứ ${i + 1}` });
    const min = input(doc, "", { id: `band-min-${i}`, inputmode: "decimal", "aria-label": `Ngưỡng tối thiểu của loại thứ ${i + 1}` });
    lines.push({ name, min });
    set.appendChild(el(doc, "div", { className: "band-row" }, [name, el(doc, "span", { text: "từ", attrs: { "aria-hidden": "true" } }), min]));
  }
  let shown = COMMON;
  const keep = () => typed.set(shown, lines.map((l) => ({ name: l.name.value, min: l.min.value })));
  const show = () => {
    shown = scope.value;
    typed.get(shown)!.forEach((b, i) => {
      lines[i].name.value = b.name;
      lines[i].min.value = b.min;
    });
    hint.textContent =
      shown === COMMON
        ? "Ngưỡng chung: dùng cho mọi khối không có ngưỡng riêng."
        : `Ngưỡng riêng của khối "${shown}"; để trống tất cả để khối này dùng ngưỡng chung. Tên loại tùy ý (ví dụ "Nhóm A").`;
  };
  scope.addEventListener("change", () => {
    keep();
    show();
  });
  show();
  return {
    set,
    values(): { bands: BandInput[]; blockBands: Record<string, BandInput[]> } {
      keep();
      const blockBands: Record<string, BandInput[]> = {};
      for (const b of blocks) blockBands[b] = typed.get(b)!;
      return { bands: typed.get(COMMON)!, blockBands };
    },
  };
}

/** "Không xếp hạng" per unit of the units tables. */
function unrankedFieldset(doc: Document, units: string[], kept: readonly string[]) {
  const boxes: Array<{ unit: string; box: HTMLInputElement }> = [];
  const set = el(doc, "fieldset", { className: "unranked", attrs: { id: "unranked" } }, [el(doc, "legend", { text: "Đơn vị không xếp hạng" })]);
  set.appendChild(el(doc, "p", { className: "hint", text: "Đơn vị được đánh dấu vẫn có điểm nhưng không được xếp hạng và không tính vào số lượng xếp loại." }));
  const list = el(doc, "ul", { className: "unit-list" });
  units.forEach((unit, i) => {
    const box = el(doc, "input", { attrs: { type: "checkbox", id: `unranked-${i}`, "data-unit": unit } });
    box.checked = kept.includes(unit);
    boxes.push({ unit, box });
    list.appendChild(
      el(doc, "li", { className: "check" }, [
        el(doc, "span", { className: "unit-name", text: unit }),
        el(doc, "label", {}, [box, " Không xếp hạng"]),
      ]),
    );
    // The unit's name in the box's own name: a screen reader hears which unit it is.
    box.setAttribute("aria-label", `Không xếp hạng: ${unit}`);
  });
  set.appendChild(list);
  return { set, values: () => boxes.filter((b) => b.box.checked).map((b) => b.unit) };
}

/** "Cơ quan chủ trì, tham mưu" per area, for section III of the Word draft: the saved one, else the usual one shown greyed. */
function leadOfficesFieldset(doc: Document, areas: ReturnType<typeof workbookAreas>, saved: Readonly<Record<string, string>>) {
  const set = el(doc, "fieldset", { className: "lead-offices", attrs: { id: "lead-offices" } }, [
    el(doc, "legend", { text: "Cơ quan chủ trì, tham mưu từng lĩnh vực" }),
    el(doc, "p", { className: "hint", text: "Dùng trong mục III của bản thảo báo cáo (Word). Để trống để dùng cơ quan thường được giao (chữ mờ)." }),
  ]);
  const fields = areas.map((area, i) => {
    const own = Object.prototype.hasOwnProperty.call(saved, area.code) ? saved[area.code] : "";
    const box = input(doc, own, { "data-area": area.code, placeholder: area.usual ?? "" });
    set.appendChild(labelled(doc, `lead-office-${i}`, `${area.code}. ${area.name}`, box));
    return { code: area.code, box };
  });
  return { set, values: () => Object.fromEntries(fields.map((f) => [f.code, f.box.value])) };
}

export function settingsView(doc: Document, settings: EngineSettings, data: SettingsData, onSave: (form: SettingsForm) => void): HTMLElement {
  const form = el(doc, "form", { className: "settings", attrs: { id: "settings-form", "aria-label": "Cài đặt" } });
  const sheets = data.grids.map((g) => g.name);

  const bands = bandsFieldset(doc, settings, workbookBlocks(data.analysis, settings));
  form.appendChild(bands.set);

  const official = el(doc, "select");
  for (const [value, label] of [["auto", "Tự động (thẩm định nếu có)"], ["appraised", "Điểm thẩm định"], ["self", "Điểm tự đánh giá"]] as const) {
    const option = el(doc, "option", { text: label, attrs: { value } });
    if (settings.official === value) option.selected = true;
    official.appendChild(option);
  }
  form.appendChild(labelled(doc, "official-score", "Điểm chính thức", official));

  // Last year's sheet, copied into this workbook with Move or Copy: compared, not scored.
  const previousSelect = el(doc, "select");
  previousSelect.appendChild(el(doc, "option", { text: "(không so sánh)", attrs: { value: "" } }));
  for (const s of sheets) {
    const option = el(doc, "option", { text: s, attrs: { value: s } });
    if (settings.previousSheet === s) option.selected = true;
    previousSelect.appendChild(option);
  }
  form.appendChild(labelled(doc, "previous-sheet", "Sheet năm trước (để so sánh)", previousSelect));

  // The criteria set the province issued, copied into this workbook: each unit sheet is checked against it.
  const templateSelect = el(doc, "select");
  templateSelect.appendChild(el(doc, "option", { text: "(không dùng sheet nào)", attrs: { value: "" } }));
  for (const s of sheets) {
    const option = el(doc, "option", { text: s, attrs: { value: s } });
    if (settings.templateSheet === s) option.selected = true;
    templateSelect.appendChild(option);
  }
  const templateSet = el(doc, "fieldset", { className: "template", attrs: { id: "template" } }, [
    el(doc, "legend", { text: "Bộ tiêu chí mẫu (để đối chiếu)" }),
    el(doc, "p", { className: "hint", text: "Mỗi bảng điểm được đối chiếu với bộ tiêu chí: một sheet của bảng tính này, hoặc một tệp bộ tiêu chí do cấp trên ban hành." }),
    labelled(doc, "template-sheet", "Sheet bộ tiêu chí trong bảng tính này", templateSelect),
  ]);
  // Or a file: read once, kept in the settings; a sheet chosen above is used first.
  const templateFile = templateFileField(doc, settings.templateFile ?? null, () => templateSelect.value);
  templateSelect.addEventListener("change", templateFile.refresh);
  templateSet.appendChild(templateFile.root);
  form.appendChild(templateSet);

  const units = workbookUnits(data.analysis, settings);
  const unranked = units.length > 0 ? unrankedFieldset(doc, units, settings.unranked ?? []) : null;
  if (unranked) form.appendChild(unranked.set);

  // The body issuing the report: read from the title rows unless the clerk writes it here.
  const issuer = input(doc, settings.issuer ?? "", { placeholder: "Đọc từ các dòng tiêu đề (ví dụ: UBND huyện Kon Rẫy)" });
  form.appendChild(labelled(doc, "report-issuer", "Cơ quan ban hành báo cáo", issuer));

  const areas = workbookAreas(data.analysis);
  const leads = areas.length > 0 ? leadOfficesFieldset(doc, areas, settings.leadOffices ?? {}) : null;
  if (leads) form.appendChild(leads.set);

  const map = columnMapForm(doc, { grids: data.grids, maps: settings.columnMaps, idPrefix: "map" });
  form.appendChild(map.root);

  const mapped = Object.keys(settings.columnMaps);
  const removeBoxes: Array<{ sheet: string; box: HTMLInputElement }> = [];
  if (mapped.length > 0) {
    const savedSet = el(doc, "fieldset", {}, [el(doc, "legend", { text: "Các khai báo cột đã lưu" })]);
    mapped.forEach((sheet, i) => {
      const box = el(doc, "input", { attrs: { type: "checkbox", id: `remove-map-${i}` } });
      removeBoxes.push({ sheet, box });
      savedSet.appendChild(el(doc, "div", { className: "check" }, [box, el(doc, "label", { text: `Xóa khai báo của sheet "${sheet}"`, attrs: { for: `remove-map-${i}` } })]));
    });
    form.appendChild(savedSet);
  }

  const save = button(doc, "Lưu cài đặt", () => void submit(), { className: "primary", attrs: { id: "settings-save" } });
  form.appendChild(el(doc, "div", { className: "actions" }, [save]));
  const submit = async () => {
    // A file still being read is saved once read (or refused).
    await templateFile.settled();
    onSave({
      ...bands.values(),
      official: official.value as EngineSettings["official"],
      mapping: map.choice(),
      removeMappings: removeBoxes.filter((r) => r.box.checked).map((r) => r.sheet),
      previousSheet: previousSelect.value,
      templateSheet: templateSelect.value,
      templateFile: templateFile.value(),
      unranked: unranked?.values() ?? [],
      leadOffices: leads?.values() ?? {},
      issuer: issuer.value,
    });
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void submit();
  });
  return form;
}
