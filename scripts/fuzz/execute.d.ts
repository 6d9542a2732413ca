// Types of scripts/fuzz/execute.js.
import type { Tools } from "./types";

export function probeTools(): Tools;
export const BIN: string;
export const VALIDATE: string;
