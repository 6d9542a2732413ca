// `npm start` really serves: runs scripts/start.js on a free port, waits for the URL it prints,
// fetches the task pane over https (the certificate may be untrusted here), then stops it with
// scripts/stop.js (`npm stop`), ending the process tree in any case.
import { spawn, spawnSync, type ChildProcess } from "child_process";
import * as https from "https";
import * as net from "net";
import * as path from "path";

const ROOT = path.join(__dirname, "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function fetchInsecure(url: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { rejectUnauthorized: false }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      })
      .on("error", reject);
  });
}

function endTree(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      resolve();
    }
  });
}

test("npm start builds, serves the task pane over https, says where Excel is missing; npm stop ends it", async () => {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "start.js")], {
    cwd: ROOT,
    env: { ...process.env, CCHC_PORT: String(port), CCHC_SKIP_CERT_INSTALL: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`start.js printed no URL in 85 s:\n${output}`)), 85_000);
      const check = () => {
        if (/\[cchc\] Nhấn Ctrl\+C/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on("data", check);
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`start.js exited (${code}):\n${output}`));
      });
    });
    const page = await fetchInsecure(`https://localhost:${port}/taskpane.html`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("Chỉ số CCHC");
    expect(page.body).toContain("office-js/office.js");
    expect((await fetchInsecure(`https://localhost:${port}/office-js/office.js`)).status).toBe(200);
    expect((await fetchInsecure(`https://localhost:${port}/taskpane.js`)).status).toBe(200);
    if (process.platform === "linux") {
      expect(output).toContain("Máy này không có Excel");
      expect(output).toContain(`https://localhost:${port}/standalone.html`);
    }
    expect(output).toMatch(/CHƯA được tin cậy|NOT trusted/);
    // `npm stop` ends the server; start.js follows it out.
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const stop = spawnSync(process.execPath, [path.join(ROOT, "scripts", "stop.js")], { cwd: ROOT, env: { ...process.env, CCHC_PORT: String(port) }, encoding: "utf8" });
    expect(stop.stdout).toContain("Đã dừng máy chủ");
    await exited;
  } finally {
    await endTree(child);
  }
  // The server goes with its process group (give it a few seconds to close its sockets).
  let gone = false;
  for (let i = 0; i < 20 && !gone; i++) {
    gone = await fetchInsecure(`https://localhost:${port}/taskpane.html`).then(
      () => false,
      () => true,
    );
    if (!gone) await new Promise((r) => setTimeout(r, 500));
  }
  expect(gone).toBe(true);
}, 90_000);
