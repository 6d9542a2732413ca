// HTTPS certificates for the dev server (webpack.config.js calls getHttpsOptions()).
//
// office-addin-dev-certs makes a development CA and a localhost certificate and installs the CA
// as trusted, which needs administrator rights (sudo on Linux and macOS). Where installing fails
// (no sudo, as on this project's Linux machines) the certificates are generated all the same and
// the server starts; the browser or Office will warn that the certificate is not trusted.
const fs = require("fs");
const path = require("path");

/** Where certificates are generated when they cannot be installed (gitignored). */
const LOCAL_DIR = path.join(__dirname, "..", ".cert");
const DAYS = 30;

function warn(lines) {
  process.stderr.write(lines.map((l) => `[cchc] ${l}`).join("\n") + "\n");
}

function readTriple(ca, cert, key) {
  return { ca: fs.readFileSync(ca), cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
}

/** A certificate that expires within a day is treated as absent. */
function stillValid(certPath) {
  try {
    const { X509Certificate } = require("crypto");
    const x509 = new X509Certificate(fs.readFileSync(certPath));
    return new Date(x509.validTo).getTime() - Date.now() > 24 * 3600 * 1000;
  } catch {
    return false;
  }
}

/** Certificates generated with office-addin-dev-certs into .cert/, without installing the CA. */
async function localCertificates() {
  const ca = path.join(LOCAL_DIR, "ca.crt");
  const cert = path.join(LOCAL_DIR, "localhost.crt");
  const key = path.join(LOCAL_DIR, "localhost.key");
  if (!(fs.existsSync(ca) && fs.existsSync(key) && stillValid(cert))) {
    const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
    await generateCertificates(ca, cert, key, DAYS);
  }
  return readTriple(ca, cert, key);
}

/**
 * Whether installing the CA can work here without blocking on a password prompt. macOS and
 * Linux install with sudo: only try when `sudo -n true` succeeds, i.e. sudo runs without
 * asking for a password (no sudo, or a password needed: generate and serve without installing).
 * `run` is injectable for tests.
 */
function canInstall(env = process.env, platform = process.platform, run = runQuietly) {
  if (env.CCHC_SKIP_CERT_INSTALL === "1") return false;
  if (platform === "win32") return true;
  return run("sudo", ["-n", "true"], env);
}

/** Whether a command exits 0, with no terminal input and a time limit: it can never wait for a password. */
function runQuietly(command, args, env = process.env) {
  const { spawnSync } = require("child_process");
  const result = spawnSync(command, args, { stdio: "ignore", env, timeout: 10000 });
  return result.error === undefined && result.status === 0;
}

/**
 * { ca, cert, key } for an https server on localhost. Trusted when office-addin-dev-certs could
 * install its CA; otherwise generated locally with a warning in Vietnamese and English.
 */
async function getHttpsOptions() {
  if (canInstall()) {
    try {
      const devCerts = require("office-addin-dev-certs");
      return await devCerts.getHttpsServerOptions(DAYS);
    } catch (err) {
      warn([
        `Không cài được chứng chỉ phát triển làm chứng chỉ tin cậy (${firstLine(err)}).`,
        `Could not install the development certificate as trusted (${firstLine(err)}).`,
      ]);
    }
  }
  const options = await localCertificates();
  warn([
    "Máy chủ dùng chứng chỉ HTTPS tự tạo CHƯA được tin cậy: trình duyệt sẽ cảnh báo; Excel có thể từ chối tải tiện ích.",
    `Để tin cậy, cài ${path.join(LOCAL_DIR, "ca.crt")} làm chứng chỉ gốc (cần quyền quản trị), hoặc chạy "npx office-addin-dev-certs install".`,
    "The server uses a self-made HTTPS certificate that is NOT trusted: browsers will warn; Excel may refuse to load the add-in.",
    `To trust it, install ${path.join(LOCAL_DIR, "ca.crt")} as a root certificate (needs admin rights), or run "npx office-addin-dev-certs install".`,
  ]);
  return options;
}

function firstLine(err) {
  return String(err && err.message ? err.message : err).split("\n")[0];
}

module.exports = { getHttpsOptions, canInstall, LOCAL_DIR };
