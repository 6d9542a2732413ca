#!/usr/bin/env node
// `npm stop`: stops the dev server `npm start` left running (found by its pid file) and, where
// office-addin-debugging is installed, unloads the sideloaded add-in.
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const PORT = Number(process.env.CCHC_PORT || 3000);
const PID_FILE = path.join(os.tmpdir(), `cchc-addin-dev-server-${PORT}.pid`);

function stopServer() {
  let pid;
  try {
    pid = Number(fs.readFileSync(PID_FILE, "utf8").trim());
  } catch {
    console.log(`[cchc] Không có máy chủ nào đang chạy trên cổng ${PORT}. / No dev server is running on port ${PORT}.`);
    return;
  }
  try {
    if (process.platform === "win32") spawnSync("taskkill", ["/pid", String(pid), "/T", "/F"]);
    else process.kill(-pid, "SIGTERM");
    console.log(`[cchc] Đã dừng máy chủ (pid ${pid}). / Dev server stopped (pid ${pid}).`);
  } catch {
    console.log(`[cchc] Máy chủ (pid ${pid}) đã dừng từ trước. / The dev server (pid ${pid}) had already stopped.`);
  }
  fs.rmSync(PID_FILE, { force: true });
}

function unloadAddin() {
  try {
    require.resolve("office-addin-debugging/package.json", { paths: [ROOT] });
  } catch {
    return;
  }
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  spawnSync(npx, ["office-addin-debugging", "stop", "manifest.xml"], { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
}

stopServer();
unloadAddin();
