/* A fake Office host for the browser test, served in place of office-js/office.js after
 * test/support/fakeExcel.js. It holds a workbook (window.__CCHC_FAKE_INIT__, set by the test
 * before the page loads) and exposes what the pane did through window.__fakeHost:
 *   workbook  the FakeExcel.Workbook (sheets, cells, fills, names, ops, syncCount)
 *   settings  Office.context.document.settings as saved by saveAsync
 *   state()   plain data of the workbook and saved settings, to "reopen" it in a new page
 */
(function () {
  "use strict";
  var init = window.__CCHC_FAKE_INIT__ || { workbook: { sheets: [] } };
  var workbook = init.state ? FakeExcel.Workbook.fromJSON(init.state) : new FakeExcel.Workbook(init.workbook);
  var saved = JSON.parse(JSON.stringify(init.settings || {}));
  var live = JSON.parse(JSON.stringify(saved));
  var associated = [];

  var host = {
    workbook: workbook,
    settings: saved,
    saveCount: 0,
    associated: associated,
    state: function () {
      return { state: workbook.toJSON(), settings: JSON.parse(JSON.stringify(saved)) };
    },
  };
  window.__fakeHost = host;

  window.Excel = { run: FakeExcel.runner(workbook) };

  var settings = {
    get: function (name) {
      return name in live ? JSON.parse(JSON.stringify(live[name])) : null;
    },
    set: function (name, value) {
      live[name] = JSON.parse(JSON.stringify(value));
    },
    remove: function (name) {
      delete live[name];
    },
    saveAsync: function (options, callback) {
      var cb = typeof options === "function" ? options : callback;
      setTimeout(function () {
        Object.keys(saved).forEach(function (k) {
          delete saved[k];
        });
        Object.keys(live).forEach(function (k) {
          saved[k] = JSON.parse(JSON.stringify(live[k]));
        });
        host.saveCount++;
        if (cb) cb({ status: "succeeded", value: undefined });
      }, 0);
    },
  };

  // The platform the pane is told it runs on ("OfficeOnline", "PC", "Mac"); Office on the web by default.
  var readyInfo = { host: "Excel", platform: init.platform || "OfficeOnline" };
  window.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: { document: { settings: settings }, requirements: { isSetSupported: function () { return true; } } },
    onReady: function (callback) {
      return new Promise(function (resolve) {
        setTimeout(function () {
          if (callback) callback(readyInfo);
          resolve(readyInfo);
        }, 0);
      });
    },
    actions: { associate: function (id) { associated.push(id); } },
  };
  window.CustomFunctions = {
    associate: function (id) {
      associated.push(id);
    },
    Error: function (code, message) {
      this.code = code;
      this.message = message;
    },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
  };
})();
