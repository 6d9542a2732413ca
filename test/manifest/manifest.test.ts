// manifest.xml cannot be validated offline (office-addin-manifest needs the internet), so
// its consistency is checked here: well-formed XML, resources, the shared runtime, the CCHC
// namespace, URLs, icons, and the production build's URL rewriting.
import * as fs from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { readPng } from "./png";
import { buildFunctionsOnly, ROOT } from "./productionBuild";

const DEV_BASE = "https://localhost:3000/";
const manifestText = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

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
  test("is well-formed XML", () => {
    expect(XMLValidator.validate(manifestText)).toBe(true);
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

  test("requires the shared runtime, custom functions runtime 1.2 (CustomFunctions.Error) and ExcelApi 1.10 or later", () => {
    const sets = Object.fromEntries(findAll(only(only(doc, "OfficeApp"), "Requirements"), "Set").map((s) => [attr(s, "Name"), attr(s, "MinVersion")]));
    expect(sets.SharedRuntime).toBe("1.1");
    // The functions raise errors with `new CustomFunctions.Error(...)` (excelErrors.ts), which needs CustomFunctionsRuntime 1.2.
    expect(fs.readFileSync(path.join(ROOT, "src", "functions", "excelErrors.ts"), "utf8")).toMatch(/new api\.Error\(/);
    expect(sets.CustomFunctionsRuntime).toBe("1.2");
    const [major, minor] = sets.ExcelApi.split(".").map(Number);
    expect(major === 1 && minor >= 10).toBe(true);
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

describe("production build", () => {
  const tempDirs: string[] = [];
  afterAll(() => tempDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  test.each([
    ["https://cchc.example.vn/", "https://cchc.example.vn/"],
    ["https://cchc.example.vn/chi-so", "https://cchc.example.vn/chi-so/"],
  ])("CCHC_BASE_URL=%s rewrites every URL of the manifest", (baseUrl, expectedBase) => {
    const build = buildFunctionsOnly({ CCHC_BASE_URL: baseUrl });
    tempDirs.push(path.dirname(build.outDir));
    expect({ status: build.status, output: build.status === 0 ? "" : build.output }).toEqual({ status: 0, output: "" });
    const built = fs.readFileSync(path.join(build.outDir, "manifest.xml"), "utf8");
    expect(XMLValidator.validate(built)).toBe(true);
    expect(built).not.toContain("localhost");
    const devUrls = urlsIn(manifestText);
    const prodUrls = urlsIn(built);
    expect(prodUrls).toEqual(devUrls.map((u) => expectedBase + u.slice(DEV_BASE.length)));
    // Nothing else changed.
    expect(built).toBe(manifestText.split(DEV_BASE).join(expectedBase));
  });
});
