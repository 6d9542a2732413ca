// Errors the workbook adapters throw with a Vietnamese message for the clerk. They live in the
// host layer so the adapters never import the pane; the pane shows them (src/taskpane/messages.ts).

/** An error whose message is already a Vietnamese sentence for the clerk. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}

/** A cell that no longer holds what a command read earlier. */
export interface ChangedCell {
  sheet: string;
  address: string;
  /** What it held when read (null: empty). */
  expected: unknown;
  /** What it holds now (null: empty). */
  actual: unknown;
}

/**
 * Thrown by a write that checks the cells first (CellWrite.expected) when some changed since
 * they were read: nothing was written.
 */
export class ChangedCellsError extends UserError {
  constructor(readonly cells: ChangedCell[]) {
    const shown = cells.slice(0, 8).map((c) => c.address).join(", ") + (cells.length > 8 ? ", …" : "");
    super(`Không ghi gì cả: ${cells.length} ô đã thay đổi từ lúc tính điểm (${shown}). Hãy bấm lại "Tính điểm" rồi chọn lại.`);
    this.name = "ChangedCellsError";
  }
}
