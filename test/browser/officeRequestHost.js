/* eslint-disable @typescript-eslint/no-this-alias -- ES5 closures; the file runs unbundled in the browser */
/* The other end of the real office.js: an executor for `Excel.RequestContext` that takes the
 * request office.js builds at context.sync() (the body Excel on the web is posted), measures it
 * as sent (JSON text, UTF-8 bytes), refuses it over the limit as Excel on the web does, and
 * otherwise carries it out on a test/support/fakeExcel.js workbook model, so a test can check
 * that every cell arrived.
 *
 * It understands what the add-in's writes and highlights send (sheets added, renamed, deleted,
 * got by name; ranges by address; values, formulas, number formats; fills set, cleared and
 * loaded; the sheet list and the defined names loaded); any other command (fonts, borders,
 * widths, page layout ...) is accepted and counted, not modelled.
 *
 * Protocol (office.js's RichApi): Actions [{Id, ActionType: 1 instantiate, 2 query, 3 method,
 * 4 set property, ObjectPathId, Name, ArgumentInfo.Arguments}] over ObjectPaths {Id:
 * {ObjectPathType: 1 global, 3 method, 4 property, 5 indexer, Name, ParentObjectPathId, ArgumentInfo}};
 * the answer is {Results: [{ActionId, Value}]} or {Error: {Code, Message, ActionIndex}}.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.OfficeRequestHost = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var LIMIT = 5 * 1024 * 1024;
  var GRADIENTS = ["LinearGradient", "RectangularGradient"];

  function utf8Length(text) {
    return new TextEncoder().encode(text).length;
  }
  function fail(code, message) {
    var e = new Error(message);
    e.code = code;
    return e;
  }

  /**
   * `FakeExcel` is the module of test/support/fakeExcel.js (for parseAddress), `workbook` one of
   * its Workbooks. Each request is recorded in `requests` as { bytes, actions, paths, sync }.
   */
  function RequestHost(FakeExcel, workbook, limit) {
    this.FakeExcel = FakeExcel;
    this.workbook = workbook;
    this.limit = limit || LIMIT;
    this.requests = [];
    this.refused = [];
  }

  /** The object office.js calls: context._requestExecutor = host.executor(). */
  RequestHost.prototype.executor = function () {
    var host = this;
    return {
      executeAsync: function (customData, requestFlags, message) {
        return Promise.resolve(host.answer(message.Body));
      },
    };
  };

  RequestHost.prototype.answer = function (body) {
    var text = JSON.stringify(body);
    var bytes = utf8Length(text);
    var record = { bytes: bytes, actions: body.Actions.length, paths: Object.keys(body.ObjectPaths || {}).length };
    if (bytes > this.limit) {
      this.refused.push(record);
      return { HttpStatusCode: 413, ErrorCode: "RequestPayloadSizeLimitExceeded", ErrorMessage: "The request payload size has exceeded the limit (" + bytes + " bytes).", Headers: {}, Body: null };
    }
    this.requests.push(record);
    this.workbook.syncCount++;
    var run = new RequestRun(this, body);
    var results = [];
    for (var i = 0; i < body.Actions.length; i++) {
      try {
        var value = run.action(body.Actions[i]);
        if (value !== undefined) results.push({ ActionId: body.Actions[i].Id, Value: value });
      } catch (e) {
        return { HttpStatusCode: 200, ErrorCode: "", ErrorMessage: "", Headers: {}, Body: { Results: results, Error: { Code: e.code || "GeneralException", Message: e.message, ActionIndex: i, HttpStatusCode: 400 } } };
      }
    }
    return { HttpStatusCode: 200, ErrorCode: "", ErrorMessage: "", Headers: {}, Body: { Results: results } };
  };

  /** One request carried out: object paths resolved once each, actions in order. */
  function RequestRun(host, body) {
    this.host = host;
    this.paths = body.ObjectPaths || {};
    this.resolved = {};
  }
  RequestRun.prototype.object = function (id) {
    if (this.resolved[id]) return this.resolved[id];
    var info = this.paths[id];
    if (!info) throw fail("InvalidObjectPath", "object path " + id);
    var parent = info.ParentObjectPathId !== undefined ? this.object(info.ParentObjectPathId) : null;
    var args = (info.ArgumentInfo && info.ArgumentInfo.Arguments) || [];
    var wb = this.host.workbook;
    var obj;
    if (info.ObjectPathType === 1) obj = { kind: "workbook" };
    else if (parent.kind === "workbook" && info.Name === "Worksheets") obj = { kind: "worksheets" };
    else if (parent.kind === "workbook" && info.Name === "Names") obj = { kind: "names" };
    else if (parent.kind === "worksheets" && info.Name === "Add") obj = { kind: "sheet", sheet: wb.addSheet(args[0]) };
    else if (parent.kind === "worksheets" && (info.ObjectPathType === 5 || info.Name === "GetItem")) {
      // worksheets.getItem(name) travels as an indexer (type 5) with the name as argument.
      var found = wb.sheet(args[0]);
      if (!found) throw fail("ItemNotFound", "sheet " + args[0]);
      obj = { kind: "sheet", sheet: found };
    } else if (parent.kind === "sheet" && info.Name === "GetRange") obj = { kind: "range", sheet: parent.sheet, box: this.host.FakeExcel.parseAddress(args[0] || "A1") };
    else if (parent.kind === "range" && RANGE_METHODS[info.Name]) {
      // office.js itself cuts a large array write into chunks of 1,500 cells:
      // range.getRow(a).getBoundingRect(range.getRow(b)), each its own property set.
      var referenced = (info.ArgumentInfo && info.ArgumentInfo.ReferencedObjectPathIds) || [];
      var self = this;
      var resolvedArgs = args.map(function (arg, i) {
        return referenced.indexOf(arg) >= 0 && typeof arg === "number" && i === 0 && info.Name === "GetBoundingRect" ? self.object(arg) : arg;
      });
      obj = { kind: "range", sheet: parent.sheet, box: RANGE_METHODS[info.Name](parent.box, resolvedArgs) };
    } else if (parent.kind === "range" && info.Name === "Format") obj = { kind: "format", sheet: parent.sheet, box: parent.box };
    else if (parent.kind === "format" && info.Name === "Fill") obj = { kind: "fill", sheet: parent.sheet, box: parent.box };
    else obj = { kind: "other", name: info.Name };
    this.resolved[id] = obj;
    return obj;
  };

  /** Ranges got from a range: the box each gives (0-based, inclusive). */
  var RANGE_METHODS = {
    GetRow: function (b, a) {
      return { r1: b.r1 + a[0], c1: b.c1, r2: b.r1 + a[0], c2: b.c2 };
    },
    GetColumn: function (b, a) {
      return { r1: b.r1, c1: b.c1 + a[0], r2: b.r2, c2: b.c1 + a[0] };
    },
    GetCell: function (b, a) {
      return { r1: b.r1 + a[0], c1: b.c1 + a[1], r2: b.r1 + a[0], c2: b.c1 + a[1] };
    },
    GetResizedRange: function (b, a) {
      return { r1: b.r1, c1: b.c1, r2: b.r2 + a[0], c2: b.c2 + a[1] };
    },
    GetOffsetRange: function (b, a) {
      return { r1: b.r1 + a[0], c1: b.c1 + a[1], r2: b.r2 + a[0], c2: b.c2 + a[1] };
    },
    GetBoundingRect: function (b, a) {
      var o = a[0].box;
      return { r1: Math.min(b.r1, o.r1), c1: Math.min(b.c1, o.c1), r2: Math.max(b.r2, o.r2), c2: Math.max(b.c2, o.c2) };
    },
  };

  function eachCell(obj, fn) {
    for (var r = obj.box.r1; r <= obj.box.r2; r++) for (var c = obj.box.c1; c <= obj.box.c2; c++) fn(obj.sheet.cell(r, c), r - obj.box.r1, c - obj.box.c1);
  }
  function gridValue(data, r, c) {
    return Array.isArray(data) ? data[r][c] : data;
  }
  function checkShape(obj, data) {
    if (!Array.isArray(data)) return;
    var rows = obj.box.r2 - obj.box.r1 + 1;
    var cols = obj.box.c2 - obj.box.c1 + 1;
    if (data.length !== rows || data.some(function (line) { return line.length !== cols; })) throw fail("InvalidArgument", "the array does not match the range's size");
  }

  RequestRun.prototype.action = function (action) {
    var obj = this.object(action.ObjectPathId);
    var args = (action.ArgumentInfo && action.ArgumentInfo.Arguments) || [];
    switch (action.ActionType) {
      case 1: // instantiate
        return undefined;
      case 2: // query
        return this.query(obj);
      case 3: // method
        return this.method(obj, action.Name, args);
      case 4: // set property
        this.set(obj, action.Name, args[0]);
        return undefined;
      default:
        return undefined;
    }
  };

  RequestRun.prototype.query = function (obj) {
    var wb = this.host.workbook;
    if (obj.kind === "worksheets") return { _Items: wb.sheets.map(function (s) { return { Name: s.name }; }) };
    if (obj.kind === "names") return { _Items: wb.names.map(function (n) { return { Name: n.name, Formula: n.formula }; }) };
    if (obj.kind === "fill") {
      var cell = obj.sheet.peek(obj.box.r1, obj.box.c1);
      var f = cell && cell.fill;
      // Excel reports a cell with no fill as white with pattern None.
      return {
        Color: f ? f.color : "#FFFFFF",
        Pattern: f ? f.pattern : "None",
        TintAndShade: f && typeof f.tintAndShade === "number" ? f.tintAndShade : 0,
        PatternColor: f && f.patternColor ? f.patternColor : "#000000",
        PatternTintAndShade: f && typeof f.patternTintAndShade === "number" ? f.patternTintAndShade : 0,
      };
    }
    return {};
  };

  RequestRun.prototype.method = function (obj, name, args) {
    var wb = this.host.workbook;
    if (obj.kind === "fill" && name === "Clear") eachCell(obj, function (cell) { cell.fill = null; });
    else if (obj.kind === "sheet" && name === "Delete") wb.deleteSheet(obj.sheet);
    else if (obj.kind === "sheet" && name === "Activate") wb.active = obj.sheet.name;
    else if (obj.kind === "range" && name === "Merge") obj.sheet.merges.push(this.host.FakeExcel.a1(obj.box.r1, obj.box.c1) + ":" + this.host.FakeExcel.a1(obj.box.r2, obj.box.c2));
    else if (obj.kind === "names" && name === "Add") wb.names.push({ name: args[0], formula: "=" + String(args[1]) });
    return undefined;
  };

  RequestRun.prototype.set = function (obj, name, value) {
    if (obj.kind === "range" && (name === "Formulas" || name === "Values")) {
      checkShape(obj, value);
      eachCell(obj, function (cell, r, c) {
        var v = gridValue(value, r, c);
        var isFormula = typeof v === "string" && v.charAt(0) === "=" && cell.numberFormat !== "@";
        cell.formula = isFormula ? v : null;
        cell.value = isFormula || v === "" ? null : v;
      });
    } else if (obj.kind === "range" && name === "NumberFormat") {
      checkShape(obj, value);
      eachCell(obj, function (cell, r, c) { cell.numberFormat = gridValue(value, r, c); });
    } else if (obj.kind === "fill" && name === "Color") {
      eachCell(obj, function (cell) { cell.fill = { color: String(value).toUpperCase(), pattern: cell.fill && cell.fill.pattern !== "None" ? cell.fill.pattern : "Solid" }; });
    } else if (obj.kind === "fill" && name === "Pattern") {
      if (GRADIENTS.indexOf(value) >= 0) throw fail("InvalidArgument", "RangeFill.pattern cannot be set to " + value);
      eachCell(obj, function (cell) { cell.fill = value === "None" ? null : { color: cell.fill ? cell.fill.color : "#FFFFFF", pattern: value }; });
    } else if (obj.kind === "sheet" && name === "Name") {
      this.host.workbook.renameSheet(obj.sheet, value);
    }
  };

  return { RequestHost: RequestHost, LIMIT: LIMIT };
});
