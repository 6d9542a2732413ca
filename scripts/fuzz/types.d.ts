// Shared types of the fuzz scripts (plain Node JS), for the TypeScript test that drives them.

export interface CaseFile {
  path: string;
  bytes: Buffer;
}

export interface FuzzCase {
  seed: number;
  caseNo: number;
  mutator: string;
  family: string;
  detail: string;
  files: CaseFile[];
  dirs: string[];
  symlinks: { path: string; target: string }[];
  argv: string[];
  inputs: string[];
  out: string | null;
  expectExit?: number[];
  damagedPart?: string;
  forbiddenText?: string;
  baselineSeed?: string;
}

export interface CaseRun {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  memoryKilled?: boolean;
  stdout: Buffer;
  stderr: Buffer;
  wallMs: number;
  maxRssKb: number | null;
  inputsChanged: string[];
  outExists: boolean;
  outIsFile: boolean;
  leftovers: string[];
  validation: { newErrors: string[]; preExistingErrors: string[]; lines: string[] } | null;
  json: unknown;
  judgeMessage: string | null;
}

export interface Violation {
  kind: string;
  message: string;
}

export interface CaseResult {
  spec: FuzzCase;
  run: CaseRun;
  violations: Violation[];
  dir: string;
}

export interface Tools {
  time: boolean;
  lxml: boolean;
}
