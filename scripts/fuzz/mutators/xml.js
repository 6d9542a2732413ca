// XML-level mutators: one part's markup changed, the package re-zipped with true CRCs. Hostile
// structure (huge column spans, whole-sheet dimensions, entity bombs, deep nesting), impossible
// values (Infinity, NaN, an invalid UTF-8 byte), broken references and one valid oddity (every
// SpreadsheetML element with a namespace prefix), which must be read like the original.
const { readParts, zipParts, worksheetNames, editPart } = require("../package");

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Applies `edit` to one worksheet part (the first, or a random one) and returns the mutated package. */
async function onSheet(rng, seed, edit) {
  const parts = await readParts(seed);
  const sheets = worksheetNames(parts);
  const name = rng.chance(0.7) ? sheets[0] : rng.pick(sheets);
  let note = "";
  const out = editPart(parts, name, (xml) => {
    const r = edit(xml);
    note = r.note;
    return r.xml;
  });
  return { bytes: zipParts(out), part: name, note };
}

async function onPart(seed, name, edit) {
  const parts = await readParts(seed);
  let note = "";
  const out = editPart(parts, name, (xml) => {
    const r = edit(xml);
    note = r.note;
    return r.xml;
  });
  return { bytes: zipParts(out), part: name, note };
}

/** Inserts `markup` right before <sheetData>. */
const beforeSheetData = (xml, markup) => xml.replace(/<cols>[\s\S]*?<\/cols>/, "").replace("<sheetData", `${markup}<sheetData`);

/** Adds merge references after </sheetData> (or inside existing <mergeCells>). */
function addMerges(xml, refs) {
  const cells = refs.map((r) => `<mergeCell ref="${r}"/>`).join("");
  if (/<mergeCells[^>]*>/.test(xml)) return xml.replace(/<mergeCells[^>]*>/, (m) => `${m}${cells}`);
  return xml.replace(/<\/sheetData>|<sheetData\/>/, (m) => `${m}<mergeCells count="${refs.length}">${cells}</mergeCells>`);
}

function sheetMutator(name, make, extra = {}) {
  return {
    name,
    async build(rng, seed) {
      const r = await onSheet(rng, seed, (xml) => make(rng, xml));
      return { bytes: r.bytes, detail: `${r.note} in ${r.part}`, ...(typeof extra === "function" ? extra(r) : extra) };
    },
  };
}

const xmlMutators = [
  sheetMutator("xml.cols-huge", (rng, xml) => {
    const max = rng.pick([99999999, 2147483647, 16384 * 2]);
    return { xml: beforeSheetData(xml, `<cols><col min="1" max="${max}" width="9"/></cols>`), note: `<cols><col min="1" max="${max}" width="9"/></cols> before <sheetData>` };
  }),
  sheetMutator("xml.dimension-whole-sheet", (rng, xml) => {
    const ref = rng.pick(["A1:XFD1048576", "A1:XFD99999999", "XFD1048576"]);
    const tag = `<dimension ref="${ref}"/>`;
    const out = /<dimension[^>]*\/>/.test(xml) ? xml.replace(/<dimension[^>]*\/>/, tag) : xml.replace(/(<worksheet[^>]*>)/, `$1${tag}`);
    return { xml: out, note: tag };
  }),
  sheetMutator("xml.huge-spans", (rng, xml) => {
    const spans = rng.pick(["1:16384", "1:99999999", "99999999:1", "1:-5"]);
    return { xml: xml.replace(/spans="[^"]*"/g, `spans="${spans}"`), note: `every row spans="${spans}"` };
  }),
  sheetMutator("xml.merge-whole-columns", (rng, xml) => {
    const refs = rng.pick([["A1:A1048576"], ["A:C"], ["B1:XFD1048576"], ["A1:XFD1048576"], ["1:1048576"]]);
    return { xml: addMerges(xml, refs), note: `merged ${refs.join(", ")}` };
  }),
  sheetMutator("xml.merge-overlap", (rng, xml) => {
    const refs = rng.pick([["A1:C3", "B2:D4"], ["A5:B6", "A5:B6"], ["B3:B9", "A8:C8"], ["C4:E20", "D10:D11"]]);
    return { xml: addMerges(xml, refs), note: `overlapping merges ${refs.join(" and ")}` };
  }),
  sheetMutator(
    "xml.bad-number",
    (rng, xml) => {
      const value = rng.pick(["Infinity", "-Infinity", "NaN", "1e999", "-1e999", "0x1F", "1,5", ""]);
      const cells = [...xml.matchAll(/<c r="([A-Z]+\d+)"(?: s="\d+")?><v>[^<]*<\/v><\/c>/g)];
      if (cells.length === 0) return { xml, note: "no numeric cell" };
      const target = rng.pick(cells);
      return { xml: xml.replace(target[0], target[0].replace(/<v>[^<]*<\/v>/, `<v>${value}</v>`)), note: `<v>${value}</v> in ${target[1]}` };
    },
    (r) => ({ damagedPart: r.part }),
  ),
  sheetMutator(
    "xml.shared-string-out-of-range",
    (rng, xml) => {
      const index = rng.pick(["99999", "-1", "4294967296", "1.5", "abc"]);
      const cells = [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*t="s"[^>]*><v>\d+<\/v><\/c>/g)];
      if (cells.length === 0) return { xml, note: "no shared-string cell" };
      const target = rng.pick(cells);
      return { xml: xml.replace(target[0], target[0].replace(/<v>\d+<\/v>/, `<v>${index}</v>`)), note: `shared-string index ${index} in ${target[1]}` };
    },
    (r) => ({ damagedPart: r.part }),
  ),
  {
    name: "xml.invalid-utf8-byte",
    async build(rng, seed) {
      const parts = await readParts(seed);
      const name = parts.some(([n]) => n === "xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : worksheetNames(parts)[0];
      const text = parts.find(([n]) => n === name)[1];
      const starts = [];
      for (let i = text.indexOf("<t"); i >= 0; i = text.indexOf("<t", i + 1)) if (text[i + 2] === 0x3e || text[i + 2] === 0x20) starts.push(text.indexOf(">", i) + 1);
      const at = rng.pick(starts);
      const byte = rng.pick([0xff, 0xfe, 0xc0, 0x80]);
      const out = parts.map(([n, c]) => [n, n === name ? Buffer.concat([c.subarray(0, at), Buffer.from([byte]), c.subarray(at)]) : c]);
      return { bytes: zipParts(out), detail: `byte 0x${byte.toString(16)} inserted at ${at} of ${name} (inside a string)`, damagedPart: name, expectExit: [2] };
    },
  },
  {
    name: "xml.sheet-name",
    async build(rng, seed) {
      const bad = rng.pick(["History", "history", "A".repeat(32), "Bảng điểm chỉ số cải cách hành chính năm 2023", "a/b", "x[1]", "'Quote", "", "Sheet?"]);
      const r = await onPart(seed, "xl/workbook.xml", (xml) => ({ xml: xml.replace(/(<sheet [^>]*name=")[^"]*"/, `$1${bad.replace(/'/g, "&apos;")}"`), note: `first sheet renamed "${bad}"` }));
      return { bytes: r.bytes, detail: `${r.note} (${bad.length} characters) in xl/workbook.xml` };
    },
  },
  {
    name: "xml.sheets-empty",
    async build(rng, seed) {
      const r = await onPart(seed, "xl/workbook.xml", (xml) => ({ xml: xml.replace(/<sheets>[\s\S]*?<\/sheets>/, "<sheets/>"), note: "<sheets/>" }));
      return { bytes: r.bytes, detail: `${r.note} in xl/workbook.xml` };
    },
  },
  {
    name: "xml.entity-bomb",
    async build(rng, seed) {
      const parts = await readParts(seed);
      const name = rng.pick(["xl/sharedStrings.xml", worksheetNames(parts)[0], "xl/workbook.xml"]);
      const levels = rng.range(6, 10);
      let dtd = `<!ENTITY e0 "ZQZQZQZQZQ">`;
      for (let i = 1; i <= levels; i++) dtd += `<!ENTITY e${i} "${`&e${i - 1};`.repeat(10)}">`;
      const doctype = `<!DOCTYPE x [${dtd}]>`;
      const out = editPart(parts, name, (xml) => {
        let body = xml.replace(/^(<\?xml[^>]*\?>)/, `$1${doctype}`);
        // A reference where text is read: a shared string, else an inline string cell.
        if (/<t>|<t xml:space="preserve">/.test(body)) body = body.replace(/(<t(?: xml:space="preserve")?>)/, `$1&e${levels};`);
        else body = body.replace(/<sheetData>/, `<sheetData><row r="1048000"><c r="A1048000" t="inlineStr"><is><t>&e${levels};</t></is></c></row>`);
        return body;
      });
      return { bytes: zipParts(out), detail: `${levels}-level entity bomb (10^${levels} expansions) declared and referenced in ${name}`, forbiddenText: "ZQZQZQZQZQ" };
    },
  },
  sheetMutator("xml.deep-nesting", (rng, xml) => {
    const depth = rng.pick([1000, 20000, 200000]);
    const where = rng.pick(["in a cell", "after sheetData"]);
    const nest = `${"<x>".repeat(depth)}${"</x>".repeat(depth)}`;
    const out =
      where === "in a cell"
        ? xml.replace(/<c r="([A-Z]+\d+)"([^>]*)><v>/, `<c r="$1"$2>${nest}<v>`)
        : xml.replace(/<\/sheetData>|<sheetData\/>/, (m) => `${m}${nest}`);
    return { xml: out, note: `${depth} nested <x> elements ${where}` };
  }),
  sheetMutator("xml.attribute-soup", (rng, xml) => {
    const kind = rng.pick(["many", "duplicate", "unquoted", "huge-value"]);
    let attrs;
    if (kind === "many") attrs = Array.from({ length: 5000 }, (_, i) => ` a${i}="${i}"`).join("");
    else if (kind === "duplicate") attrs = ` r="A1" r="B2" t="n" t="s"`;
    else if (kind === "unquoted") attrs = ` s=1 t=n`;
    else attrs = ` s="${"9".repeat(100000)}"`;
    const cells = [...xml.matchAll(/<c r="[A-Z]+\d+"/g)];
    const target = rng.pick(cells)[0];
    return { xml: xml.replace(target, `${target}${attrs}`), note: `attribute soup (${kind}) on ${target.slice(3)}` };
  }),
  {
    name: "xml.namespace-prefix",
    async build(rng, seed) {
      const parts = await readParts(seed);
      const candidates = [...worksheetNames(parts), "xl/workbook.xml", "xl/sharedStrings.xml", "xl/styles.xml"];
      const chosen = rng.chance(0.5) ? candidates : [rng.pick(candidates)];
      const prefix = rng.pick(["x", "s", "main"]);
      let out = parts;
      const done = [];
      for (const name of chosen) {
        const entry = out.find(([n]) => n === name);
        if (!entry) continue;
        const xml = entry[1].toString("utf8");
        // Only parts whose single default namespace is SpreadsheetML's: then every unprefixed element is in it.
        if ((xml.match(/xmlns="/g) || []).length !== 1 || !xml.includes(`xmlns="${MAIN_NS}"`)) continue;
        out = editPart(out, name, (text) =>
          text.replace(`xmlns="${MAIN_NS}"`, `xmlns:${prefix}="${MAIN_NS}"`).replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, `<$1${prefix}:$2`),
        );
        done.push(name);
      }
      // A valid package: it must be read like the original, not refused.
      return { bytes: zipParts(out), detail: `prefix ${prefix}: on every SpreadsheetML element of ${done.join(", ")}`, expectExit: [0, 1], sameAsSeed: true };
    },
  },
];

module.exports = { xmlMutators };
