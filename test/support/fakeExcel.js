/* eslint-disable @typescript-eslint/no-this-alias -- ES5 closures keep their proxy; the file runs unbundled in the browser too */
/* A small, honest fake of the Excel JavaScript object model (Excel.run and the proxies the
 * add-in uses), for tests in Node and in the browser (served in place of office.js).
 *
 * What it is honest about:
 *  - properties are only readable after load() and a context.sync(); reading earlier, or reading
 *    one that was not named in load() ("items/name" loads the items' names, not their formulas),
 *    throws PropertyNotLoaded, as a real proxy does: ranges, collections, named items and fills;
 *  - getUsedRangeOrNullObject(valuesOnly) honours its argument (formats and merges count only
 *    when it is false); merge(across) merges each row when `across`, keeping only the top-left
 *    value as Excel does; getMergedAreasOrNullObject (ExcelApi 1.13) gives the merges whose
 *    top-left cell lies in the range, fails over 512 areas (with GeneralException: Office documents
 *    the failure, not its code), and is refused (ApiNotFound) by a workbook made with an older
 *    `excelApi`;
 *  - writing values or formulas into a cell whose format is not Text ("@") converts the text as
 *    Excel does when it is typed (en-US): "=…" a formula, "12" and "1.5E3" numbers, "50%" 0.5,
 *    "TRUE" a boolean, "1/10" and "1/10/2024" dates (serial numbers with a date format), "'x" the
 *    text x; anything else stays text;
 *  - a sheet made `protected` refuses writes to its cells with AccessDenied; while `editMode` is
 *    set (the clerk is typing in a cell) every sync fails with InvalidOperationInCellEditMode;
 *  - every context.sync() is counted, and Excel.run's closing sync of still-queued commands too;
 *  - errors (a missing sheet, a name taken) reject the sync, not the call, as in Office;
 *  - the request and response sizes of each sync are estimated and a sync over the limits
 *    (5 MB, as Excel on the web) is rejected with RequestPayloadSizeLimitExceeded /
 *    ResponsePayloadSizeLimitExceeded; a request weighs what the real office.js sends for it
 *    (measured in test/browser/officePayload.test.ts): each object reached (sheet, range,
 *    format, fill ...) once per request, then every command and load;
 *  - a fill's pattern cannot be set to a gradient (Excel refuses it);
 *  - cells may hold a hyperlink ({ address } or { documentReference }, with textToDisplay and
 *    screenTip), read only through Range.getCellProperties({ hyperlink: true }) (ExcelApi 1.9):
 *    its result's value is readable only after the sync (ValueNotLoaded), options other than
 *    CellPropertiesLoadOptions' keys or not boolean are refused (InvalidArgument), and a workbook
 *    made with an ExcelApi older than 1.9 refuses the sync (ApiNotFound); a cell without a
 *    hyperlink has none in its properties; worksheet.getRangeByIndexes (ExcelApi 1.7) refuses
 *    counts below 1 and cells beyond the sheet;
 *  - charts (ExcelApi 1.1: worksheet.charts.add, title, legend, data labels, the value axis,
 *    setPosition, series.getItemAt and its name) refuse at sync what Office refuses: an unknown
 *    chart type or seriesBy, a source that is not a Range, a bad cell address, a series index out
 *    of range; setXAxisValues and the category axis's reversePlotOrder (ExcelApi 1.7) are refused
 *    (ApiNotFound) by a workbook made with an older `excelApi`; properties are write-only until
 *    loaded, as elsewhere;
 *  - every write is recorded in `workbook.ops` with the sync it travelled in.
 * What it is not: a calculator. Formulas are stored; a formula's value is computed only for
 * SUM over references and plain references (enough for sub-total formulas), else it reads "".
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.FakeExcel = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var LIMIT = 5 * 1024 * 1024;
  /** Excel on the web's request limit, read as 5,000,000 bytes (src/host/office/officePayload.ts). */
  var REQUEST_LIMIT = 5000000;
  // Request bytes as the real office.js (excel-web-16.00.js) sends them, measured: an object's
  // path (with its instantiation) once per request, then each command (besides its own data,
  // counted as JSON) and each load. A highlighted cell: 828 bytes to load its fill, 902 to colour it.
  var SHEET_PATH_BYTES = 170;
  var RANGE_PATH_BYTES = 220;
  var FORMAT_PATH_BYTES = 110;
  var OBJECT_PATH_BYTES = 130;
  var COMMAND_BYTES = 80;
  var QUERY_BYTES = 190;
  var GRADIENTS = ["LinearGradient", "RectangularGradient"];

  function colIndex(letters) {
    var n = 0;
    for (var i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
    return n - 1;
  }
  function colLetters(col) {
    var s = "";
    var n = col + 1;
    while (n > 0) {
      var m = (n - 1) % 26;
      s = String.fromCharCode(65 + m) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  function a1(row, col) {
    return colLetters(col) + (row + 1);
  }
  /** "B3" / "$B$3" / "A1:G4" / "A:A" / "3:5" → { r1, c1, r2, c2 } (0-based, inclusive). */
  function parseAddress(address) {
    var text = String(address).replace(/\$/g, "").toUpperCase();
    var bang = text.lastIndexOf("!");
    if (bang >= 0) text = text.slice(bang + 1);
    var parts = text.split(":");
    function one(p) {
      var m = /^([A-Z]*)(\d*)$/.exec(p);
      if (!m || (m[1] === "" && m[2] === "")) throw fail("InvalidArgument", "bad address " + address);
      return { col: m[1] === "" ? null : colIndex(m[1]), row: m[2] === "" ? null : Number(m[2]) - 1 };
    }
    var a = one(parts[0]);
    var b = parts.length > 1 ? one(parts[1]) : a;
    return {
      r1: a.row === null ? 0 : a.row,
      c1: a.col === null ? 0 : a.col,
      r2: b.row === null ? 1048575 : b.row,
      c2: b.col === null ? 16383 : b.col,
      wholeColumns: a.row === null,
    };
  }
  function fail(code, message) {
    var e = new Error(code + ": " + message);
    e.code = code;
    return e;
  }
  function quoteSheet(name) {
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }
  function sizeOf(value) {
    try {
      return JSON.stringify(value === undefined ? null : value, function (k, v) {
        return k === "_range" || k === "_via" ? undefined : v;
      }).length;
    } catch {
      return 16;
    }
  }

  // ---------------------------------------------------------------- the workbook (the "host")

  function Workbook(init) {
    init = init || {};
    this.sheets = [];
    this.names = [];
    this.active = null;
    this.ops = [];
    this.syncCount = 0;
    this.runCount = 0;
    this.requestLimit = init.requestLimit || REQUEST_LIMIT;
    /** The estimated bytes of every request sent (refused ones included), in order. */
    this.requestSizes = [];
    this.responseLimit = init.responseLimit || LIMIT;
    this.calculationSuspensions = 0;
    this.calculations = [];
    /** The ExcelApi requirement set the "host" supports (isSetSupported answers from it). */
    this.excelApi = init.excelApi || "1.13";
    /** True while the clerk edits a cell: every sync fails, as Excel refuses batches then. */
    this.editMode = false;
    var self = this;
    (init.sheets || []).forEach(function (s) {
      var sheet = self.addSheet(s.name);
      sheet.merges = (s.merges || []).slice();
      sheet.visibility = s.visibility || "Visible";
      sheet.protected = !!s.protected;
      (s.values || []).forEach(function (row, r) {
        row.forEach(function (v, c) {
          if (v === null || v === undefined || v === "") return;
          var origin = s.origin || { row: 0, col: 0 };
          var cell = sheet.cell(r + origin.row, c + origin.col);
          if (v && typeof v === "object" && "error" in v) cell.error = v.error;
          else cell.value = v;
        });
      });
      Object.keys(s.fills || {}).forEach(function (addr) {
        var p = parseAddress(addr);
        sheet.cell(p.r1, p.c1).fill = { color: s.fills[addr], pattern: "Solid" };
      });
      Object.keys(s.numberFormats || {}).forEach(function (addr) {
        var p = parseAddress(addr);
        sheet.cell(p.r1, p.c1).numberFormat = s.numberFormats[addr];
      });
      Object.keys(s.hyperlinks || {}).forEach(function (addr) {
        var p = parseAddress(addr);
        sheet.cell(p.r1, p.c1).hyperlink = JSON.parse(JSON.stringify(s.hyperlinks[addr]));
      });
    });
    (init.names || []).forEach(function (n) {
      self.names.push({ name: n.name, formula: n.formula });
    });
    this.active = init.active || (this.sheets[0] && this.sheets[0].name) || null;
  }

  /** A workbook saved with toJSON() "opened again": cells, fills, names, layout. */
  Workbook.fromJSON = function (state, limits) {
    var wb = new Workbook(limits || {});
    state.sheets.forEach(function (s) {
      var sheet = wb.addSheet(s.name);
      Object.keys(s.cells).forEach(function (addr) {
        var p = parseAddress(addr);
        sheet.cells[sheet.key(p.r1, p.c1)] = JSON.parse(JSON.stringify(s.cells[addr]));
      });
      sheet.columnWidths = JSON.parse(JSON.stringify(s.columnWidths));
      sheet.rowHeights = JSON.parse(JSON.stringify(s.rowHeights || {}));
      sheet.merges = s.merges.slice();
      sheet.freeze = s.freeze;
      sheet.pageLayout = JSON.parse(JSON.stringify(s.pageLayout));
      sheet.charts = JSON.parse(JSON.stringify(s.charts || []));
      sheet.selection = s.selection;
      sheet.visibility = s.visibility || "Visible";
      sheet.protected = !!s.protected;
    });
    wb.names = state.names.map(function (n) {
      return { name: n.name, formula: n.formula };
    });
    wb.active = state.active;
    return wb;
  };

  /** Office.context.requirements.isSetSupported over this workbook's `excelApi`. */
  Workbook.prototype.isSetSupported = function (name, version) {
    if (name !== "ExcelApi") return false;
    var have = String(this.excelApi).split(".").map(Number);
    var want = String(version || "1.1").split(".").map(Number);
    return have[0] > want[0] || (have[0] === want[0] && (have[1] || 0) >= (want[1] || 0));
  };
  Workbook.prototype.sheet = function (name) {
    var lower = String(name).toLowerCase();
    for (var i = 0; i < this.sheets.length; i++) if (this.sheets[i].name.toLowerCase() === lower) return this.sheets[i];
    return null;
  };
  Workbook.prototype.addSheet = function (name) {
    if (this.sheet(name)) throw fail("ItemAlreadyExists", "sheet " + name);
    if (name.length > 31 || /[\\/?*[\]:]/.test(name)) throw fail("InvalidArgument", "sheet name " + name);
    var s = new SheetModel(this, name);
    this.sheets.push(s);
    return s;
  };
  Workbook.prototype.renameSheet = function (sheet, newName) {
    var old = sheet.name;
    if (old.toLowerCase() !== newName.toLowerCase() && this.sheet(newName)) throw fail("ItemAlreadyExists", "sheet " + newName);
    sheet.name = newName;
    // Excel follows a rename in the defined names.
    this.names.forEach(function (n) {
      n.formula = n.formula.split(quoteSheet(old) + "!").join(quoteSheet(newName) + "!");
    });
    if (this.active === old) this.active = newName;
  };
  Workbook.prototype.deleteSheet = function (sheet) {
    if (this.sheets.length === 1) throw fail("InvalidOperation", "a workbook needs one sheet");
    this.sheets = this.sheets.filter(function (s) {
      return s !== sheet;
    });
    this.names.forEach(function (n) {
      if (n.formula.indexOf(quoteSheet(sheet.name) + "!") >= 0) n.formula = "=#REF!";
    });
    if (this.active === sheet.name) this.active = this.sheets[0].name;
  };
  /** Plain data for assertions and for "closing and reopening" the workbook. */
  Workbook.prototype.toJSON = function () {
    return {
      sheets: this.sheets.map(function (s) {
        return s.toJSON();
      }),
      names: this.names.map(function (n) {
        return { name: n.name, formula: n.formula };
      }),
      active: this.active,
    };
  };

  function SheetModel(workbook, name) {
    this.workbook = workbook;
    this.name = name;
    this.cells = {};
    this.columnWidths = {};
    this.rowHeights = {};
    this.merges = [];
    this.freeze = null;
    this.pageLayout = { paperSize: "Letter", orientation: "Portrait", zoom: { scale: 100 }, printTitleRows: null };
    this.selection = "A1";
    this.visibility = "Visible";
    this.protected = false;
    /** Charts added by worksheet.charts.add, as plain data. */
    this.charts = [];
  }
  SheetModel.prototype.key = function (r, c) {
    return r + "," + c;
  };
  SheetModel.prototype.peek = function (r, c) {
    return this.cells[this.key(r, c)] || null;
  };
  SheetModel.prototype.cell = function (r, c) {
    var k = this.key(r, c);
    if (!this.cells[k]) this.cells[k] = { value: null, formula: null, error: null, numberFormat: "General", fill: null, font: {}, align: {}, borders: {}, hyperlink: null };
    return this.cells[k];
  };
  /** The value a cell shows: a formula's result where the fake can compute it. */
  SheetModel.prototype.shown = function (r, c, depth) {
    var cell = this.peek(r, c);
    if (!cell) return { value: "", type: "Empty" };
    if (cell.error) return { value: cell.error, type: "Error" };
    if (cell.formula !== null) {
      var v = this.evaluate(cell.formula, depth || 0);
      return v === null ? { value: "", type: "Empty" } : { value: v, type: typeof v === "number" ? "Double" : "String" };
    }
    var value = cell.value;
    if (value === null || value === "") return { value: "", type: "Empty" };
    if (typeof value === "number") return { value: value, type: "Double" };
    if (typeof value === "boolean") return { value: value, type: "Boolean" };
    return { value: value, type: "String" };
  };
  SheetModel.prototype.evaluate = function (formula, depth) {
    if (depth > 20) return null;
    var self = this;
    var m = /^=SUM\((.*)\)$/i.exec(formula);
    var refs = m ? m[1].split(",") : /^=\$?[A-Z]+\$?\d+$/i.test(formula) ? [formula.slice(1)] : null;
    if (!refs) return null;
    var total = 0;
    for (var i = 0; i < refs.length; i++) {
      if (!/^\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/i.test(refs[i].trim())) return null;
      var p = parseAddress(refs[i].trim());
      for (var r = p.r1; r <= p.r2; r++)
        for (var c = p.c1; c <= p.c2; c++) {
          var v = self.shown(r, c, depth + 1);
          if (typeof v.value === "number") total += v.value;
        }
    }
    return Math.round(total * 1e10) / 1e10;
  };
  /**
   * The used range's box: cells with a value (or formula, or error); with `valuesOnly` false also
   * cells with a format (fill, number format, font, alignment, borders) and merged areas, as Excel's
   * getUsedRange(false) counts formatted cells.
   */
  SheetModel.prototype.usedBox = function (valuesOnly) {
    var box = null;
    var self = this;
    function grow(r1, c1, r2, c2) {
      if (!box) box = { r1: r1, c1: c1, r2: r2, c2: c2 };
      box.r1 = Math.min(box.r1, r1);
      box.c1 = Math.min(box.c1, c1);
      box.r2 = Math.max(box.r2, r2);
      box.c2 = Math.max(box.c2, c2);
    }
    Object.keys(this.cells).forEach(function (k) {
      var cell = self.cells[k];
      var hasValue = cell.formula !== null || cell.error !== null || (cell.value !== null && cell.value !== "");
      var formatted =
        cell.fill !== null ||
        cell.numberFormat !== "General" ||
        Object.keys(cell.font).length > 0 ||
        Object.keys(cell.align).length > 0 ||
        Object.keys(cell.borders).length > 0;
      if (!hasValue && (valuesOnly || !formatted)) return;
      var rc = k.split(",").map(Number);
      grow(rc[0], rc[1], rc[0], rc[1]);
    });
    if (!valuesOnly) {
      this.merges.forEach(function (address) {
        var p = parseAddress(address);
        grow(p.r1, p.c1, p.r2, p.c2);
      });
    }
    return box;
  };
  SheetModel.prototype.toJSON = function () {
    var self = this;
    var cells = {};
    Object.keys(this.cells).forEach(function (k) {
      var rc = k.split(",").map(Number);
      var c = self.cells[k];
      cells[a1(rc[0], rc[1])] = JSON.parse(JSON.stringify(c));
    });
    return {
      name: this.name,
      cells: cells,
      columnWidths: JSON.parse(JSON.stringify(this.columnWidths)),
      rowHeights: JSON.parse(JSON.stringify(this.rowHeights)),
      merges: this.merges.slice(),
      freeze: this.freeze,
      pageLayout: JSON.parse(JSON.stringify(this.pageLayout)),
      charts: JSON.parse(JSON.stringify(this.charts)),
      selection: this.selection,
      visibility: this.visibility,
      protected: this.protected,
    };
  };

  // ---------------------------------------------------------------- proxies and the context

  function Context(workbook) {
    this._wb = workbook;
    this._queue = []; // thunks run at sync, in order
    this._request = 0;
    this._paid = new Set(); // objects whose path this request already carries
    this.workbook = new WorkbookProxy(this);
    var ctx = this;
    this.application = {
      suspendApiCalculationUntilNextSync: function () {
        ctx._wb.calculationSuspensions++;
        ctx._op({ op: "suspendApiCalculationUntilNextSync" }, function () {});
      },
      calculate: function (calculationType) {
        ctx._op({ op: "calculate", calculationType: calculationType }, function () {
          ctx._wb.calculations.push(calculationType);
        });
      },
    };
    // Excel's workbook.application is the same object as context.application.
    this.workbook.application = this.application;
  }
  /** Queues a command: `apply` runs at sync time; `record` goes to workbook.ops. */
  Context.prototype._op = function (record, apply) {
    this._request += COMMAND_BYTES + sizeOf(record) + this._paths(record._range, record._via);
    this._queue.push({ kind: "op", record: record, apply: apply });
  };
  Context.prototype._load = function (proxy, props) {
    var range = proxy._range || (proxy instanceof Range ? proxy : null);
    this._request += QUERY_BYTES + (range ? this._paths(range, proxy === range ? null : proxy) : this._pay(proxy, OBJECT_PATH_BYTES));
    this._queue.push({ kind: "load", proxy: proxy, props: props });
  };
  /** Bytes of the object's path the first time this request reaches it, else 0. */
  Context.prototype._pay = function (object, bytes) {
    if (!object || this._paid.has(object)) return 0;
    this._paid.add(object);
    return bytes;
  };
  /** Paths a command on `range` (through `via`: its format, fill, font or a border) adds. */
  Context.prototype._paths = function (range, via) {
    if (!range) return 0;
    var bytes = this._pay(range._ws, SHEET_PATH_BYTES) + this._pay(range, RANGE_PATH_BYTES + String(range._address || "").length);
    if (via) bytes += this._pay(range.format, FORMAT_PATH_BYTES) + (via !== range.format ? this._pay(via, OBJECT_PATH_BYTES) : 0);
    return bytes;
  };
  Context.prototype.sync = function () {
    var ctx = this;
    var wb = this._wb;
    wb.syncCount++;
    var syncNo = wb.syncCount;
    var queue = this._queue;
    var request = this._request;
    this._queue = [];
    this._request = 0;
    this._paid = new Set();
    wb.requestSizes.push(request);
    return Promise.resolve().then(function () {
      if (wb.editMode) throw fail("InvalidOperationInCellEditMode", "Excel is in cell-editing mode");
      if (request > wb.requestLimit) throw fail("RequestPayloadSizeLimitExceeded", request + " bytes");
      var response = 0;
      // Commands and loads run in the order they were queued; a load sees the state at its turn.
      for (var i = 0; i < queue.length; i++) {
        var q = queue[i];
        if (q.kind === "op") {
          var record = q.record;
          if (record._range && record.op !== "select" && record._range._ws._resolve().protected) {
            throw fail("AccessDenied", record.op + " on the protected sheet " + record._range._ws._resolve().name);
          }
          q.apply();
          if (record._range) {
            record.sheet = record._range._ws._resolve().name;
            delete record._range;
          }
          delete record._via;
          record.sync = syncNo;
          wb.ops.push(record);
        } else {
          response += q.proxy._materialize(q.props);
        }
      }
      if (response > wb.responseLimit) {
        queue.forEach(function (q) {
          if (q.kind === "load") q.proxy._loaded = {};
          if (q.result) q.result._loaded = false;
        });
        throw fail("ResponsePayloadSizeLimitExceeded", response + " bytes");
      }
      return ctx;
    });
  };
  Context.prototype._pending = function () {
    return this._queue.length;
  };

  function ClientObject(ctx) {
    this.context = ctx;
    this._loaded = {};
  }
  ClientObject.prototype.load = function (props) {
    var list = typeof props === "string" ? props.split(",").map(function (p) { return p.trim(); }) : Array.isArray(props) ? props : Object.keys(props || {});
    this.context._load(this, list);
    return this;
  };
  /**
   * What a load asks of a collection's items: null when the items were not asked for, [] for all
   * their scalar properties ("items", or load() with no argument), else the names after "items/".
   */
  function itemProps(props) {
    if (props.length === 0) return [];
    var sub = [];
    var wanted = false;
    props.forEach(function (p) {
      if (p === "items") {
        wanted = true;
        sub = null;
      } else if (p.indexOf("items/") === 0) {
        wanted = true;
        if (sub) sub.push(p.slice(6));
      }
    });
    return wanted ? sub || [] : null;
  }
  /** Sets on `target._loaded` the properties asked for (all of `all` when none is named). */
  function loadScalars(target, props, all) {
    var list = props.length === 0 ? Object.keys(all) : props;
    list.forEach(function (p) {
      if (!(p in all)) throw fail("InvalidArgument", "the fake does not load " + p);
      target._loaded[p] = all[p];
    });
  }
  ClientObject.prototype._get = function (prop) {
    if (!(prop in this._loaded)) throw fail("PropertyNotLoaded", prop + " read before load() and sync()");
    return this._loaded[prop];
  };
  function readable(proto, props) {
    props.forEach(function (p) {
      Object.defineProperty(proto, p, {
        get: function () {
          return this._get(p);
        },
        configurable: true,
      });
    });
  }

  function WorkbookProxy(ctx) {
    this.context = ctx;
    this.worksheets = new WorksheetCollection(ctx);
    this.names = new NamedItemCollection(ctx);
  }

  function WorksheetCollection(ctx) {
    ClientObject.call(this, ctx);
  }
  WorksheetCollection.prototype = Object.create(ClientObject.prototype);
  WorksheetCollection.prototype._materialize = function (props) {
    var ctx = this.context;
    var sub = itemProps(props);
    if (sub === null) throw fail("InvalidArgument", "the fake loads a collection's items only");
    var items = ctx._wb.sheets.map(function (s) {
      var ws = new Worksheet(ctx, function () {
        return s;
      });
      loadScalars(ws, sub, worksheetScalars(s, ctx._wb));
      return ws;
    });
    this._loaded.items = items;
    return items.length * 40;
  };
  readable(WorksheetCollection.prototype, ["items"]);
  WorksheetCollection.prototype.getItem = function (name) {
    var wb = this.context._wb;
    // Like Office, the proxy is bound to the sheet the first time a command uses it; a later
    // rename does not make it point elsewhere.
    var bound = null;
    return new Worksheet(this.context, function () {
      if (bound) return bound;
      var s = wb.sheet(name);
      if (!s) throw fail("ItemNotFound", "sheet " + name);
      bound = s;
      return s;
    });
  };
  /**
   * A missing sheet is a null object; so is what is got from it (its used range), as the add-in
   * assumes of Office: the chain is queued before anyone knows whether the sheet exists.
   */
  WorksheetCollection.prototype.getItemOrNullObject = function (name) {
    var wb = this.context._wb;
    var bound;
    var ws = new Worksheet(this.context, function () {
      if (bound === undefined) bound = wb.sheet(name);
      return bound;
    });
    ws._nullable = true;
    return ws;
  };
  WorksheetCollection.prototype.getActiveWorksheet = function () {
    var wb = this.context._wb;
    return new Worksheet(this.context, function () {
      return wb.sheet(wb.active);
    });
  };
  WorksheetCollection.prototype.add = function (name) {
    var wb = this.context._wb;
    var created = null;
    this.context._op({ op: "addSheet", name: name }, function () {
      created = wb.addSheet(name);
    });
    return new Worksheet(this.context, function () {
      if (!created) throw fail("ItemNotFound", "sheet " + name + " not created yet");
      return created;
    });
  };

  /** `resolve` finds the sheet model when a command runs (at sync), as Office resolves paths. */
  function Worksheet(ctx, resolve) {
    ClientObject.call(this, ctx);
    this._resolve = resolve;
    var ws = this;
    this.freezePanes = {
      freezeAt: function (range) {
        var address = typeof range === "string" ? range : range._address;
        ctx._op({ op: "freezeAt", address: address }, function () {
          var p = parseAddress(address);
          ws._resolve().freeze = { rows: p.r2 + 1, cols: p.c2 + 1 };
        });
      },
      freezeRows: function (n) {
        ctx._op({ op: "freezeRows", count: n }, function () {
          ws._resolve().freeze = { rows: n, cols: 0 };
        });
      },
      freezeColumns: function (n) {
        ctx._op({ op: "freezeColumns", count: n }, function () {
          ws._resolve().freeze = { rows: 0, cols: n };
        });
      },
    };
    this.pageLayout = pageLayoutProxy(ctx, this);
    this.charts = new ChartCollection(ctx, this);
  }
  Worksheet.prototype = Object.create(ClientObject.prototype);
  function worksheetScalars(s, wb) {
    return { name: s.name, visibility: s.visibility, position: wb.sheets.indexOf(s) };
  }
  Worksheet.prototype._materialize = function (props) {
    var s = this._resolve();
    loadScalars(this, props, worksheetScalars(s, s.workbook));
    return 40;
  };
  readable(Worksheet.prototype, ["visibility", "position"]);
  Object.defineProperty(Worksheet.prototype, "name", {
    get: function () {
      return this._get("name");
    },
    set: function (value) {
      var ws = this;
      this.context._op({ op: "renameSheet", name: value }, function () {
        var s = ws._resolve();
        s.workbook.renameSheet(s, value);
      });
    },
  });
  /** getRange() without an address is the whole sheet, as in Office. */
  Worksheet.prototype.getRange = function (address) {
    return new Range(this.context, this, address || "A1:XFD1048576");
  };
  Worksheet.prototype.getUsedRangeOrNullObject = function (valuesOnly) {
    var ws = this;
    var range = new Range(this.context, ws, null);
    range._usedOf = valuesOnly ? "values" : "all";
    return range;
  };
  /** ExcelApi 1.7: the cells from (startRow, startColumn), 0-based; Office refuses counts below 1 or cells beyond the sheet. */
  Worksheet.prototype.getRangeByIndexes = function (startRow, startColumn, rowCount, columnCount) {
    var ctx = this.context;
    var r = new Range(ctx, this, null);
    var ws = this;
    var box = { r1: startRow, c1: startColumn, r2: startRow + rowCount - 1, c2: startColumn + columnCount - 1 };
    var whole = [startRow, startColumn, rowCount, columnCount].every(function (n) {
      return typeof n === "number" && Math.floor(n) === n;
    });
    if (whole && rowCount >= 1 && columnCount >= 1 && box.r1 >= 0 && box.c1 >= 0 && box.r2 <= 1048575 && box.c2 <= 16383) {
      r._address = a1(box.r1, box.c1) + ":" + a1(box.r2, box.c2);
    }
    r._cells = function () {
      needs17(ctx, "getRangeByIndexes");
      if (r._address === null) throw fail("InvalidArgument", "getRangeByIndexes(" + [startRow, startColumn, rowCount, columnCount].join(", ") + ")");
      return { sheet: ws._resolve(), box: box };
    };
    return r;
  };
  Worksheet.prototype.activate = function () {
    var ws = this;
    this.context._op({ op: "activate" }, function () {
      var s = ws._resolve();
      s.workbook.active = s.name;
    });
  };
  Worksheet.prototype.delete = function () {
    var ws = this;
    this.context._op({ op: "deleteSheet" }, function () {
      var s = ws._resolve();
      s.workbook.deleteSheet(s);
    });
  };

  // ---------------------------------------------------------------- charts (ExcelApi 1.1, 1.7)

  /** Excel.ChartType values the fake knows (a subset of Office's; any other is refused). */
  var CHART_TYPES = [
    "ColumnClustered", "ColumnStacked", "ColumnStacked100", "BarClustered", "BarStacked", "BarStacked100",
    "Line", "LineMarkers", "LineStacked", "Pie", "Doughnut", "Area", "AreaStacked", "XYScatter", "Radar",
  ];
  var SERIES_BY = ["Auto", "Columns", "Rows"];

  /** A write-only property whose setting queues `apply(model, value)` at sync; reading throws until loaded. */
  function chartProperty(target, prop, ctx, path, model, apply) {
    Object.defineProperty(target, prop, {
      set: function (value) {
        ctx._op({ op: "chart", path: path + "." + prop, value: value }, function () {
          apply(model(), value);
        });
      },
      get: function () {
        throw fail("PropertyNotLoaded", path + "." + prop);
      },
    });
  }
  function needs17(ctx, what) {
    if (!ctx._wb.isSetSupported("ExcelApi", "1.7")) throw fail("ApiNotFound", what + " needs ExcelApi 1.7");
  }
  /** The sheet-local address of a Range proxy at sync, refusing anything else. */
  function rangeAddress(range, what) {
    if (!(range instanceof Range)) throw fail("InvalidArgument", what + " must be a Range");
    var where = range._cells();
    if (!where.box) throw fail("InvalidArgument", what + " is empty");
    var b = where.box;
    return { sheet: where.sheet.name, address: a1(b.r1, b.c1) + ":" + a1(b.r2, b.c2), box: b };
  }

  function ChartCollection(ctx, worksheet) {
    ClientObject.call(this, ctx);
    this._ws = worksheet;
  }
  ChartCollection.prototype = Object.create(ClientObject.prototype);
  ChartCollection.prototype.add = function (type, sourceData, seriesBy) {
    var ctx = this.context;
    var ws = this._ws;
    var made = null;
    ctx._op({ op: "addChart", type: type, seriesBy: seriesBy }, function () {
      if (CHART_TYPES.indexOf(type) < 0) throw fail("InvalidArgument", "chart type " + type);
      if (seriesBy !== undefined && SERIES_BY.indexOf(seriesBy) < 0) throw fail("InvalidArgument", "seriesBy " + seriesBy);
      var source = rangeAddress(sourceData, "sourceData");
      var b = source.box;
      var byRows = seriesBy === "Rows";
      var count = byRows ? b.r2 - b.r1 + 1 : b.c2 - b.c1 + 1;
      var series = [];
      for (var i = 0; i < count; i++) {
        var values = byRows ? a1(b.r1 + i, b.c1) + ":" + a1(b.r1 + i, b.c2) : a1(b.r1, b.c1 + i) + ":" + a1(b.r2, b.c1 + i);
        series.push({ name: "Series" + (i + 1), values: quoteSheet(source.sheet) + "!" + values, xValues: null });
      }
      var sheet = ws._resolve();
      made = {
        name: "Chart " + (sheet.charts.length + 1),
        type: type,
        source: quoteSheet(source.sheet) + "!" + source.address,
        seriesBy: seriesBy || "Auto",
        title: null,
        legendVisible: true,
        showValue: false,
        valueAxisMinimum: null,
        reversePlotOrder: false,
        position: null,
        series: series,
      };
      sheet.charts.push(made);
    });
    return new Chart(ctx, function () {
      if (!made) throw fail("ItemNotFound", "chart not added");
      return made;
    });
  };

  function Chart(ctx, model) {
    ClientObject.call(this, ctx);
    this._model = model;
    this.title = {};
    chartProperty(this.title, "text", ctx, "title", model, function (m, v) {
      m.title = String(v);
    });
    this.legend = {};
    chartProperty(this.legend, "visible", ctx, "legend", model, function (m, v) {
      m.legendVisible = !!v;
    });
    this.dataLabels = {};
    chartProperty(this.dataLabels, "showValue", ctx, "dataLabels", model, function (m, v) {
      m.showValue = !!v;
    });
    var valueAxis = {};
    chartProperty(valueAxis, "minimum", ctx, "axes.valueAxis", model, function (m, v) {
      if (typeof v !== "number") throw fail("InvalidArgument", "valueAxis.minimum " + v);
      m.valueAxisMinimum = v;
    });
    var categoryAxis = {};
    chartProperty(categoryAxis, "reversePlotOrder", ctx, "axes.categoryAxis", model, function (m, v) {
      needs17(ctx, "categoryAxis.reversePlotOrder");
      m.reversePlotOrder = !!v;
    });
    this.axes = { valueAxis: valueAxis, categoryAxis: categoryAxis };
    this.series = new ChartSeriesCollection(ctx, model);
  }
  Chart.prototype = Object.create(ClientObject.prototype);
  /** Over the cells from startCell to endCell (addresses or Ranges), as Office places it. */
  Chart.prototype.setPosition = function (startCell, endCell) {
    var model = this._model;
    var address = function (c) {
      return typeof c === "string" ? c : c instanceof Range ? c._address : null;
    };
    this.context._op({ op: "chart", path: "setPosition", start: address(startCell), end: address(endCell) }, function () {
      var start = address(startCell);
      var end = endCell === undefined ? start : address(endCell);
      if (start === null || end === null) throw fail("InvalidArgument", "setPosition cells");
      var s = parseAddress(start);
      var e = parseAddress(end);
      if (e.r2 < s.r1 || e.c2 < s.c1) throw fail("InvalidArgument", "setPosition end before start");
      model().position = { start: a1(s.r1, s.c1), end: a1(e.r2, e.c2) };
    });
  };

  function ChartSeriesCollection(ctx, chartModel) {
    ClientObject.call(this, ctx);
    this._chart = chartModel;
  }
  ChartSeriesCollection.prototype = Object.create(ClientObject.prototype);
  ChartSeriesCollection.prototype.getItemAt = function (index) {
    var chartModel = this._chart;
    return new ChartSeries(this.context, function () {
      var list = chartModel().series;
      if (!(index >= 0 && index < list.length)) throw fail("InvalidArgument", "series index " + index);
      return list[index];
    });
  };

  function ChartSeries(ctx, model) {
    ClientObject.call(this, ctx);
    this._model = model;
    chartProperty(this, "name", ctx, "series", model, function (m, v) {
      m.name = String(v);
    });
  }
  ChartSeries.prototype = Object.create(ClientObject.prototype);
  ChartSeries.prototype.setXAxisValues = function (sourceData) {
    var ctx = this.context;
    var model = this._model;
    ctx._op({ op: "chart", path: "series.setXAxisValues" }, function () {
      needs17(ctx, "setXAxisValues");
      var source = rangeAddress(sourceData, "sourceData");
      model().xValues = quoteSheet(source.sheet) + "!" + source.address;
    });
  };

  function pageLayoutProxy(ctx, ws) {
    var layout = {};
    ["paperSize", "orientation", "zoom"].forEach(function (prop) {
      Object.defineProperty(layout, prop, {
        set: function (value) {
          ctx._op({ op: "pageLayout", prop: prop, value: value }, function () {
            ws._resolve().pageLayout[prop] = value;
          });
        },
        get: function () {
          throw fail("PropertyNotLoaded", "pageLayout." + prop);
        },
      });
    });
    layout.setPrintTitleRows = function (rows) {
      ctx._op({ op: "setPrintTitleRows", rows: rows }, function () {
        ws._resolve().pageLayout.printTitleRows = rows;
      });
    };
    return layout;
  }

  function Range(ctx, worksheet, address) {
    ClientObject.call(this, ctx);
    this._ws = worksheet;
    this._address = address;
    this._usedOf = false;
    this._box = null;
    var range = this;
    this.format = formatProxy(ctx, range);
  }
  Range.prototype = Object.create(ClientObject.prototype);
  /** The cells this range covers, resolved at sync time. */
  Range.prototype._cells = function () {
    var s = this._ws._resolve();
    if (!s && this._ws._nullable && this._usedOf) return { sheet: null, box: null };
    if (this._usedOf) {
      var box = s.usedBox(this._usedOf === "values");
      return box ? { sheet: s, box: box } : { sheet: s, box: null };
    }
    var p = parseAddress(this._address);
    if (p.wholeColumns) {
      var used = s.usedBox(true);
      p = { r1: 0, c1: p.c1, r2: used ? used.r2 : 0, c2: p.c2, wholeColumns: true };
    }
    return { sheet: s, box: p };
  };
  Range.prototype._materialize = function (props) {
    var where = this._cells();
    var box = where.box;
    var s = where.sheet;
    var size = 0;
    this._loaded.isNullObject = box === null;
    if (box === null) return 10;
    var self = this;
    var rows = box.r2 - box.r1 + 1;
    var cols = box.c2 - box.c1 + 1;
    props.forEach(function (prop) {
      var grid;
      switch (prop) {
        case "values":
        case "valueTypes":
        case "formulas":
        case "numberFormat":
          grid = [];
          for (var r = box.r1; r <= box.r2; r++) {
            var line = [];
            for (var c = box.c1; c <= box.c2; c++) {
              var cell = s.peek(r, c);
              var shown = s.shown(r, c);
              if (prop === "values") line.push(shown.value);
              else if (prop === "valueTypes") line.push(shown.type);
              else if (prop === "formulas") line.push(cell && cell.formula !== null ? cell.formula : shown.value);
              else line.push(cell ? cell.numberFormat : "General");
            }
            grid.push(line);
          }
          self._loaded[prop] = grid;
          size += sizeOf(grid);
          break;
        case "rowIndex":
          self._loaded.rowIndex = box.r1;
          break;
        case "columnIndex":
          self._loaded.columnIndex = box.c1;
          break;
        case "rowCount":
          self._loaded.rowCount = rows;
          break;
        case "columnCount":
          self._loaded.columnCount = cols;
          break;
        case "address":
          self._loaded.address = quoteSheet(s.name) + "!" + a1(box.r1, box.c1) + (rows > 1 || cols > 1 ? ":" + a1(box.r2, box.c2) : "");
          break;
        default:
          throw fail("InvalidArgument", "the fake does not load Range." + prop);
      }
    });
    return size + 20;
  };
  readable(Range.prototype, ["values", "valueTypes", "formulas", "numberFormat", "rowIndex", "columnIndex", "rowCount", "columnCount", "address", "isNullObject"]);
  /** Writes a 2-D array (or one value for every cell) through `put(cell, value)`. */
  function writeGrid(range, opName, data, put) {
    var ctx = range.context;
    ctx._op({ op: opName, address: range._address, data: data, _range: range }, function () {
      var where = range._cells();
      var box = where.box;
      var rows = box.r2 - box.r1 + 1;
      var cols = box.c2 - box.c1 + 1;
      var isGrid = Array.isArray(data);
      if (isGrid && (data.length !== rows || data.some(function (line) { return !Array.isArray(line) || line.length !== cols; }))) {
        throw fail("InvalidArgument", opName + ": " + range._address + " is " + rows + "x" + cols);
      }
      for (var r = 0; r < rows; r++)
        for (var c = 0; c < cols; c++) put(where.sheet.cell(box.r1 + r, box.c1 + c), isGrid ? data[r][c] : data);
    });
  }
  /** Days from Excel's epoch (1899-12-30) to a date: its serial number. */
  function dateSerial(year, month, day) {
    return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
  }
  /**
   * Text as Excel reads it when written into a cell that is not Text (en-US, as typed): the value
   * and, for dates and percentages, the number format Excel gives the cell. Null: stays text.
   */
  function typedText(text) {
    if (/^[+-]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?$/i.test(text)) return { value: Number(text) };
    var pct = /^([+-]?(\d+\.?\d*|\.\d+))%$/.exec(text);
    if (pct) return { value: Number(pct[1]) / 100, format: "0%" };
    if (/^(TRUE|FALSE)$/i.test(text)) return { value: text.toUpperCase() === "TRUE" };
    var d = /^(\d{1,2})\/(\d{1,2})(\/(\d{4}))?$/.exec(text);
    if (d) {
      var month = Number(d[1]);
      var day = Number(d[2]);
      var year = d[4] ? Number(d[4]) : new Date().getFullYear();
      var date = new Date(Date.UTC(year, month - 1, day));
      if (month >= 1 && month <= 12 && date.getUTCDate() === day) return { value: dateSerial(year, month, day), format: d[4] ? "m/d/yyyy" : "d-mmm" };
    }
    return null;
  }
  function setContent(cell, v) {
    cell.error = null;
    cell.formula = null;
    cell.value = v === "" ? null : v;
    if (typeof v !== "string" || cell.numberFormat === "@") return;
    if (v.charAt(0) === "=" && v.length > 1) {
      cell.formula = v;
      cell.value = null;
    } else if (v.charAt(0) === "'") {
      cell.value = v.slice(1) === "" ? null : v.slice(1);
    } else {
      var typed = typedText(v.trim());
      if (typed === null) return;
      cell.value = typed.value;
      if (typed.format && cell.numberFormat === "General") cell.numberFormat = typed.format;
    }
  }
  Object.defineProperty(Range.prototype, "values", {
    get: function () {
      return this._get("values");
    },
    set: function (data) {
      writeGrid(this, "setValues", data, function (cell, v) {
        setContent(cell, v);
      });
    },
  });
  Object.defineProperty(Range.prototype, "formulas", {
    get: function () {
      return this._get("formulas");
    },
    set: function (data) {
      writeGrid(this, "setFormulas", data, function (cell, v) {
        setContent(cell, v);
      });
    },
  });
  Object.defineProperty(Range.prototype, "numberFormat", {
    get: function () {
      return this._get("numberFormat");
    },
    set: function (data) {
      writeGrid(this, "setNumberFormat", data, function (cell, v) {
        cell.numberFormat = v;
      });
    },
  });
  /** Merges the range (each row apart when `across`); only each merge's top-left value stays. */
  Range.prototype.merge = function (across) {
    var range = this;
    this.context._op({ op: "merge", address: this._address, across: !!across, _range: range }, function () {
      var where = range._cells();
      var box = where.box;
      var areas = [];
      if (across) for (var r = box.r1; r <= box.r2; r++) areas.push({ r1: r, c1: box.c1, r2: r, c2: box.c2 });
      else areas.push(box);
      areas.forEach(function (a) {
        if (a.r1 === a.r2 && a.c1 === a.c2) return;
        for (var r = a.r1; r <= a.r2; r++)
          for (var c = a.c1; c <= a.c2; c++) {
            var cell = where.sheet.peek(r, c);
            if (cell && (r !== a.r1 || c !== a.c1)) {
              cell.value = null;
              cell.formula = null;
              cell.error = null;
            }
          }
        where.sheet.merges.push(a1(a.r1, a.c1) + ":" + a1(a.r2, a.c2));
      });
    });
  };
  /**
   * ExcelApi 1.13: the merged areas whose top-left cell lies in this range (as Office, not those
   * that only overlap it), or a null object when there are none. Fails over 512 areas, as Office
   * documents; refused by a workbook whose `excelApi` is older.
   */
  Range.prototype.getMergedAreasOrNullObject = function () {
    return new RangeAreas(this.context, this);
  };
  function RangeAreas(ctx, range) {
    ClientObject.call(this, ctx);
    this._range = range;
  }
  RangeAreas.prototype = Object.create(ClientObject.prototype);
  RangeAreas.prototype._materialize = function (props) {
    var ctx = this.context;
    if (!ctx._wb.isSetSupported("ExcelApi", "1.13")) throw fail("ApiNotFound", "getMergedAreasOrNullObject needs ExcelApi 1.13");
    var where = this._range._cells();
    var box = where.box;
    var s = where.sheet;
    var found = box === null ? [] : s.merges.map(parseAddress).filter(function (p) {
      return p.r1 >= box.r1 && p.r1 <= box.r2 && p.c1 >= box.c1 && p.c1 <= box.c2;
    });
    this._loaded.isNullObject = found.length === 0;
    if (found.length === 0) return 10;
    if (found.length > 512) throw fail("GeneralException", found.length + " merged areas (more than 512)");
    var self = this;
    var areaProps = [];
    props.forEach(function (p) {
      if (p === "areaCount") self._loaded.areaCount = found.length;
      else if (p === "address") {
        self._loaded.address = found.map(function (b) {
          return quoteSheet(s.name) + "!" + a1(b.r1, b.c1) + ":" + a1(b.r2, b.c2);
        }).join(",");
      } else if (p.indexOf("areas/items/") === 0) areaProps.push(p.slice(12));
      else throw fail("InvalidArgument", "the fake does not load RangeAreas." + p);
    });
    if (areaProps.length > 0) {
      var items = found.map(function (b) {
        var item = new ClientObject(ctx);
        loadScalars(item, areaProps, {
          rowIndex: b.r1,
          columnIndex: b.c1,
          rowCount: b.r2 - b.r1 + 1,
          columnCount: b.c2 - b.c1 + 1,
          address: quoteSheet(s.name) + "!" + a1(b.r1, b.c1) + ":" + a1(b.r2, b.c2),
        });
        readable(item, ["rowIndex", "columnIndex", "rowCount", "columnCount", "address"]);
        return item;
      });
      var areas = new ClientObject(ctx);
      areas._loaded.items = items;
      readable(areas, ["items"]);
      this._loaded.areas = areas;
    }
    return 20 + found.length * 40;
  };
  readable(RangeAreas.prototype, ["areas", "areaCount", "address", "isNullObject"]);
  /** CellPropertiesLoadOptions' keys (ExcelApi 1.9; textRuns 1.18): what Office accepts in getCellProperties. */
  var CELL_PROPERTY_OPTIONS = ["address", "addressLocal", "format", "hidden", "hyperlink", "style", "textRuns"];
  /**
   * ExcelApi 1.9: each cell's properties named in `options` (the fake knows address and
   * hyperlink), as a result whose value is readable after the sync. Refused by an older workbook.
   */
  Range.prototype.getCellProperties = function (options) {
    var ctx = this.context;
    var range = this;
    var result = new ClientResult();
    ctx._request += QUERY_BYTES + sizeOf(options) + ctx._paths(range, null);
    ctx._queue.push({
      kind: "load",
      props: [],
      result: result,
      proxy: {
        _materialize: function () {
          if (!ctx._wb.isSetSupported("ExcelApi", "1.9")) throw fail("ApiNotFound", "getCellProperties needs ExcelApi 1.9");
          if (!options || typeof options !== "object" || Array.isArray(options)) throw fail("InvalidArgument", "getCellProperties needs CellPropertiesLoadOptions");
          Object.keys(options).forEach(function (k) {
            if (CELL_PROPERTY_OPTIONS.indexOf(k) < 0) throw fail("InvalidArgument", "getCellProperties: no option " + k);
            if (k !== "format" && typeof options[k] !== "boolean") throw fail("InvalidArgument", "getCellProperties: " + k + " must be true or false");
            if (options[k] !== false && k !== "address" && k !== "hyperlink") throw fail("InvalidArgument", "the fake does not load CellProperties." + k);
          });
          var where = range._cells();
          var b = where.box;
          var grid = [];
          for (var r = b.r1; r <= b.r2; r++) {
            var line = [];
            for (var c = b.c1; c <= b.c2; c++) {
              var props = {};
              var cell = where.sheet.peek(r, c);
              if (options.address) props.address = quoteSheet(where.sheet.name) + "!" + a1(r, c);
              if (options.hyperlink && cell && cell.hyperlink) props.hyperlink = JSON.parse(JSON.stringify(cell.hyperlink));
              line.push(props);
            }
            grid.push(line);
          }
          result._value = grid;
          result._loaded = true;
          return sizeOf(grid);
        },
        _loaded: {},
      },
    });
    return result;
  };
  /** OfficeExtension.ClientResult: `value` only after the sync that carried the request. */
  function ClientResult() {
    this._loaded = false;
    this._value = undefined;
  }
  Object.defineProperty(ClientResult.prototype, "value", {
    get: function () {
      if (!this._loaded) throw fail("ValueNotLoaded", "the value of the result object has not been loaded yet");
      return this._value;
    },
  });
  Range.prototype.select = function () {
    var range = this;
    this.context._op({ op: "select", address: this._address, _range: range }, function () {
      range._ws._resolve().selection = range._address;
    });
  };
  Range.prototype.getRow = function (i) {
    var r = new Range(this.context, this._ws, null);
    var parent = this;
    r._cells = function () {
      var where = parent._cells();
      return { sheet: where.sheet, box: { r1: where.box.r1 + i, c1: where.box.c1, r2: where.box.r1 + i, c2: where.box.c2 } };
    };
    return r;
  };
  Range.prototype.getResizedRange = function (dRows, dCols) {
    var r = new Range(this.context, this._ws, null);
    var parent = this;
    r._cells = function () {
      var where = parent._cells();
      return { sheet: where.sheet, box: { r1: where.box.r1, c1: where.box.c1, r2: where.box.r2 + dRows, c2: where.box.c2 + dCols } };
    };
    return r;
  };

  /** format.font / fill / alignment / borders / columnWidth: each set is a queued command. */
  function formatProxy(ctx, range) {
    function eachCell(fn) {
      var where = range._cells();
      for (var r = where.box.r1; r <= where.box.r2; r++) for (var c = where.box.c1; c <= where.box.c2; c++) fn(where.sheet.cell(r, c), r, c);
    }
    function setter(target, prop, opName, apply) {
      Object.defineProperty(target, prop, {
        set: function (value) {
          ctx._op({ op: opName, prop: prop, address: range._address, value: value, _range: range, _via: target }, function () {
            apply(value);
          });
        },
        get: function () {
          if (target._loaded && prop in target._loaded) return target._loaded[prop];
          throw fail("PropertyNotLoaded", "format." + prop);
        },
        configurable: true,
      });
    }
    var format = {};
    var font = {};
    ["bold", "italic", "size", "color"].forEach(function (p) {
      setter(font, p, "font", function (v) {
        eachCell(function (cell) {
          cell.font[p] = v;
        });
      });
    });
    format.font = font;

    var fill = new ClientObject(ctx);
    fill._range = range;
    // A cell's fill is null (no fill) or { color, pattern } plus, only where not Excel's
    // defaults, tintAndShade, patternColor and patternTintAndShade (ExcelApi 1.9).
    fill._materialize = function (props) {
      var where = range._cells();
      var cell = where.sheet.peek(where.box.r1, where.box.c1);
      var f = cell && cell.fill;
      // Excel reports a cell with no fill as white with pattern None.
      loadScalars(fill, props, {
        color: f ? f.color : "#FFFFFF",
        pattern: f ? f.pattern : "None",
        tintAndShade: f && typeof f.tintAndShade === "number" ? f.tintAndShade : 0,
        patternColor: f && f.patternColor ? f.patternColor : "#000000",
        patternTintAndShade: f && typeof f.patternTintAndShade === "number" ? f.patternTintAndShade : 0,
      });
      return 120;
    };
    /** Sets one property of the fill, keeping the others (a cell without fill gets a white solid one). */
    function setFillProperty(cell, prop, v, isDefault) {
      var next = cell.fill ? JSON.parse(JSON.stringify(cell.fill)) : { color: "#FFFFFF", pattern: "Solid" };
      if (isDefault) delete next[prop];
      else next[prop] = v;
      cell.fill = next;
    }
    setter(fill, "color", "fill", function (v) {
      eachCell(function (cell) {
        setFillProperty(cell, "color", String(v).toUpperCase(), false);
        if (cell.fill.pattern === "None") cell.fill.pattern = "Solid";
      });
    });
    setter(fill, "pattern", "fillPattern", function (v) {
      if (GRADIENTS.indexOf(v) >= 0) throw fail("InvalidArgument", "RangeFill.pattern cannot be set to " + v);
      eachCell(function (cell) {
        if (v === "None") cell.fill = null;
        else setFillProperty(cell, "pattern", v, false);
      });
    });
    setter(fill, "tintAndShade", "fillTint", function (v) {
      eachCell(function (cell) {
        setFillProperty(cell, "tintAndShade", v, v === 0 || v === null);
      });
    });
    setter(fill, "patternColor", "fillPatternColor", function (v) {
      eachCell(function (cell) {
        setFillProperty(cell, "patternColor", String(v).toUpperCase(), v === null || v === "");
      });
    });
    setter(fill, "patternTintAndShade", "fillPatternTint", function (v) {
      eachCell(function (cell) {
        setFillProperty(cell, "patternTintAndShade", v, v === 0 || v === null);
      });
    });
    fill.clear = function () {
      ctx._op({ op: "fillClear", address: range._address, _range: range, _via: fill }, function () {
        eachCell(function (cell) {
          cell.fill = null;
        });
      });
    };
    format.fill = fill;

    setter(format, "horizontalAlignment", "align", function (v) {
      eachCell(function (cell) {
        cell.align.horizontal = v;
      });
    });
    setter(format, "verticalAlignment", "align", function (v) {
      eachCell(function (cell) {
        cell.align.vertical = v;
      });
    });
    setter(format, "wrapText", "align", function (v) {
      eachCell(function (cell) {
        cell.align.wrap = v;
      });
    });
    setter(format, "columnWidth", "columnWidth", function (v) {
      var p = parseAddress(range._address);
      var s = range._ws._resolve();
      for (var c = p.c1; c <= p.c2; c++) s.columnWidths[colLetters(c)] = v;
    });
    setter(format, "rowHeight", "rowHeight", function (v) {
      var p = parseAddress(range._address);
      var s = range._ws._resolve();
      for (var r = p.r1; r <= p.r2; r++) s.rowHeights[r] = v;
    });
    format.borders = {
      getItem: function (edge) {
        var border = {};
        ["style", "weight"].forEach(function (p) {
          setter(border, p, "border", function (v) {
            eachCell(function (cell) {
              cell.borders[edge] = cell.borders[edge] || {};
              cell.borders[edge][p] = v;
            });
          });
        });
        return border;
      },
    };
    return format;
  }

  function NamedItemCollection(ctx) {
    ClientObject.call(this, ctx);
  }
  NamedItemCollection.prototype = Object.create(ClientObject.prototype);
  NamedItemCollection.prototype._materialize = function (props) {
    var ctx = this.context;
    var sub = itemProps(props);
    if (sub === null) throw fail("InvalidArgument", "the fake loads a collection's items only");
    var items = ctx._wb.names.map(function (n) {
      var item = new NamedItem(ctx, n.name);
      loadScalars(item, sub, { name: n.name, formula: n.formula, visible: true });
      return item;
    });
    this._loaded.items = items;
    return items.length * 60;
  };
  readable(NamedItemCollection.prototype, ["items"]);
  NamedItemCollection.prototype.add = function (name, reference) {
    var wb = this.context._wb;
    this.context._op({ op: "addName", name: name, reference: typeof reference === "string" ? reference : reference._address }, function () {
      if (wb.names.some(function (n) { return n.name.toLowerCase() === name.toLowerCase(); })) throw fail("ItemAlreadyExists", "name " + name);
      var formula;
      if (typeof reference === "string") formula = reference.charAt(0) === "=" ? reference : "=" + reference;
      else {
        var p = parseAddress(reference._address);
        formula = "=" + quoteSheet(reference._ws._resolve().name) + "!$" + colLetters(p.c1) + "$" + (p.r1 + 1);
      }
      wb.names.push({ name: name, formula: formula });
    });
    return new NamedItem(this.context, name);
  };
  NamedItemCollection.prototype.getItem = function (name) {
    return new NamedItem(this.context, name);
  };
  function NamedItem(ctx, name) {
    ClientObject.call(this, ctx);
    this._name = name;
  }
  NamedItem.prototype = Object.create(ClientObject.prototype);
  readable(NamedItem.prototype, ["name", "formula", "visible"]);
  NamedItem.prototype.delete = function () {
    var wb = this.context._wb;
    var name = this._name;
    this.context._op({ op: "deleteName", name: name }, function () {
      var before = wb.names.length;
      wb.names = wb.names.filter(function (n) {
        return n.name.toLowerCase() !== name.toLowerCase();
      });
      if (wb.names.length === before) throw fail("ItemNotFound", "name " + name);
    });
  };

  /** Excel.run over a workbook: the batch, then a closing sync if commands are still queued. */
  function runner(workbook) {
    return function run(batch) {
      workbook.runCount++;
      var ctx = new Context(workbook);
      return Promise.resolve(batch(ctx)).then(function (result) {
        if (ctx._pending() > 0) return ctx.sync().then(function () { return result; });
        return result;
      });
    };
  }

  return { Workbook: Workbook, runner: runner, parseAddress: parseAddress, a1: a1 };
});
