// The page's styles, applied as a constructed stylesheet so the Content Security Policy can
// forbid inline styles (style-src 'self').
const CSS = `
body { font-family: "Segoe UI", Arial, sans-serif; margin: 0 1.5rem 2rem; color: #1f1f1f; }
h1 { font-size: 1.4rem; margin: 1rem 0 0.3rem; }
.note { color: #555; margin: 0 0 1rem; max-width: 60rem; }
.toolbar { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: center; margin-bottom: 0.6rem; }
.toolbar button, .file-label, .download { font: inherit; padding: 0.35rem 0.8rem; border: 1px solid #8a8886;
  border-radius: 3px; background: #fff; cursor: pointer; color: inherit; text-decoration: none; }
.toolbar button:disabled { color: #a19f9d; cursor: default; }
#generate:not(:disabled) { background: #0f6cbd; border-color: #0f6cbd; color: #fff; }
#file-input, #previous-input, #report-second-input, #template-input { position: absolute; left: -9999px; }
#status { min-height: 1.3em; white-space: pre-line; }
#status.error { color: #a4262c; font-weight: 600; }
#sheet-tabs { display: flex; flex-wrap: wrap; gap: 0.3rem; margin: 0.5rem 0; }
#sheet-tabs button { font: inherit; border: 1px solid #c8c6c4; background: #f3f2f1; padding: 0.25rem 0.7rem; cursor: pointer; }
#sheet-tabs button[aria-selected="true"] { background: #fff; border-bottom-color: #fff; font-weight: 600; }
.badge { display: inline-block; margin-left: 0.4rem; padding: 0 0.4rem; border-radius: 0.6rem; font-size: 0.8em; }
.badge.error { background: #fde7e9; color: #a4262c; }
.badge.warning { background: #fff4ce; color: #7a5b00; }
.badge.generated { background: #dff6dd; color: #0e700e; }
#sheet-info p { margin: 0.2rem 0; }
#appraisal-info ul { margin: 0.1rem 0 0.3rem; padding-left: 1.2rem; }
#findings ul { margin: 0.3rem 0 0.8rem; padding-left: 1.2rem; }
#findings li { margin: 0.15rem 0; }
#findings li.error::marker { color: #a4262c; }
#findings li.warning::marker { color: #c19c00; }
#findings button.cell-link { font: inherit; border: none; background: none; color: #0f6cbd; text-decoration: underline; cursor: pointer; padding: 0; }
#grid { overflow: auto; max-height: 70vh; border: 1px solid #c8c6c4; }
table.sheet { border-collapse: collapse; font-size: 0.85rem; }
table.sheet th { position: sticky; top: 0; background: #f3f2f1; font-weight: normal; color: #605e5c; }
table.sheet th, table.sheet td { border: 1px solid #e1dfdd; padding: 0.15rem 0.35rem; vertical-align: top; }
table.sheet td { max-width: 28rem; white-space: pre-wrap; }
table.sheet td.num { text-align: right; }
table.sheet th.row-head { position: sticky; left: 0; }
table.sheet td.error { background: #fde7e9; outline: 2px solid #d13438; }
table.sheet td.warning { background: #fff4ce; outline: 1px solid #c19c00; }
table.sheet td.focus { outline: 3px solid #0f6cbd; }
.more { color: #605e5c; font-style: italic; padding: 0.4rem; }
#map-panel { margin: 0.6rem 0; max-width: 48rem; }
#map-panel h2 { font-size: 1.1rem; margin: 0.4rem 0; display: inline; }
#map-panel summary { cursor: pointer; }
#map-panel fieldset { border: 1px solid #c8c6c4; margin: 0.4rem 0; padding: 0.4rem 0.8rem; }
#map-panel .field { display: flex; gap: 0.6rem; align-items: center; margin: 0.25rem 0; }
#map-panel .field label { min-width: 16rem; }
#map-panel select { font: inherit; max-width: 28rem; }
#map-panel .hint, #map-panel .session-note { color: #605e5c; margin: 0.2rem 0; }
#map-panel button { font: inherit; padding: 0.3rem 0.8rem; margin-right: 0.5rem; }
`;

export function installStyles(doc: Document): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
