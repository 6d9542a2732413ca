// manifest.xml cannot be validated online here (`office-addin-manifest validate` needs the
// internet), so it is read by three independent readers (readers.ts: libxml2 with Microsoft's
// schemas, Microsoft's office-addin-manifest reader, fast-xml-parser) and its consistency is
// checked: resources, the shared runtime, the CCHC namespace, URLs, icons, and the production
// build's URL rewriting.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import { readPng } from "./png";
import { buildFunctionsOnly, ROOT } from "./productionBuild";
import { type ReaderName, readWithLibxml2, verdictsOn, xmllintAvailable } from "./readers";

const DEV_BASE = "https://localhost:3000/";
const MANIFEST = path.join(ROOT, "manifest.xml");
const manifestText = fs.readFileSync(MANIFEST, "utf8");

const hasXmllint = xmllintAvailable();
if (!hasXmllint && process.env.CI === "true") throw new Error("Không có xmllint (gói libxml2-utils): kiểm thử manifest bằng libxml2 phải chạy trên CI.");
if (!hasXmllint) process.stdout.write("BỎ QUA phần kiểm tra manifest bằng libxml2: không có xmllint.\n");

/** The readers that run here: all three (libxml2 is missing only off CI, where that is allowed). */
const READERS: ReaderName[] = hasXmllint ? ["libxml2", "officeAddinManifest", "structural"] : ["officeAddinManifest", "structural"];
const allAccept = Object.fromEntries(READERS.map((r) => [r, "accepted"]));
/** Tests of libxml2 alone: skipped (visibly) where xmllint is missing, which CI never allows. */
const withXmllint = hasXmllint ? test : test.skip;

type XmlNode = { [key: string]: unknown };

function parse(xml: string): XmlNode {
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (name) => !name.startsWith("@_") && name !== "#text" }).parse(xml) as XmlNode;
}

/** Every element named `tag` anywhere below `node`. */
function findAll(node: unknown, tag: string, found: XmlNode[] = []): XmlNode[] {
  if (Array.isArray(node)) {
    node.forEach((n) => findAll(n, tag, found));
  } else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node as XmlNode)) {
      if (key === tag) (value as XmlNode[]).forEach((v) => found.push(typeof v === "object" ? v : { "#text": v }));
      if (!key.startsWith("@_")) findAll(value, tag, found);
    }
  }
  return found;
}

function only(node: unknown, tag: string): XmlNode {
  const all = findAll(node, tag);
  expect(all).toHaveLength(1);
  return all[0];
}

const attr = (node: XmlNode, name: string): string => String(node[`@_${name}`] ?? "");
const text = (node: XmlNode): string => String(node["#text"] ?? "");

const doc = parse(manifestText);
const resources = only(doc, "Resources");
/** Resource id → { kind, default value, overrides by locale }. */
const defined = new Map<string, { kind: string; value: string; overrides: Record<string, string> }>();
for (const kind of ["bt:Image", "bt:Url", "bt:String"]) {
  for (const r of findAll(resources, kind)) {
    const overrides: Record<string, string> = {};
    for (const o of findAll(r, "bt:Override")) overrides[attr(o, "Locale")] = attr(o, "Value");
    expect(defined.has(attr(r, "id"))).toBe(false);
    defined.set(attr(r, "id"), { kind, value: attr(r, "DefaultValue"), overrides });
  }
}
const residValue = (node: XmlNode): string => {
  const entry = defined.get(attr(node, "resid"));
  if (!entry) throw new Error(`resid ${attr(node, "resid")} is not defined`);
  return entry.value;
};

/** Every element carrying a resid attribute. */
function residUsers(node: unknown, found: XmlNode[] = []): XmlNode[] {
  if (Array.isArray(node)) node.forEach((n) => residUsers(n, found));
  else if (node && typeof node === "object") {
    if ("@_resid" in (node as XmlNode)) found.push(node as XmlNode);
    Object.entries(node as XmlNode).forEach(([k, v]) => !k.startsWith("@_") && residUsers(v, found));
  }
  return found;
}

/** Every absolute URL in a manifest's text (attribute values and element text). */
function urlsIn(xml: string): string[] {
  return [...xml.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]).filter((u) => !u.startsWith("http://schemas.") && !u.startsWith("http://www.w3.org/"));
}

describe("manifest.xml", () => {
  test("libxml2 (with Microsoft's schemas), office-addin-manifest and the structural reader all accept it", () => {
    expect(verdictsOn(MANIFEST, READERS)).toEqual(allAccept);
  });

  test("is a task pane add-in for workbooks, Vietnamese by default with English overrides", () => {
    const app = only(doc, "OfficeApp");
    expect(attr(app, "xsi:type")).toBe("TaskPaneApp");
    expect(attr(app, "xmlns")).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(attr(app, "xmlns:bt")).toBe("http://schemas.microsoft.com/office/officeappbasictypes/1.0");
    const overrides = only(app, "VersionOverrides");
    expect(attr(overrides, "xmlns")).toBe("http://schemas.microsoft.com/office/taskpaneappversionoverrides");
    expect(attr(overrides, "xsi:type")).toBe("VersionOverridesV1_0");
    expect(text(only(app, "DefaultLocale"))).toBe("vi-VN");
    expect(text(only(app, "Id"))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    for (const tag of ["DisplayName", "Description"]) {
      const node = (app[tag] as XmlNode[])[0];
      expect(attr(node, "DefaultValue")).toMatch(/[ỉốờảạ]/);
      expect(attr(only(node, "Override"), "Locale")).toBe("en-US");
    }
    expect(findAll(app.Hosts, "Host").map((h) => attr(h, "Name"))).toEqual(["Workbook"]);
    expect(findAll(only(doc, "VersionOverrides"), "Host").map((h) => attr(h, "xsi:type"))).toEqual(["Workbook"]);
  });

  test("requires only what the pane needs: SharedRuntime 1.1 and an ExcelApi set, never the custom-functions runtime", () => {
    const requirements = findAll(doc, "Requirements");
    // Only the base manifest's: a VersionOverrides <Requirements> would drop the button and the runtime too.
    expect(requirements).toHaveLength(1);
    const sets = findAll(requirements[0], "Set").map((s) => [attr(s, "Name"), attr(s, "MinVersion")]);
    // An Excel without a set listed here does not load the add-in at all; Excel versions with the
    // shared runtime but no custom-functions runtime must still get the pane (README table).
    expect(sets.map(([name]) => name).sort()).toEqual(["ExcelApi", "SharedRuntime"]);
    expect(Object.fromEntries(sets).SharedRuntime).toBe("1.1");
    // Which ExcelApi version: test/host/apiSets.test.ts derives it from the code.
    expect(Object.fromEntries(sets).ExcelApi).toMatch(/^1\.\d+$/);
    expect(manifestText).not.toMatch(/Name="CustomFunctionsRuntime"/);
  });

  test("every resid used is defined, every resource is used, ids within 32 characters", () => {
    const used = residUsers(only(doc, "VersionOverrides")).map((n) => attr(n, "resid"));
    for (const id of used) expect(defined.has(id)).toBe(true);
    for (const id of defined.keys()) {
      expect(used).toContain(id);
      expect(id.length).toBeLessThanOrEqual(32);
    }
  });

  test("strings fit Office's limits and have English overrides", () => {
    for (const r of findAll(only(resources, "bt:ShortStrings"), "bt:String")) expect(attr(r, "DefaultValue").length).toBeLessThanOrEqual(125);
    for (const r of findAll(only(resources, "bt:LongStrings"), "bt:String")) expect(attr(r, "DefaultValue").length).toBeLessThanOrEqual(250);
    for (const [id, r] of defined) {
      if (r.kind === "bt:String" && id !== "Functions.Namespace") expect(r.overrides["en-US"]).toEqual(expect.stringMatching(/\S/));
    }
  });

  test("one runtime, lifetime long, used by the task pane, the functions page, the function file and the button", () => {
    const runtime = only(doc, "Runtime");
    expect(attr(runtime, "lifetime")).toBe("long");
    const id = attr(runtime, "resid");
    const customFunctions = findAll(doc, "ExtensionPoint").find((e) => attr(e, "xsi:type") === "CustomFunctions") as XmlNode;
    expect(attr(only(only(customFunctions, "Page"), "SourceLocation"), "resid")).toBe(id);
    expect(attr(only(doc, "FunctionFile"), "resid")).toBe(id);
    const action = only(doc, "Action");
    expect(attr(action, "xsi:type")).toBe("ShowTaskpane");
    expect(attr(only(action, "SourceLocation"), "resid")).toBe(id);
    expect(text(only(action, "TaskpaneId"))).toBe("ButtonId1");
    // The same page the add-in opens by default.
    expect(attr(only(only(doc, "DefaultSettings"), "SourceLocation"), "DefaultValue")).toBe(defined.get(id)?.value);
    expect(defined.get(id)?.value).toBe(`${DEV_BASE}taskpane.html`);
  });

  test("custom functions: namespace CCHC, script and metadata URLs", () => {
    const cf = findAll(doc, "ExtensionPoint").find((e) => attr(e, "xsi:type") === "CustomFunctions") as XmlNode;
    expect(residValue(only(cf, "Namespace"))).toBe("CCHC");
    expect(residValue(only(only(cf, "Script"), "SourceLocation"))).toBe(`${DEV_BASE}functions.js`);
    expect(residValue(only(only(cf, "Metadata"), "SourceLocation"))).toBe(`${DEV_BASE}functions.json`);
  });

  test('a "Chỉ số CCHC" button on the Home tab', () => {
    const tab = only(doc, "OfficeTab");
    expect(attr(tab, "id")).toBe("TabHome");
    const control = only(tab, "Control");
    expect(attr(control, "xsi:type")).toBe("Button");
    expect(residValue((control.Label as XmlNode[])[0])).toBe("Chỉ số CCHC");
    expect(findAll(control, "bt:Image").map((i) => attr(i, "size")).sort()).toEqual(["16", "32", "80"]);
  });

  test("every development URL is under https://localhost:3000/", () => {
    const urls = urlsIn(manifestText);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const url of urls) expect(url.startsWith(DEV_BASE)).toBe(true);
  });

  test("every icon it names exists in assets/ as a valid PNG of the stated size", () => {
    const iconUrls = urlsIn(manifestText).filter((u) => u.endsWith(".png"));
    expect(iconUrls.length).toBeGreaterThanOrEqual(5);
    for (const url of iconUrls) {
      const rel = url.slice(DEV_BASE.length);
      const size = Number(/icon-(\d+)\.png$/.exec(rel)?.[1]);
      const png = readPng(fs.readFileSync(path.join(ROOT, rel)));
      expect([png.width, png.height]).toEqual([size, size]);
    }
    for (const img of findAll(resources, "bt:Image")) {
      expect(attr(img, "DefaultValue")).toMatch(new RegExp(`icon-${attr(img, "id").replace(/^Icon\.(\d+)x\d+$/, "$1")}\\.png$`));
    }
  });
});

describe("icons", () => {
  test("assets/ holds icon-16 … icon-128, exactly what scripts/make-icons.js draws", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const maker = require(path.join(ROOT, "scripts", "make-icons.js")) as {
      SIZES: number[];
      drawIcon: (size: number) => Buffer;
    };
    expect(maker.SIZES).toEqual([16, 32, 64, 80, 128]);
    for (const size of maker.SIZES) {
      const file = fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`));
      const png = readPng(file);
      expect([png.width, png.height, png.colorType]).toEqual([size, size, 6]);
      expect(file.equals(maker.drawIcon(size))).toBe(true);
      // A recognisable design: opaque red in the corner's inside, white on the check mark.
      const at = (x: number, y: number) => {
        const offset = y * (1 + size * 4) + 1 + x * 4;
        return [...png.pixels.subarray(offset, offset + 4)];
      };
      const filterNone = Array.from({ length: size }, (_, y) => png.pixels[y * (1 + size * 4)]).every((f) => f === 0);
      expect(filterNone).toBe(true);
      expect(at(Math.floor(size / 2), Math.floor(size * 0.15))).toEqual([198, 40, 40, 255]);
      expect(at(0, 0)[3]).toBeLessThan(255); // rounded corner
      const elbow = at(Math.floor(size * 0.42), Math.floor(size * 0.7));
      expect(elbow[0] + elbow[1] + elbow[2]).toBeGreaterThan(600);
    }
  });
});

describe("the three readers reject what Office rejects", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-manifest-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const writeVariant = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  test('a comment containing "--" (XML 1.0 forbids it): every reader refuses the manifest', () => {
    // The fault the manifest once had, in its opening comment.
    const broken = manifestText.replace("<!--\n", "<!--\n  Built by webpack --mode production.\n");
    expect(broken).not.toBe(manifestText);
    const verdicts = verdictsOn(writeVariant("double-hyphen.xml", broken), READERS);
    const expected: Record<string, unknown> = {
      officeAddinManifest: expect.stringMatching(/Malformed comment/),
      structural: expect.stringMatching(/comment contains "--"/),
    };
    if (hasXmllint) expected.libxml2 = expect.stringMatching(/Double hyphen within comment|Comment must not contain '--'/);
    expect(verdicts).toEqual(expected);
  });

  withXmllint("libxml2 applies Microsoft's schema: elements out of the documented order are refused", () => {
    const permissions = "  <Permissions>ReadWriteDocument</Permissions>\n";
    const misplaced = manifestText.replace(permissions, "").replace("  <DefaultSettings>", permissions + "  <DefaultSettings>");
    expect(misplaced).not.toBe(manifestText);
    expect(readWithLibxml2(writeVariant("misplaced.xml", misplaced))).toEqual({ ok: false, detail: expect.stringMatching(/Permissions.*not expected/) });
  });

  withXmllint("libxml2 applies Microsoft's schema: an unknown runtime lifetime is refused", () => {
    const wrong = manifestText.replace('lifetime="long"', 'lifetime="forever"');
    expect(wrong).not.toBe(manifestText);
    expect(readWithLibxml2(writeVariant("lifetime.xml", wrong))).toEqual({ ok: false, detail: expect.stringMatching(/lifetime.*forever/) });
  });
});

describe("production build", () => {
  const tempDirs: string[] = [];
  afterAll(() => tempDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const WARNING = /CẢNH BÁO: chưa đặt CCHC_BASE_URL[\s\S]*WARNING: CCHC_BASE_URL is not set/;

  test.each([
    ["https://cchc.example.vn/", "https://cchc.example.vn/"],
    ["https://cchc.example.vn/chi-so", "https://cchc.example.vn/chi-so/"],
  ])("CCHC_BASE_URL=%s rewrites every URL of the manifest, which the three readers accept", (baseUrl, expectedBase) => {
    const build = buildFunctionsOnly({ CCHC_BASE_URL: baseUrl });
    tempDirs.push(path.dirname(build.outDir));
    expect({ status: build.status, output: build.status === 0 ? "" : build.output }).toEqual({ status: 0, output: "" });
    expect(build.stderr).not.toMatch(WARNING);
    const builtFile = path.join(build.outDir, "manifest.xml");
    const built = fs.readFileSync(builtFile, "utf8");
    expect(verdictsOn(builtFile, READERS)).toEqual(allAccept);
    expect(built).not.toContain("localhost");
    const devUrls = urlsIn(manifestText);
    const prodUrls = urlsIn(built);
    expect(prodUrls).toEqual(devUrls.map((u) => expectedBase + u.slice(DEV_BASE.length)));
    // Nothing else changed.
    expect(built).toBe(manifestText.split(DEV_BASE).join(expectedBase));
  });

  test("without CCHC_BASE_URL the build still succeeds (npm test relies on it) but warns loudly on stderr", () => {
    const build = buildFunctionsOnly({ CCHC_BASE_URL: undefined });
    tempDirs.push(path.dirname(build.outDir));
    expect({ status: build.status, output: build.status === 0 ? "" : build.output }).toEqual({ status: 0, output: "" });
    expect(build.stderr).toMatch(WARNING);
    expect(build.stderr).toContain("CCHC_BASE_URL=https://ten-may-chu.gov.vn/ npm run build");
    // The manifest it warns about: the development one, unchanged.
    expect(fs.readFileSync(path.join(build.outDir, "manifest.xml"), "utf8")).toBe(manifestText);
  });
});
