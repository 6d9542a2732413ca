// Post-processes the functions.json that custom-functions-metadata-plugin generates from the
// JSDoc: the JSDoc cannot say allowErrorForDataTypeAny, so this step adds it from the table of
// arguments that take Excel errors (src/functions/errorArguments.json, which the functions and
// `cchc eval` read too). Microsoft's metadata reference: the option is a top-level property and
// reaches every parameter of type `any`; the functions apply the per-argument table themselves.
const { Compilation, WebpackError, sources } = require("webpack");
const ERROR_ARGUMENTS = require("../src/functions/errorArguments.json");

const NAME = "CchcFunctionsMetadataPlugin";

/**
 * Sets `allowErrorForDataTypeAny` on `metadata` (true when some function takes errors) and
 * returns the table's drift from the metadata: unknown functions, parameters not found at the
 * given position, or not of type `any` (the only type the option reaches).
 */
function applyErrorArguments(metadata, table) {
  const problems = [];
  const byId = new Map((metadata.functions || []).map((f) => [f.id, f]));
  let takesErrors = false;
  for (const [id, params] of Object.entries(table)) {
    if (id.startsWith("//")) continue;
    const fn = byId.get(id);
    if (!fn) {
      problems.push(`errorArguments.json names ${id}, which functions.json does not define`);
      continue;
    }
    for (const [name, position] of Object.entries(params)) {
      const param = fn.parameters[position];
      if (!param || param.name !== name) {
        problems.push(`errorArguments.json: ${id} has no parameter "${name}" at position ${position}`);
      } else if ((param.type || "any") !== "any") {
        problems.push(`errorArguments.json: ${id}.${name} is of type ${param.type}; Excel passes errors only to type any`);
      } else {
        takesErrors = true;
      }
    }
  }
  if (takesErrors) metadata.allowErrorForDataTypeAny = true;
  else delete metadata.allowErrorForDataTypeAny;
  return problems;
}

class FunctionsMetadataPlugin {
  constructor(options = {}) {
    this.output = options.output || "functions.json";
    this.table = options.table || ERROR_ARGUMENTS;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(this.output);
        if (!asset) {
          compilation.errors.push(new WebpackError(`${NAME}: ${this.output} was not generated`));
          return;
        }
        const metadata = JSON.parse(asset.source.source().toString());
        for (const problem of applyErrorArguments(metadata, this.table)) compilation.errors.push(new WebpackError(`${NAME}: ${problem}`));
        compilation.updateAsset(this.output, new sources.RawSource(JSON.stringify(metadata, null, 4)));
      });
    });
  }
}

module.exports = { FunctionsMetadataPlugin, applyErrorArguments };
