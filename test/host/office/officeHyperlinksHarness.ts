// Bundled for test/host/office/officeHyperlinksRequest.test.ts and run in Chromium next to the real
// office.js (excel-web-16.00.js): the adapter's links reader (src/host/office/officeHyperlinks.ts)
// queues its requests on an Excel.RequestContext whose executor records the body office.js builds
// at context.sync() and answers it as Excel would: each cell's properties, a hyperlink where the
// test put one, or an error for the whole request.
import { readEvidenceLinks } from "../../../src/host/office/officeHyperlinks";
import type { Grid } from "../../../src/engine/core/types";

interface Action {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[] };
}
interface ObjectPath {
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[] };
}
interface Body {
  Actions: Action[];
  ObjectPaths: Record<string, ObjectPath>;
}

/** Hyperlinks by sheet name, then by 0-based sheet row (the tests use one column). */
type Links = Record<string, Record<number, Excel.RangeHyperlink>>;

/** Excel's answer to a request: the cells' properties of each GetCellProperties on GetRangeByIndexes of a sheet got by name. */
function answer(body: Body, links: Links) {
  const results = body.Actions.filter((a) => a.ActionType === 3 && a.Name === "GetCellProperties").map((a) => {
    const range = body.ObjectPaths[String(a.ObjectPathId)];
    const sheet = body.ObjectPaths[String(range.ParentObjectPathId)];
    const [row, , rows] = (range.ArgumentInfo?.Arguments ?? []) as number[];
    const byRow = links[String(sheet.ArgumentInfo?.Arguments?.[0])] ?? {};
    const value = Array.from({ length: rows }, (_, r) => [byRow[row + r] ? { hyperlink: byRow[row + r] } : {}]);
    return { ActionId: a.Id, Value: value };
  });
  return { Results: results };
}

const harness = {
  /** readEvidenceLinks over the grids: its notice, the requests office.js sent, the links set. */
  async read(grids: Grid[], links: Links, options: { fail?: boolean } = {}) {
    const bodies: Body[] = [];
    const context = new Excel.RequestContext();
    (context as unknown as { _requestExecutor: unknown })._requestExecutor = {
      executeAsync(_custom: unknown, _flags: unknown, message: { Body: Body }) {
        bodies.push(JSON.parse(JSON.stringify(message.Body)) as Body);
        const reply = options.fail ? { Error: { Code: "GeneralException", Message: "refused", HttpStatusCode: 500 } } : answer(message.Body, links);
        return Promise.resolve({ HttpStatusCode: 200, ErrorCode: "", ErrorMessage: "", Headers: {}, Body: reply });
      },
    };
    const sheets = grids.map((g) => context.workbook.worksheets.getItem(g.name));
    const notice = await readEvidenceLinks(context, sheets, grids, { isSetSupported: () => true }, {});
    return { notice, bodies, links: grids.map((g) => g.links ?? null) };
  },
};

export type LinksHarness = typeof harness;

(window as unknown as { cchcLinks: LinksHarness }).cchcLinks = harness;
