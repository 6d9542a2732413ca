// Argument-level mutators: a good workbook and a hostile command line (an output path that cannot
// be written, the same file reached several ways, escape codes in names and formulas, bad option
// values). Each returns the whole case: files to lay out, the arguments, what must hold.
const fs = require("fs");
const path = require("path");

const ESC = "\x1b";

/** Null when each real file appears at most once among check --json's entries, else which repeat. */
function eachFileOnce(json, _baseline, cwd) {
  const seen = new Map();
  for (const f of json.files || []) {
    let real = f.file;
    try {
      real = fs.realpathSync(path.resolve(cwd, f.file));
    } catch {
      /* an entry for a missing file stays as written */
    }
    seen.set(real, (seen.get(real) || 0) + 1);
  }
  const repeated = [...seen].filter(([, n]) => n > 1).map(([f, n]) => `${path.basename(f)} ×${n}`);
  return repeated.length ? `the same file was checked more than once: ${repeated.join(", ")}` : null;
}

const writeCommand = (rng) => rng.pick([["summary", "out.xlsx"], ["report", "out.docx"]]);

const argMutators = [
  {
    name: "args.output-path",
    build(rng, seeds) {
      const [cmd, ext] = writeCommand(rng);
      const variant = rng.pick(["missing-dir", "dir-as-output", "parent-is-file", "output-is-input", "empty"]);
      const dirs = [];
      let out;
      let extra = [];
      if (variant === "missing-dir") out = `missing/dir/o.${ext.split(".")[1]}`;
      else if (variant === "dir-as-output") {
        out = `somedir.${ext.split(".")[1]}`;
        dirs.push(out);
        extra = ["--force"];
      } else if (variant === "parent-is-file") out = `in.xlsx/o.${ext.split(".")[1]}`;
      else if (variant === "output-is-input") {
        out = "in.xlsx";
        extra = ["--force"];
      } else out = "";
      return {
        files: [{ path: "in.xlsx", bytes: seeds.sample }],
        dirs,
        argv: [cmd, "in.xlsx", "-o", out, ...extra],
        out: variant === "missing-dir" || variant === "parent-is-file" ? out : null,
        detail: `${cmd} -o ${JSON.stringify(out)} ${extra.join(" ")} (${variant})`.trim(),
        expectExit: [2],
      };
    },
  },
  {
    name: "args.same-file-twice",
    build(rng, seeds) {
      const variant = rng.pick(["dir-file-dir", "file-and-symlink", "dir-with-symlink", "dot-slash"]);
      const files = [{ path: "dir/a.xlsx", bytes: seeds.district }];
      const symlinks = [];
      let argv;
      if (variant === "dir-file-dir") argv = ["check", "--json", "dir", "dir/a.xlsx", "dir"];
      else if (variant === "file-and-symlink") {
        symlinks.push({ path: "link.xlsx", target: "dir/a.xlsx" });
        argv = ["check", "--json", "dir/a.xlsx", "link.xlsx"];
      } else if (variant === "dir-with-symlink") {
        symlinks.push({ path: "dir/b.xlsx", target: "a.xlsx" });
        argv = ["check", "--json", "dir"];
      } else argv = ["check", "--json", "dir/a.xlsx", "./dir/../dir/a.xlsx", "dir//a.xlsx"];
      return { files, symlinks, argv, detail: `${argv.join(" ")} (${variant})`, judge: eachFileOnce };
    },
  },
  {
    name: "args.escape-codes",
    build(rng, seeds) {
      const code = rng.pick([`${ESC}[2J`, `${ESC}[31m`, `${ESC}]0;pwned\x07`, `\x9b31m`, `${ESC}c`]);
      const variant = rng.pick(["missing-file", "existing-file", "in-folder", "sheet-option", "output-name", "eval"]);
      const files = [{ path: "in.xlsx", bytes: seeds.sample }];
      let argv;
      if (variant === "missing-file") argv = ["check", code];
      else if (variant === "existing-file") {
        files.push({ path: `${code}.xlsx`, bytes: seeds.district });
        argv = ["check", `${code}.xlsx`];
      } else if (variant === "in-folder") {
        files.push({ path: `dir/${code}.xlsx`, bytes: Buffer.from("not a zip") });
        argv = ["check", "dir"];
      } else if (variant === "sheet-option") argv = ["summary", "in.xlsx", "-o", "out.xlsx", "--sheet", `${code}X`];
      else if (variant === "output-name") argv = ["summary", "in.xlsx", "-o", `missing/${code}.xlsx`];
      else argv = ["eval", rng.pick([`=1${code}`, `=CCHC.RATIO(${code};1;1)`, code, `=CCHC.GRADE("${code}")`])];
      return { files, argv, detail: `escape code ${JSON.stringify(code)} (${variant}): ${JSON.stringify(argv)}` };
    },
  },
  {
    name: "args.bad-options",
    build(rng, seeds) {
      const argv = rng.pick([
        ["check", "in.xlsx", "--max-size", "-1"],
        ["check", "in.xlsx", "--max-size", "abc"],
        ["check", "in.xlsx", "--max-size", "1e999"],
        ["summary", "in.xlsx", "-o", "out.xlsx", "--date", "1899-12-31"],
        ["summary", "in.xlsx", "-o", "out.xlsx", "--date", "2024-13-45"],
        ["summary", "in.xlsx", "-o"],
        ["summary", "in.xlsx"],
        ["check", "in.xlsx", "--unknown-option"],
        ["check", "in.xlsx", "--previous", "missing.xlsx"],
        ["check", "in.xlsx", "--previous", "dir"],
        ["summary", "in.xlsx", "-o", "out.xlsx", "--previous", "dir"],
        ["report", "in.xlsx", "-o", "out.docx", "--previous", "missing.xlsx"],
        ["check", "dir"],
        ["check"],
      ]);
      return {
        files: [{ path: "in.xlsx", bytes: seeds.sample }],
        dirs: ["dir"],
        argv,
        out: argv.includes("-o") && argv[argv.indexOf("-o") + 1] ? argv[argv.indexOf("-o") + 1] : null,
        detail: JSON.stringify(argv),
        expectExit: argv[1] === "dir" && argv[0] === "check" ? undefined : [2],
      };
    },
  },
];

module.exports = { argMutators, eachFileOnce };
