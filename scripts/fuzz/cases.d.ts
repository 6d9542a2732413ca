// Types of scripts/fuzz/cases.js.
import type { FuzzCase } from "./types";

export const MUTATORS: { name: string; kind: "file" | "args" }[];
export function mutatorOf(seed: number, caseNo: number): { name: string };
export function planCases(seed: number, count: number, first?: number): { caseNo: number; mutator: string }[];
export function buildCase(seed: number, caseNo: number): Promise<FuzzCase>;
export function recipe(seed: number, caseNo: number, keep?: string): string;
