// Flat ESLint config: TypeScript sources and tests, plus the Node scripts.
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");

/** Every one of Microsoft's Office.js rules (load before read, sync before read, no sync in a loop...), as errors. */
const officeAddinsRules = Object.fromEntries(Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, "error"]));

module.exports = tseslint.config(
  { ignores: ["dist/**", "lib/**", "node_modules/**", "test-output/**", "coverage/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Microsoft's Office.js rules where Office.js is used: the adapters and the task pane. Only
    // the plugin's rules: its "recommended" preset would also bring Prettier and other style rules.
    files: ["src/host/**/*.ts", "src/taskpane/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: officeAddinsRules,
  },
  {
    // The engine is pure: no host, DOM or I/O modules.
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["fs", "path", "exceljs", "office-*", "../host/*", "../taskpane/*", "../cli/*"] }],
      "no-restricted-globals": ["error", "document", "window", "Office", "Excel", "fetch", "process"],
    },
  },
);
