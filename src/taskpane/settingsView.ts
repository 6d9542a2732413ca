// The "Cài đặt" form: grade bands, the official score, a column mapping for one sheet.
import type { EngineSettings } from "../engine/core/types";
import { columnLetters } from "../engine/core/address";
import { MAPPABLE_ROLES, type BandInput, type MappingInput } from "./settingsController";
import { el, button } from "./dom";

export interface SettingsForm {
  bands: BandInput[];
  official: EngineSettings["official"];
  /** Null when the clerk left the mapping empty. */
  mapping: MappingInput | null;
  /** Sheets whose saved mapping the clerk asked to remove. */
  removeMappings: string[];
  /** Last year's sheet of this workbook; "" for none. */
  previousSheet: string;
}

const BAND_ROWS = 6;

function labelled(doc: Document, id: string, label: string, control: HTMLElement): HTMLElement {
  control.id = id;
  return el(doc, "div", { className: "field" }, [el(doc, "label", { text: label, attrs: { for: id } }), control]);
}

function input(doc: Document, value: string, attrs: Record<string, string> = {}): HTMLInputElement {
  const i = el(doc, "input", { attrs: { type: "text", ...attrs } });
  i.value = value;
  return i;
}

/** `sheets`: every sheet of the workbook (for the mapping's sheet choice). */
export function settingsView(doc: Document, settings: EngineSettings, sheets: string[], onSave: (form: SettingsForm) => void): HTMLElement {
  const form = el(doc, "form", { className: "settings", attrs: { id: "settings-form", "aria-label": "Cài đặt" } });

  const bandsSet = el(doc, "fieldset", {}, [el(doc, "legend", { text: "Xếp loại (ngưỡng chỉ số, từ 0 đến 100)" })]);
  const bandInputs: Array<{ name: HTMLInputElement; min: HTMLInputElement }> = [];
  for (let i = 0; i < BAND_ROWS; i++) {
    const band = settings.bands[i];
    const name = input(doc, band?.name ?? "", { id: `band-name-${i}`, "aria-label": `Tên loại thứ ${i + 1}` });
    const min = input(doc, band ? String(band.min).replace(".", ",") : "", { id: `band-min-${i}`, inputmode: "decimal", "aria-label": `Ngưỡng tối thiểu của loại thứ ${i + 1}` });
    bandInputs.push({ name, min });
    bandsSet.appendChild(el(doc, "div", { className: "band-row" }, [name, el(doc, "span", { text: "từ", attrs: { "aria-hidden": "true" } }), min]));
  }
  form.appendChild(bandsSet);

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

  const mapSet = el(doc, "fieldset", {}, [el(doc, "legend", { text: "Khai báo cột cho sheet có tiêu đề không nhận ra được" })]);
  const sheetSelect = el(doc, "select");
  sheetSelect.appendChild(el(doc, "option", { text: "(không khai báo)", attrs: { value: "" } }));
  for (const s of sheets) sheetSelect.appendChild(el(doc, "option", { text: s, attrs: { value: s } }));
  mapSet.appendChild(labelled(doc, "map-sheet", "Sheet", sheetSelect));
  const headerRow = input(doc, "", { inputmode: "numeric" });
  mapSet.appendChild(labelled(doc, "map-header-row", "Dòng tiêu đề (số dòng)", headerRow));
  const letterInputs = new Map<string, HTMLInputElement>();
  for (const { role, label } of MAPPABLE_ROLES) {
    const letters = input(doc, "", { maxlength: "3", size: "3" });
    letterInputs.set(role, letters);
    mapSet.appendChild(labelled(doc, `map-${role}`, `${label} (chữ cái)`, letters));
  }
  // Choosing a sheet shows its saved mapping, if any.
  const fillMapping = () => {
    const saved = settings.columnMaps[sheetSelect.value];
    headerRow.value = saved ? String(saved.row + 1) : "";
    for (const { role } of MAPPABLE_ROLES) {
      const col = saved?.columns[role];
      letterInputs.get(role)!.value = col === undefined ? "" : columnLetters(col);
    }
  };
  sheetSelect.addEventListener("change", fillMapping);
  form.appendChild(mapSet);

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

  const save = button(doc, "Lưu cài đặt", () => submit(), { className: "primary", attrs: { id: "settings-save" } });
  form.appendChild(el(doc, "div", { className: "actions" }, [save]));
  const submit = () => {
    const sheet = sheetSelect.value;
    const columns: MappingInput["columns"] = {};
    for (const { role } of MAPPABLE_ROLES) columns[role] = letterInputs.get(role)!.value;
    onSave({
      bands: bandInputs.map((b) => ({ name: b.name.value, min: b.min.value })),
      official: official.value as EngineSettings["official"],
      mapping: sheet === "" ? null : { sheet, headerRow: headerRow.value, columns },
      removeMappings: removeBoxes.filter((r) => r.box.checked).map((r) => r.sheet),
      previousSheet: previousSelect.value,
    });
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    submit();
  });
  return form;
}
