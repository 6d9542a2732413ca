// Zip-level mutators: the package re-zipped with true CRCs around a structural fault: a member
// twice, a part missing or empty, a declared size that lies. A reader cannot blame a bad CRC.
const { deflated, writeZip } = require("../../bench/support/rawZip");
const { readParts, zipParts, worksheetNames } = require("../package");

const zipMutators = [
  {
    name: "zip.duplicate-member",
    async build(rng, seed) {
      const parts = await readParts(seed);
      const sheets = worksheetNames(parts);
      const name = rng.pick([sheets[0], sheets[0], "xl/workbook.xml", "xl/sharedStrings.xml", "[Content_Types].xml"]);
      const original = parts.find(([n]) => n === name);
      if (!original) return null;
      // The second copy differs from the first (another sheet's content, or the same with a changed value),
      // so a reader that picks either one silently reads a different workbook.
      const other = parts.find(([n]) => n !== name && sheets.includes(n));
      const second = name.startsWith("xl/worksheets/") && other ? other[1] : Buffer.from(original[1].toString("utf8").replace(/<v>\d+(\.\d+)?<\/v>/, "<v>7777</v>"));
      const first = rng.chance(0.5);
      const out = first ? [[name, second], ...parts] : [...parts, [name, second]];
      return { bytes: zipParts(out), detail: `second member named ${name} ${first ? "before" : "after"} the original`, expectExit: [2] };
    },
  },
  {
    name: "zip.remove-part",
    async build(rng, seed) {
      const parts = await readParts(seed);
      const sheets = worksheetNames(parts);
      const name = rng.pick(["xl/sharedStrings.xml", "xl/sharedStrings.xml", "xl/styles.xml", sheets[0], sheets[sheets.length - 1], "[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"]);
      // Without these the workbook's cells or sheets are gone: it can only be refused. styles.xml is optional.
      const fatal = name !== "xl/styles.xml";
      return { bytes: zipParts(parts.filter(([n]) => n !== name)), detail: `removed ${name}`, expectExit: fatal ? [2] : undefined };
    },
  },
  {
    name: "zip.empty-part",
    async build(rng, seed) {
      const parts = await readParts(seed);
      const name = rng.pick(["docProps/core.xml", "docProps/core.xml", "docProps/app.xml", "xl/theme/theme1.xml", "xl/styles.xml"]);
      // An empty part is not well-formed XML: refuse, or never copy it into a file that Excel must repair.
      return { bytes: zipParts(parts.map(([n, c]) => [n, n === name ? Buffer.alloc(0) : c])), detail: `emptied ${name} (0 bytes)`, damagedPart: name };
    },
  },
  {
    name: "zip.huge-declared-size",
    async build(rng, seed) {
      const parts = await readParts(seed);
      const sheets = worksheetNames(parts);
      const name = rng.pick([sheets[0], "xl/sharedStrings.xml", "docProps/core.xml"]);
      const size = rng.pick([0xffffffff, 0x7fffffff, 0x40000000]);
      const members = parts.map(([n, c]) => {
        const m = deflated(n, c);
        return n === name ? { ...m, uncompressedSize: size } : m;
      });
      return { bytes: writeZip(members), detail: `declared ${name} as ${size} bytes uncompressed (true CRC)`, expectExit: [2] };
    },
  },
];

module.exports = { zipMutators };
