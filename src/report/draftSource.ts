// What a Word draft was made from, as the pane and the page say it after drafting.

/** "từ sheet "X"", "từ sheet "X" và bảng xếp hạng "Y"", "từ bảng xếp hạng "Y"", "từ các bảng điểm của các đơn vị". */
export function draftSourceText(source: { scoring: string | null; units: readonly string[] }): string {
  const units = source.units.length > 0 ? `bảng xếp hạng ${source.units.map((n) => `"${n}"`).join(", ")}` : null;
  if (source.scoring !== null) return `từ sheet "${source.scoring}"` + (units ? ` và ${units}` : "");
  return units ? `từ ${units}` : "từ các bảng điểm của các đơn vị";
}
