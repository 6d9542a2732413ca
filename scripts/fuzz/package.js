// Reading a seed package into its parts and writing parts back as a zip with true CRCs and
// sizes (through scripts/bench/support/rawZip.js), for the zip-, XML- and semantic-level mutators.
const { deflated, unzipParts, writeZip } = require("../bench/support/rawZip");

/** The package's parts in member order, as [name, Buffer] pairs. */
async function readParts(bytes) {
  return [...(await unzipParts(bytes))];
}

/** A zip of these [name, content] pairs (names may repeat: the writer keeps every pair). */
function zipParts(parts) {
  return writeZip(parts.map(([name, content]) => deflated(name, content)));
}

/** The worksheet parts, in member order. */
function worksheetNames(parts) {
  return parts.map(([name]) => name).filter((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name));
}

/** A copy of the parts with one part's content replaced by what `edit` returns for its text. */
function editPart(parts, name, edit) {
  return parts.map(([n, content]) => (n === name ? [n, Buffer.from(edit(content.toString("utf8")), "utf8")] : [n, content]));
}

module.exports = { readParts, zipParts, worksheetNames, editPart };
