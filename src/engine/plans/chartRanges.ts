// The A1 references of chart data, apart from building the charts: the adapters that render a
// plan's charts need only these (the pane's bundle then carries no chart-building code).

/** A sheet name quoted for a reference, as Excel writes it: 'Xếp hạng'. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Xếp hạng'!$B$5:$B$12" → "$B$5:$B$12". */
export function localRange(reference: string): string {
  return reference.slice(reference.lastIndexOf("!") + 1);
}

/** The same cells on a sheet of another name (a generated sheet renamed to avoid a clash). */
export function onSheet(reference: string, sheet: string): string {
  return `${quoteSheetName(sheet)}!${localRange(reference)}`;
}
