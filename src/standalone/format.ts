// Numbers as Vietnamese write them: decimal comma.
import { excelRound } from "../engine/numbers";

export const formatPoints = (x: number): string => String(excelRound(x, 2)).replace(".", ",");
export const formatIndex = (x: number): string => String(excelRound(x, 3)).replace(".", ",");
