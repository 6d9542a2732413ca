// Types of scripts/fuzz/contract.js.
import type { CaseRun, FuzzCase, Violation } from "./types";

export const BOUNDS: { wallMs: number; rssKb: number };
export function checkContract(spec: Pick<FuzzCase, "argv" | "out"> & Partial<FuzzCase>, run: CaseRun): Violation[];
