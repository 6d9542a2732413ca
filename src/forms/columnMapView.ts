// The column-map form: a sheet, its kind, its header row, then one list of the sheet's header
// texts per role. The pane's "Cài đặt" and the standalone page draw the same form.
import type { Grid, HeaderInfo } from "../engine/core/types";
import { columnChoices, columnsFor, headerRowChoices, KIND_LABELS, MAP_ROLES, proposeMap, type MapChoice, type SheetKind } from "./columnMapModel";
import { el, field, option } from "./dom";

export interface ColumnMapFormOptions {
  /** The sheets that may be mapped, in tab order. */
  grids: Grid[];
  /** Maps saved (or kept) so far, by sheet. */
  maps: Record<string, HeaderInfo>;
  /** The sheet shown first; none ("(không khai báo)") when absent. */
  initialSheet?: string;
  /** Prefix of the controls' ids: "map" gives #map-sheet, #map-kind, #map-row, #map-role-unit… */
  idPrefix?: string;
}

export interface ColumnMapForm {
  root: HTMLFieldSetElement;
  /** The clerk's choice; null when no sheet is chosen. */
  choice(): MapChoice | null;
  /** The grid of the chosen sheet (to name columns in messages). */
  grid(): Grid | undefined;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function columnMapForm(doc: Document, options: ColumnMapFormOptions): ColumnMapForm {
  const id = (name: string) => `${options.idPrefix ?? "map"}-${name}`;
  const own = (sheet: string) => (Object.prototype.hasOwnProperty.call(options.maps, sheet) ? options.maps[sheet] : undefined);
  const root = el(doc, "fieldset", { className: "column-map" }, [el(doc, "legend", { text: "Khai báo cột của một sheet" })]);
  root.appendChild(el(doc, "p", { className: "hint", text: "Chọn sheet, loại bảng và dòng tiêu đề, rồi chọn cột cho từng nội dung trong danh sách tiêu đề của sheet." }));

  const sheetSelect = el(doc, "select");
  sheetSelect.appendChild(option(doc, "", "(không khai báo)"));
  for (const g of options.grids) sheetSelect.appendChild(option(doc, g.name, g.name, g.name === options.initialSheet));
  root.appendChild(field(doc, id("sheet"), "Sheet", sheetSelect));

  const details = el(doc, "div", { className: "map-details" });
  root.appendChild(details);
  const kindSelect = el(doc, "select");
  for (const kind of ["scoring", "units"] as const) kindSelect.appendChild(option(doc, kind, KIND_LABELS[kind]));
  const rowSelect = el(doc, "select");
  const rolesSet = el(doc, "fieldset", { className: "map-roles" });
  details.append(field(doc, id("kind"), "Loại bảng", kindSelect), field(doc, id("row"), "Dòng tiêu đề", rowSelect), rolesSet);

  let grid: Grid | undefined;
  let base: MapChoice | undefined;
  const roleSelects = new Map<string, HTMLSelectElement>();

  const drawRoles = (columns: MapChoice["columns"]) => {
    rolesSet.replaceChildren(el(doc, "legend", { text: "Cột của từng nội dung" }));
    roleSelects.clear();
    if (!grid) return;
    const kind = kindSelect.value as SheetKind;
    const choices = columnChoices(grid, Number(rowSelect.value));
    for (const { role, label, required } of MAP_ROLES[kind]) {
      const select = el(doc, "select", { attrs: { "data-role": role } });
      select.appendChild(option(doc, "", "(không có)"));
      for (const c of choices) select.appendChild(option(doc, String(c.col), c.label, columns[role] === c.col));
      roleSelects.set(role, select);
      rolesSet.appendChild(field(doc, id(`role-${role}`), `${capital(label)}${required ? " (bắt buộc)" : ""}`, select));
    }
  };

  const showSheet = () => {
    grid = options.grids.find((g) => g.name === sheetSelect.value);
    details.hidden = grid === undefined;
    rowSelect.replaceChildren();
    if (!grid) {
      base = undefined;
      drawRoles({});
      return;
    }
    base = proposeMap(grid, own(grid.name));
    kindSelect.value = base.kind;
    const rows = headerRowChoices(grid);
    if (!rows.some((r) => r.row === base!.row)) rows.push({ row: base.row, label: `Dòng ${(grid.origin?.row ?? 0) + base.row + 1}` });
    for (const r of rows) rowSelect.appendChild(option(doc, String(r.row), r.label, r.row === base.row));
    drawRoles(base.columns);
  };
  const redraw = () => {
    if (grid) drawRoles(columnsFor(grid, kindSelect.value as SheetKind, Number(rowSelect.value), base));
  };
  sheetSelect.addEventListener("change", showSheet);
  kindSelect.addEventListener("change", redraw);
  rowSelect.addEventListener("change", redraw);
  showSheet();

  return {
    root,
    grid: () => grid,
    choice() {
      if (!grid) return null;
      const columns: MapChoice["columns"] = {};
      for (const [role, select] of roleSelects) if (select.value !== "") columns[role as keyof MapChoice["columns"]] = Number(select.value);
      return { sheet: grid.name, kind: kindSelect.value as SheetKind, row: Number(rowSelect.value), columns };
    },
  };
}
