// `npm run bench`: runs every benchmark in scripts/bench/ in name order and prints its figures.
// Each file exports `async function run()` that prints its own table.
const fs = require("fs");
const path = require("path");

async function main() {
  const dir = path.join(__dirname, "bench");
  const only = process.argv[2];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".js") && (!only || f.includes(only))).sort();
  for (const file of files) {
    console.log(`\n## ${file.replace(/\.js$/, "")}`);
    await require(path.join(dir, file)).run();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
