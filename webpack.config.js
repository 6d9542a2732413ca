/* eslint-disable @typescript-eslint/no-require-imports */
// Builds the add-in (task pane + custom functions in one shared runtime page) and the
// standalone page. The add-in bundles never include ExcelJS; only the standalone page does.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
// Production base URL of the hosted add-in, e.g. CCHC_BASE_URL=https://cchc.example.gov.vn/
const urlProd = ensureSlash(process.env.CCHC_BASE_URL || "https://localhost:3000/");

function ensureSlash(url) {
  return url.endsWith("/") ? url : url + "/";
}

/**
 * A production build without CCHC_BASE_URL still succeeds (npm test builds that way), but a
 * manifest pointing at localhost must never reach users unnoticed: say so loudly on stderr.
 */
function warnWithoutBaseUrl() {
  const rule = "=".repeat(78);
  process.stderr.write(
    [
      rule,
      "CẢNH BÁO: chưa đặt CCHC_BASE_URL. dist/manifest.xml vẫn trỏ tới " + urlDev + ",",
      "chỉ dùng được trên máy phát triển, KHÔNG được phân phối cho người dùng. Để triển khai:",
      "  CCHC_BASE_URL=https://ten-may-chu.gov.vn/ npm run build",
      "WARNING: CCHC_BASE_URL is not set: dist/manifest.xml still points at " + urlDev,
      "(development only; do not distribute it). To deploy: CCHC_BASE_URL=https://your.host/ npm run build",
      rule,
      "",
    ].join("\n"),
  );
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  if (!dev && !process.env.CCHC_BASE_URL) warnWithoutBaseUrl();
  const config = {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      functions: "./src/functions/functions.ts",
      standalone: "./src/standalone/page.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Chunks loaded on demand (the Word draft's .docx code), from the pages' own origin.
      chunkFilename: "[name].chunk.js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // ES modules for webpack (tsconfig's CommonJS would turn import() into require() and
          // defeat the on-demand chunk of the Word draft).
          use: { loader: "ts-loader", options: { configFile: "tsconfig.json", onlyCompileBundledFiles: true, compilerOptions: { module: "es2020" } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new (require("./scripts/functions-metadata").FunctionsMetadataPlugin)({ output: "functions.json" }),
      // One page loads the task pane and the functions: the shared runtime.
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new HtmlWebpackPlugin({
        filename: "standalone.html",
        template: "./src/standalone/standalone.html",
        chunks: ["standalone"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          // The task pane's style sheet, a file of its own (the CSP allows no inline styles).
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return dev ? content : content.toString().replace(new RegExp(urlDev, "g"), urlProd);
            },
          },
          // office.js from the project's own dependency, never from the internet.
          {
            from: "node_modules/@microsoft/office-js/dist",
            to: "office-js",
            globOptions: { ignore: ["**/*.debug.js"] },
            // Already minified by Microsoft; re-minifying its 34 MB took ~100 s of every build.
            info: { minimized: true },
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Cache-Control": "no-store" },
      // Certificates are only made when serving, never for a build.
      server: env && env.WEBPACK_SERVE ? { type: "https", options: await httpsOptions() } : undefined,
      port: Number(process.env.CCHC_PORT || 3000),
    },
  };
  return config;
};

/** Certificates from office-addin-dev-certs; see scripts/certs.js (works without sudo). */
async function httpsOptions() {
  const { getHttpsOptions } = require("./scripts/certs");
  return getHttpsOptions();
}
