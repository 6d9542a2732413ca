#!/usr/bin/env node
// `npm start`: builds the add-in in development mode and serves it over https on localhost
// (webpack serve, certificates from scripts/certs.js). Where Excel is installed (Windows,
// macOS) it sideloads manifest.xml with office-addin-debugging when that package is present;
// elsewhere (Linux) it says so and points to the standalone page, which runs the same engine on
// .xlsx files in the browser. Stays in the foreground; Ctrl+C or `npm stop` stops the server.
const { spawn } = require("child_process");
const fs = require("fs");
const https = require("https");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const PORT = Number(process.env.CCHC_PORT || 3000);
const BASE = `https://localhost:${PORT}/`;
const PID_FILE = path.join(os.tmpdir(), `cchc-addin-dev-server-${PORT}.pid`);
const READY_TIMEOUT_MS = Number(process.env.CCHC_START_TIMEOUT_MS || 240000);

function say(vi, en) {
  process.stdout.write(`[cchc] ${vi}\n[cchc] ${en}\n`);
}

/** Excel's desktop app, where this platform has one (sensible default locations). */
function findExcel() {
  if (process.platform === "darwin") {
    return fs.existsSync("/Applications/Microsoft Excel.app") ? "/Applications/Microsoft Excel.app" : null;
  }
  if (process.platform === "win32") {
    const roots = [process.env.ProgramFiles, process.env["ProgramFiles(x86)"]].filter(Boolean);
    for (const root of roots) {
      for (const version of ["root\\Office16", "Office16", "root\\Office15", "Office15"]) {
        const exe = path.join(root, "Microsoft Office", version, "EXCEL.EXE");
        if (fs.existsSync(exe)) return exe;
      }
    }
  }
  return null;
}

function hasDebuggingTool() {
  try {
    require.resolve("office-addin-debugging/package.json", { paths: [ROOT] });
    return true;
  } catch {
    return false;
  }
}

/** Resolves once `url` answers 200 (certificate not checked: it may be untrusted here). */
function waitFor(url, child) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`webpack serve exited with code ${child.exitCode}`));
      const req = https.get(url, { rejectUnauthorized: false, timeout: 5000 }, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve();
        else retry();
      });
      req.on("error", retry);
      req.on("timeout", () => req.destroy());
    };
    const retry = () => {
      if (Date.now() - started > READY_TIMEOUT_MS) reject(new Error(`no answer from ${url} after ${READY_TIMEOUT_MS / 1000} s`));
      else setTimeout(attempt, 1000);
    };
    attempt();
  });
}

function killTree(child) {
  if (!child || child.exitCode !== null) return;
  try {
    // The server runs in its own process group: end the group (webpack and its workers).
    if (process.platform === "win32") spawn("taskkill", ["/pid", String(child.pid), "/T", "/F"]);
    else process.kill(-child.pid, "SIGTERM");
  } catch {
    /* already gone */
  }
}

async function main() {
  say(`Đang dựng tiện ích (development) và mở máy chủ https trên cổng ${PORT}…`, `Building the add-in (development) and starting the https server on port ${PORT}…`);
  const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const server = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: ROOT,
    env: { ...process.env, CCHC_PORT: String(PORT) },
    stdio: ["ignore", "inherit", "inherit"],
    detached: process.platform !== "win32",
  });
  fs.writeFileSync(PID_FILE, String(server.pid));
  const cleanup = () => {
    killTree(server);
    try {
      fs.unlinkSync(PID_FILE);
    } catch {
      /* not there */
    }
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      cleanup();
      process.exit(0);
    });
  }
  server.on("exit", (code) => {
    try {
      fs.unlinkSync(PID_FILE);
    } catch {
      /* not there */
    }
    process.exit(code ?? 0);
  });

  try {
    await waitFor(`${BASE}taskpane.html`, server);
  } catch (err) {
    say(`Máy chủ không khởi động được: ${err.message}`, `The server did not start: ${err.message}`);
    cleanup();
    process.exit(1);
  }
  say(`Tiện ích đang chạy tại ${BASE}taskpane.html`, `The add-in is served at ${BASE}taskpane.html`);

  const excel = findExcel();
  if (excel && hasDebuggingTool()) {
    say(`Tìm thấy Excel (${excel}); đang nạp tiện ích (sideload) bằng office-addin-debugging…`, `Excel found (${excel}); sideloading with office-addin-debugging…`);
    const npx = process.platform === "win32" ? "npx.cmd" : "npx";
    const sideload = spawn(npx, ["office-addin-debugging", "start", "manifest.xml", "desktop", "--dev-server-port", String(PORT)], {
      cwd: ROOT,
      stdio: "inherit",
      shell: process.platform === "win32",
    });
    sideload.on("exit", (code) => {
      if (code !== 0) say("Không nạp được tiện ích vào Excel; hãy nạp manifest.xml bằng tay (Chèn → Tiện ích → Tải lên).", "Sideloading failed; upload manifest.xml by hand (Insert → Add-ins → Upload My Add-in).");
    });
  } else if (excel) {
    say(
      `Tìm thấy Excel (${excel}) nhưng chưa cài office-addin-debugging (gói tùy chọn). Hãy nạp manifest.xml bằng tay: Chèn → Tiện ích → Tải lên tiện ích của tôi.`,
      `Excel found (${excel}) but office-addin-debugging (optional dependency) is not installed. Upload manifest.xml by hand: Insert → Add-ins → Upload My Add-in.`,
    );
  } else {
    say(
      "Máy này không có Excel để nạp tiện ích. Có thể dùng Excel trên web (tải manifest.xml lên), hoặc mở trang độc lập chạy cùng bộ tính toán trên tệp .xlsx:",
      "Excel is not installed on this machine, so nothing is sideloaded. Use Excel on the web (upload manifest.xml), or open the standalone page, which runs the same engine on .xlsx files:",
    );
    process.stdout.write(`[cchc] ${BASE}standalone.html\n`);
  }
  say("Nhấn Ctrl+C (hoặc chạy \"npm stop\") để dừng máy chủ.", "Press Ctrl+C (or run \"npm stop\") to stop the server.");
}

main().catch((err) => {
  process.stderr.write(`[cchc] ${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
