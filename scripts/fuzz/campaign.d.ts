// Types of scripts/fuzz/campaign.js.
import type { CaseResult, Tools } from "./types";

export function runCampaign(options: {
  seed: number;
  count: number;
  first?: number;
  jobs?: number;
  tools?: Tools;
  onResult?: (result: CaseResult, done: number, total: number) => void;
}): Promise<CaseResult[]>;
export function outcomeOf(result: CaseResult): string;
export function describeFailure(result: CaseResult, keepDir?: string): string;
