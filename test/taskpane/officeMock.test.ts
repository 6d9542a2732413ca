// The Office.js adapter against office-addin-mock, where the mock can express the calls.
// office-addin-mock cannot express collection loads such as worksheets.load("items/name")
// (it reads "items" as a navigation property and fails), nor names, pageLayout or the
// *OrNullObject methods; those commands are tested against test/support/fakeExcel.js
// (test/taskpane/officeWorkbook.test.ts), which counts syncs the same way.
import { OfficeMockObject } from "office-addin-mock";
import { OfficeWorkbook, type ExcelRunner } from "../../src/host/office/officeWorkbook";
import { memoryStore } from "../../src/host/office/officeSettings";

function mockHost() {
  const calls: string[] = [];
  const data = {
    context: {
      workbook: {
        worksheets: {
          getItem(name: string) {
            calls.push(`getItem(${name})`);
            return {
              activate: () => calls.push("activate"),
              getRange(address: string) {
                calls.push(`getRange(${address})`);
                return { select: () => calls.push("select") };
              },
            };
          },
        },
      },
    },
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const mock: any = new OfficeMockObject(data);
  const sync = jest.spyOn(mock.context, "sync");
  const run: ExcelRunner = async (batch) => batch(mock.context as Excel.RequestContext);
  return { calls, run, syncs: () => sync.mock.calls.length };
}

test("select(): activates the sheet and selects the cell in one sync (office-addin-mock)", async () => {
  const host = mockHost();
  const wb = new OfficeWorkbook({ run: host.run, store: memoryStore() });
  await wb.select({ sheet: "Huyện Kon Rẫy", address: "E72" });
  expect(host.calls).toEqual(["getItem(Huyện Kon Rẫy)", "activate", "getRange(E72)", "select"]);
  expect(host.syncs()).toBe(1);
  console.log("office-addin-mock: select() syncs =", host.syncs());
});
