// The three independent readers every manifest must pass: libxml2 (xmllint, well-formedness
// and Microsoft's schemas in test/schemas), Microsoft's own office-addin-manifest reader (what
// the Office tools use to read a manifest), and the project's structural reader
// (fast-xml-parser, which the structural tests in manifest.test.ts work on).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface Verdict {
  ok: boolean;
  /** The reader's own words when it rejects (empty when it accepts). */
  detail: string;
}

const ROOT = path.resolve(__dirname, "..", "..");
export const SCHEMA = path.join(ROOT, "test", "schemas", "OfficeAppManifestV1_1.xsd");
const XMLLINT = "xmllint";

/** Whether xmllint runs here. On CI its absence is a failure, never a skip (callers throw). */
export function xmllintAvailable(): boolean {
  return spawnSync(XMLLINT, ["--version"], { encoding: "utf8" }).status === 0;
}

/** libxml2: well-formed XML, valid against OfficeAppManifestV1_1.xsd (never fetches anything). */
export function readWithLibxml2(file: string): Verdict {
  const run = spawnSync(XMLLINT, ["--noout", "--nonet", "--schema", SCHEMA, file], { encoding: "utf8" });
  if (run.error) throw run.error;
  // xmllint says "<file> validates" on stderr when it accepts.
  const ok = run.status === 0 && run.stderr.includes(" validates");
  return { ok, detail: ok ? "" : `${run.stderr}${run.stdout}`.trim() };
}

/**
 * Microsoft's office-addin-manifest: OfficeAddinManifest.readManifestFile, as the Office tools
 * call it. Run in a child Node process: the package loads ESM-only dependencies that Jest's
 * module system refuses (and jest.config.js maps its main entry to officeApp.js).
 */
const READ_MANIFEST = `
const { OfficeAddinManifest } = require("office-addin-manifest");
OfficeAddinManifest.readManifestFile(process.argv[1]).then(
  (info) => process.stdout.write(JSON.stringify({ info })),
  (err) => process.stdout.write(JSON.stringify({ error: err instanceof Error ? err.message : String(err) })),
);`;

export function readWithOfficeAddinManifest(file: string): Verdict {
  const run = spawnSync(process.execPath, ["-e", READ_MANIFEST, file], { cwd: ROOT, encoding: "utf8" });
  if (run.status !== 0) return { ok: false, detail: `node exited with ${run.status}: ${run.stderr}` };
  const result = JSON.parse(run.stdout) as { info?: { id?: string; officeAppType?: string }; error?: string };
  if (result.error !== undefined) return { ok: false, detail: result.error };
  // It must have read this add-in, not an empty shell.
  if (!result.info?.id || result.info.officeAppType !== "TaskPaneApp") return { ok: false, detail: `read without an id or app type: ${run.stdout}` };
  return { ok: true, detail: "" };
}

/** Every comment's text, as fast-xml-parser reads it. */
function commentsOf(xml: string): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "#comment") found.push(...(Array.isArray(value) ? value : [value]).map((c) => String((c as { "#text"?: unknown })["#text"] ?? c)));
        else walk(value);
      }
    }
  };
  walk(new XMLParser({ commentPropName: "#comment", preserveOrder: true }).parse(xml));
  return found;
}

/**
 * The structural reader's well-formedness check: fast-xml-parser's validator, plus the rule it
 * does not enforce (XML 1.0 §2.5): a comment contains no "--" and does not end with "-".
 */
export function readStructurally(xml: string): Verdict {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { ok: false, detail: `${valid.err.code}: ${valid.err.msg} (line ${valid.err.line})` };
  const bad = commentsOf(xml).filter((c) => c.includes("--") || c.endsWith("-"));
  if (bad.length > 0) return { ok: false, detail: `comment contains "--": ${bad[0].trim().slice(0, 80)}` };
  return { ok: true, detail: "" };
}

export type ReaderName = "libxml2" | "officeAddinManifest" | "structural";

/** The readers' verdicts on one file: "accepted", or the reader's reason for rejecting it. */
export function verdictsOn(file: string, readers: readonly ReaderName[]): Partial<Record<ReaderName, string>> {
  const verdicts: Partial<Record<ReaderName, string>> = {};
  const say = (v: Verdict) => (v.ok ? "accepted" : v.detail);
  for (const reader of readers) {
    if (reader === "libxml2") verdicts.libxml2 = say(readWithLibxml2(file));
    if (reader === "officeAddinManifest") verdicts.officeAddinManifest = say(readWithOfficeAddinManifest(file));
    if (reader === "structural") verdicts.structural = say(readStructurally(fs.readFileSync(file, "utf8")));
  }
  return verdicts;
}
