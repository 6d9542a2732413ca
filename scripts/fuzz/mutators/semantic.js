// Semantic mutators: the fixtures' grids changed the way clerks and other tools change them, then
// written with ExcelJS. Valid variants (header spellings, numbers as text with a decimal comma,
// codes Excel turned into numbers) must read like the seed; faults (a declared maximum of 0 or
// below, a unit row without a name) must be reported, not silently mended or dropped.
const { gridSeeds, workbookBytes } = require("../seeds");
const { sameFigures, moreErrors, noUnitVanished } = require("../judge");

const stripMarks = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
const headerRowOf = (grid) => grid.values.findIndex((row) => row.some((v) => typeof v === "string" && /^(STT|TT)$/i.test(v.trim())));
const comma = (x) => String(x).replace(".", ",");

/** A grid seed chosen at random, deep-copied so it can be changed. */
function pickGrids(rng, names) {
  const seedName = rng.pick(names);
  const grids = gridSeeds()[seedName].map((g) => ({ name: g.name, values: g.values.map((row) => [...row]) }));
  return { seedName, grids };
}

const semanticMutators = [
  {
    name: "semantic.header-variant",
    async build(rng) {
      const { seedName, grids } = pickGrids(rng, ["district", "units"]);
      const grid = rng.pick(grids);
      const h = headerRowOf(grid);
      const how = rng.pick(["upper", "lower", "no-diacritics", "extra-spaces"]);
      const change = { upper: (s) => s.toUpperCase(), lower: (s) => s.toLowerCase(), "no-diacritics": stripMarks, "extra-spaces": (s) => `  ${s.replace(/ /g, "  ")} ` }[how];
      grid.values[h] = grid.values[h].map((v) => (typeof v === "string" ? change(v) : v));
      return { bytes: await workbookBytes(grids), detail: `header row ${h + 1} of "${grid.name}" written ${how}`, baselineSeed: seedName, judge: sameFigures };
    },
  },
  {
    name: "semantic.header-garbage",
    async build(rng) {
      const { seedName, grids } = pickGrids(rng, ["district", "units"]);
      const grid = rng.pick(grids);
      const h = headerRowOf(grid);
      const row = grid.values[h];
      const how = rng.pick(["swap", "blank", "duplicate", "words-shuffled", "noise"]);
      const i = rng.int(row.length);
      const j = rng.int(row.length);
      if (how === "swap") [row[i], row[j]] = [row[j], row[i]];
      else if (how === "blank") row[i] = null;
      else if (how === "duplicate") row[i] = row[j];
      else if (how === "words-shuffled") row[i] = typeof row[i] === "string" ? rng.shuffle(row[i].split(" ")).join(" ") : row[i];
      else row[i] = `${row[i] ?? ""} ${rng.pick(["(đơn vị: điểm)", "#REF!", "\u202e", "tối đa", "Tổng"])}`;
      return { bytes: await workbookBytes(grids), detail: `header of "${grid.name}" (row ${h + 1}): ${how} at columns ${i + 1}/${j + 1}`, baselineSeed: seedName };
    },
  },
  {
    name: "semantic.max-not-positive",
    async build(rng) {
      const { grids } = pickGrids(rng, ["units"]);
      const value = rng.pick(["0", "-38,5", "-0", "0,0", "-61,5"]);
      if (rng.chance(0.6)) {
        // Layout A: the maximum written in a header, "Điểm thẩm định (tối đa 61,5)".
        const grid = grids.find((g) => g.name === "Kết quả 2023");
        const col = rng.pick([3, 4]);
        const h = headerRowOf(grid);
        grid.values[h][col] = String(grid.values[h][col]).replace(/\(tối đa [^)]*\)/, `(tối đa ${value})`);
        return { bytes: await workbookBytes(grids), detail: `header ${String.fromCharCode(65 + col)}${h + 1} of "${grid.name}" declares (tối đa ${value})`, baselineSeed: "units", judge: moreErrors(grid.name, `a declared maximum of ${value}`) };
      }
      // The communes' table: one unit's maximum column set to 0 or below.
      const grid = grids.find((g) => g.name === "Xếp loại xã");
      const r = rng.range(2, grid.values.length - 1);
      grid.values[r][4] = Number(value.replace(",", "."));
      return { bytes: await workbookBytes(grids), detail: `E${r + 1} of "${grid.name}" (the unit's maximum) set to ${value}`, baselineSeed: "units", judge: moreErrors(grid.name, `a maximum of ${value}`) };
    },
  },
  {
    name: "semantic.blank-unit-name",
    async build(rng) {
      const { grids } = pickGrids(rng, ["units"]);
      const grid = rng.pick(grids);
      const rows = grid.values.map((row, r) => (typeof row[0] === "number" ? r : -1)).filter((r) => r >= 0);
      const r = rng.pick(rows);
      const blank = rng.pick([null, "", "   ", "\u00a0"]);
      grid.values[r][1] = blank;
      return { bytes: await workbookBytes(grids), detail: `unit name B${r + 1} of "${grid.name}" set to ${JSON.stringify(blank)} (scores kept)`, baselineSeed: "units", judge: noUnitVanished(grid.name, `a unit row without a name (row ${r + 1})`) };
    },
  },
  {
    name: "semantic.numbers-as-text",
    async build(rng) {
      const { seedName, grids } = pickGrids(rng, ["district", "units"]);
      const p = rng.pick([0.3, 1]);
      let n = 0;
      for (const grid of grids) {
        const h = headerRowOf(grid);
        grid.values.forEach((row, r) => {
          if (r <= h) return;
          row.forEach((v, c) => {
            // Points only: column A holds codes and ordinals.
            if (c > 0 && typeof v === "number" && !Number.isInteger(v) && rng.chance(p)) {
              row[c] = comma(v);
              n++;
            }
          });
        });
      }
      return { bytes: await workbookBytes(grids), detail: `${n} decimal numbers written as text with a decimal comma (p=${p})`, baselineSeed: seedName, judge: sameFigures };
    },
  },
  {
    name: "semantic.codes-as-numbers",
    async build(rng) {
      const { grids } = pickGrids(rng, ["district"]);
      const grid = grids[0];
      const p = rng.pick([0.3, 1]);
      let n = 0;
      for (const row of grid.values) {
        const code = row[0];
        // Only codes a number keeps intact ("1.10" would read back as 1.1).
        if (typeof code === "string" && /^\d+(\.\d+)?$/.test(code) && !/\.\d*0$/.test(code) && rng.chance(p)) {
          row[0] = Number(code);
          n++;
        }
      }
      return { bytes: await workbookBytes(grids), detail: `${n} codes of "${grid.name}" written as numbers (p=${p})`, baselineSeed: "district", judge: sameFigures };
    },
  },
];

module.exports = { semanticMutators };
