// "Khai báo cột" on the page: the pane's column-map form, kept for this session only (the page
// does not write settings into the file).
import type { Grid, HeaderInfo } from "../engine/core/types";
import { MapFormError, parseColumnMap } from "../forms/columnMapModel";
import { columnMapForm } from "../forms/columnMapView";
import { clear, el } from "./dom";

export interface MapPanelOptions {
  /** The clerk's sheets (not the generated ones), in tab order. */
  grids: Grid[];
  /** Maps applied so far in this session, by sheet. */
  maps: Record<string, HeaderInfo>;
  /** The sheet the form shows first (an unrecognised one). */
  initialSheet?: string;
  onApply(sheet: string, map: HeaderInfo): void;
  /** Drops every map of the session. */
  onClear(): void;
  onError(message: string): void;
}

function actionButton(label: string, id: string, onClick: () => void): HTMLButtonElement {
  const b = el("button", { text: label, attrs: { type: "button", id } });
  b.addEventListener("click", onClick);
  return b;
}

export function renderMapPanel(panel: HTMLElement, options: MapPanelOptions): void {
  clear(panel);
  panel.hidden = options.grids.length === 0;
  const applied = Object.keys(options.maps);
  // Folded away unless a sheet was not recognised or maps are in use.
  const box = el("details", { attrs: { id: "map-box" } }, [el("summary", {}, [el("h2", { text: "Khai báo cột", attrs: { id: "map-title" } })])]);
  box.open = options.initialSheet !== undefined || applied.length > 0;
  panel.appendChild(box);
  box.appendChild(
    el("p", {
      className: "session-note",
      text: "Khai báo chỉ dùng trong phiên này: không được lưu vào tệp; mở lại tệp thì cần khai báo lại. Dùng khi một sheet không được nhận ra, hoặc để đọc một sheet theo cột khác.",
    }),
  );
  const form = el("form", { attrs: { id: "map-form", "aria-labelledby": "map-title" } });
  const map = columnMapForm(document, { grids: options.grids, maps: options.maps, initialSheet: options.initialSheet, idPrefix: "map" });
  form.appendChild(map.root);
  const apply = () => {
    const choice = map.choice();
    if (!choice) {
      options.onError("Hãy chọn sheet cần khai báo cột.");
      return;
    }
    try {
      options.onApply(choice.sheet, parseColumnMap(choice, map.grid()));
    } catch (err) {
      if (!(err instanceof MapFormError)) throw err;
      options.onError(err.message);
    }
  };
  const actions = el("div", { className: "actions" }, [actionButton("Áp dụng khai báo", "map-apply", apply)]);
  if (applied.length > 0) {
    actions.appendChild(actionButton("Bỏ mọi khai báo", "map-clear", options.onClear));
    form.appendChild(el("p", { className: "hint", attrs: { id: "map-applied" }, text: `Đang khai báo cột cho: ${applied.map((s) => `"${s}"`).join(", ")}.` }));
  }
  form.appendChild(actions);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    apply();
  });
  box.appendChild(form);
}
