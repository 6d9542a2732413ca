// Runs the project's production webpack configuration, limited to the functions entry (the
// other entries belong to other parts and are tested there), into a temporary folder.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");

export interface BuildResult {
  outDir: string;
  status: number | null;
  output: string;
  /** What the build wrote on stderr alone (where the configuration's warnings go). */
  stderr: string;
}

/** `env` is added to this process's environment; a key set to undefined is removed from it. */
export function buildFunctionsOnly(env: Record<string, string | undefined>): BuildResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-build-"));
  const configFile = path.join(dir, "webpack.functions.js");
  const outDir = path.join(dir, "out");
  fs.writeFileSync(
    configFile,
    `const base = require(${JSON.stringify(path.join(ROOT, "webpack.config.js"))});
module.exports = async (env, options) => {
  const config = await base(env, options);
  config.entry = { functions: config.entry.functions };
  config.plugins = config.plugins.filter((p) => p.constructor.name !== "HtmlWebpackPlugin");
  // Types are checked by tsc; the loader only has to transpile here.
  config.module.rules[0].use.options.transpileOnly = true;
  return config;
};
`,
  );
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const run = spawnSync(
    process.execPath,
    [cli, "--config", configFile, "--mode", "production", "--output-path", outDir],
    { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8", timeout: 240_000 },
  );
  return { outDir, status: run.status, output: `${run.stdout}\n${run.stderr}`, stderr: run.stderr };
}
