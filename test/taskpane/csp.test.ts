// The task pane page's Content Security Policy (src/taskpane/taskpane.html): scripts only from
// the add-in's origin, never inline; inline styles allowed, because Excel on the web's office.js
// sets them (OfficeDev/office-js#1687). The browser test checks the built page in Chromium.
import { readFileSync } from "fs";
import * as path from "path";

const html = readFileSync(path.join(__dirname, "..", "..", "src", "taskpane", "taskpane.html"), "utf8");

function directives(): Record<string, string[]> {
  const m = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!m) throw new Error("taskpane.html has no Content-Security-Policy");
  return Object.fromEntries(
    m[1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0] !== "")
      .map(([name, ...values]) => [name, values]),
  );
}

test("style-src allows inline styles for office.js; script-src stays 'self' only", () => {
  const csp = directives();
  expect(csp["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  expect(csp["script-src"]).toEqual(["'self'"]);
  expect(csp["default-src"]).toEqual(["'self'"]);
  expect(csp["object-src"]).toEqual(["'none'"]);
});

test("the page has no inline script", () => {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attrs, body] of scripts) {
    expect(attrs).toMatch(/\bsrc=/);
    expect(body.trim()).toBe("");
  }
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
});
