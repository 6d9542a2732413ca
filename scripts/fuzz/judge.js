// Oracles that compare what `check --json` said about a mutated workbook with what it said about
// the seed it came from: the same figures (a valid variant must read the same) or one more finding
// (a fault in the data must be reported, not silently mended).

/** Per sheet: its kind and the figures that matter (totals of a scoring sheet, each unit's index). */
function digest(json) {
  const out = {};
  for (const file of json.files || []) {
    for (const s of file.sheets || []) {
      const round = (x) => (typeof x === "number" ? Math.round(x * 1000) / 1000 : x);
      const totals = s.totals ? ["self", "appraised"].map((k) => (s.totals[k] ? `${round(s.totals[k].achieved)}/${round(s.totals[k].max)}` : "-")).join(" ") : "";
      const ranking = (s.ranking || []).map((u) => `${u.unit}=${round(u.index)}`).join("; ");
      out[s.sheet] = `${s.kind} ${totals} ${ranking}`.trim();
    }
  }
  return out;
}

/** Null when the mutated workbook reads like the seed, else what differs. */
function sameFigures(json, baseline) {
  const a = digest(baseline);
  const b = digest(json);
  const diffs = [];
  for (const sheet of Object.keys(a)) if (a[sheet] !== b[sheet]) diffs.push(`sheet "${sheet}": seed read ${JSON.stringify(a[sheet]).slice(0, 160)}, mutated read ${JSON.stringify(b[sheet] ?? "nothing").slice(0, 160)}`);
  return diffs.length ? `a valid variant read differently from its seed: ${diffs.join(" | ")}` : null;
}

function sheetOf(json, name) {
  for (const file of json.files || []) for (const s of file.sheets || []) if (s.sheet === name) return s;
  return null;
}

const errorsOf = (sheet) => (sheet ? (sheet.findings || []).filter((f) => f.severity === "error") : []);

/**
 * Null when the sheet has more error findings than in the seed (the fault was reported as an
 * error: a maximum of 0 or below leaves no index to compute), else what was said instead.
 */
function moreErrors(sheet, what) {
  return (json, baseline) => {
    const before = sheetOf(baseline, sheet);
    const after = sheetOf(json, sheet);
    if (!after) return `sheet "${sheet}" missing from the output after ${what}`;
    const n0 = errorsOf(before).length;
    const n1 = errorsOf(after).length;
    if (n1 > n0) return null;
    const said = (after.findings || []).map((f) => `${f.severity} ${f.cell || ""} ${f.rule || ""}`.trim()).join(", ");
    return `${what} was not reported as an error on "${sheet}" (findings: ${said || "none"})`;
  };
}

/** Null when no unit vanished from the sheet's ranking or a new finding says why, else what vanished. */
function noUnitVanished(sheet, what) {
  return (json, baseline) => {
    const before = sheetOf(baseline, sheet);
    const after = sheetOf(json, sheet);
    if (!after) return `sheet "${sheet}" missing from the output after ${what}`;
    const r0 = before && before.ranking ? before.ranking.length : 0;
    const r1 = after.ranking ? after.ranking.length : 0;
    const f0 = before ? (before.findings || []).length : 0;
    const f1 = (after.findings || []).length;
    return r1 >= r0 || f1 > f0 ? null : `${what}: ${r0 - r1} unit(s) vanished from the ranking of "${sheet}" with no finding`;
  };
}

module.exports = { digest, sameFigures, moreErrors, noUnitVanished };
