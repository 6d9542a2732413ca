// scripts/certs.js (the dev server's certificates): installing the CA is only tried when sudo
// runs without a password, so `npm start` never hangs on a password prompt.
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { canInstall } = require("../../scripts/certs.js") as {
  canInstall: (env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform) => boolean;
};

let dir: string;

/** A `sudo` on PATH: `-n true` exits with `nonInteractive`; anything else waits, as for a password. */
async function fakeSudo(nonInteractive: number): Promise<NodeJS.ProcessEnv> {
  const bin = await fs.mkdtemp(path.join(dir, "bin-"));
  const script = `#!/bin/sh\nif [ "$1" = "-n" ] && [ "$2" = "true" ]; then exit ${nonInteractive}; fi\nsleep 60\n`;
  await fs.writeFile(path.join(bin, "sudo"), script, { mode: 0o755 });
  return { PATH: bin };
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-certs-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const unix = process.platform === "win32" ? test.skip : test;

unix("sudo that needs a password: not tried, and the answer comes at once", async () => {
  const env = await fakeSudo(1);
  const started = Date.now();
  expect(canInstall(env, "linux")).toBe(false);
  expect(Date.now() - started).toBeLessThan(5000);
});

unix("sudo without a password: installing is tried", async () => {
  expect(canInstall(await fakeSudo(0), "linux")).toBe(true);
});

unix("no sudo at all, or CCHC_SKIP_CERT_INSTALL=1: not tried", async () => {
  const empty = await fs.mkdtemp(path.join(dir, "empty-"));
  expect(canInstall({ PATH: empty }, "linux")).toBe(false);
  expect(canInstall({ ...(await fakeSudo(0)), CCHC_SKIP_CERT_INSTALL: "1" }, "linux")).toBe(false);
  expect(canInstall({ PATH: empty }, "win32")).toBe(true);
});
