// Which Excel requirement set each Excel member used by the Office adapter needs, read from the
// `[Api set: ExcelApi 1.x]` annotations of @types/office-js through the TypeScript type checker
// (so `range.format.fill.pattern` resolves to Excel.RangeFill.pattern, whatever the variable is
// called), and whether the use is guarded by Office.context.requirements.isSetSupported.
//
// Seen as uses: property accesses and method calls (the overload actually called), properties
// of object literals given to Excel types (`layout.zoom = { ... }`), and the property paths named
// in `load("a,b/c")` strings. A load whose argument is not a known string is reported as
// unresolved rather than silently skipped.
import * as path from "path";
import ts from "typescript";

export interface ApiUse {
  file: string;
  line: number;
  /** What was used, as the declaring type names it: "RangeFill.pattern". */
  member: string;
  /** "ExcelApi", or a set the manifest cannot declare (ExcelApiOnline, ExcelApiDesktop...). */
  set: string;
  /** The highest version the annotation names ("1.1 for get, 1.8 for set" counts as 1.8). */
  version: string;
  /** The highest ExcelApi version an enclosing isSetSupported check proves, or null. */
  guardedBy: string | null;
}

export interface ScanResult {
  uses: ApiUse[];
  /** `load(...)` calls whose property list could not be worked out. */
  unresolvedLoads: Array<{ file: string; line: number; text: string }>;
}

const ROOT = path.resolve(__dirname, "..", "..", "..");
const OFFICE_TYPES = `${path.sep}@types${path.sep}office-js${path.sep}index.d.ts`;
const ANNOTATION = /\[Api set: (ExcelApi\w*)\s+([^\]]*)\]/;

/** Numeric comparison of "1.9" and "1.13". */
export function compareVersions(a: string, b: string): number {
  const [am, an] = a.split(".").map(Number);
  const [bm, bn] = b.split(".").map(Number);
  return am - bm || an - bn;
}

const maxVersion = (versions: string[]): string | null => (versions.length === 0 ? null : versions.reduce((m, v) => (compareVersions(v, m) > 0 ? v : m)));

function compilerOptions(): ts.CompilerOptions {
  const file = path.join(ROOT, "tsconfig.json");
  const config = ts.readConfigFile(file, (f) => ts.sys.readFile(f));
  return { ...ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options, noEmit: true };
}

/**
 * Scans `files` (absolute paths). `virtual` supplies the text of files that exist only in
 * memory (the scanner's own tests), keyed by absolute path.
 */
export function scanApiSets(files: string[], virtual: Record<string, string> = {}): ScanResult {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options, true);
  const baseGet = host.getSourceFile.bind(host);
  const baseExists = host.fileExists.bind(host);
  const baseRead = host.readFile.bind(host);
  host.getSourceFile = (name, version, onError, create) =>
    name in virtual ? ts.createSourceFile(name, virtual[name], version, true) : baseGet(name, version, onError, create);
  host.fileExists = (name) => name in virtual || baseExists(name);
  host.readFile = (name) => (name in virtual ? virtual[name] : baseRead(name));
  const program = ts.createProgram(files, options, host);
  const checker = program.getTypeChecker();
  const sources = files.map((f) => program.getSourceFile(f)).filter((sf): sf is ts.SourceFile => sf !== undefined);
  if (sources.length !== files.length) throw new Error("a file to scan was not found");
  const scanner = new Scanner(checker, sources);
  for (const sf of sources) scanner.scanFile(sf);
  return { uses: scanner.uses, unresolvedLoads: scanner.unresolvedLoads };
}

const inOfficeTypes = (decl: ts.Node): boolean => decl.getSourceFile().fileName.split("/").join(path.sep).endsWith(OFFICE_TYPES);

/** The Excel annotation on a declaration in @types/office-js, if any. */
function annotationOf(decl: ts.Declaration): { set: string; version: string } | null {
  const sf = decl.getSourceFile();
  if (!inOfficeTypes(decl)) return null;
  const comments = ts.getLeadingCommentRanges(sf.text, decl.pos) ?? [];
  for (const range of comments.reverse()) {
    const match = ANNOTATION.exec(sf.text.slice(range.pos, range.end));
    if (!match) continue;
    const version = maxVersion(match[2].match(/\d+\.\d+/g) ?? []);
    if (version) return { set: match[1], version };
  }
  return null;
}

function memberName(decl: ts.Declaration): string {
  const owner = decl.parent as ts.Node & { name?: ts.Node };
  const ownerName = owner && owner.name && ts.isIdentifier(owner.name) ? owner.name.text : "?";
  const name = (decl as ts.Declaration & { name?: ts.Node }).name;
  return `${ownerName}.${name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : "?"}`;
}

function calleeName(call: ts.CallExpression): string | null {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return null;
}

function stringValue(node: ts.Expression): string | null {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : null;
}

class Scanner {
  readonly uses: ApiUse[] = [];
  readonly unresolvedLoads: ScanResult["unresolvedLoads"] = [];

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly sources: ts.SourceFile[],
  ) {}

  scanFile(sf: ts.SourceFile): void {
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) this.propertyAccess(node);
      if (ts.isObjectLiteralExpression(node)) this.objectLiteral(node);
      if (ts.isCallExpression(node) && calleeName(node) === "load" && ts.isPropertyAccessExpression(node.expression)) this.load(node);
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  private record(at: ts.Node, decls: readonly ts.Declaration[] | undefined): void {
    let best: { decl: ts.Declaration; set: string; version: string } | null = null;
    for (const decl of decls ?? []) {
      const note = annotationOf(decl);
      if (note && (!best || compareVersions(note.version, best.version) > 0)) best = { decl, ...note };
    }
    if (!best) return;
    const sf = at.getSourceFile();
    this.uses.push({
      file: path.relative(ROOT, sf.fileName),
      line: sf.getLineAndCharacterOfPosition(at.getStart()).line + 1,
      member: memberName(best.decl),
      set: best.set,
      version: best.version,
      guardedBy: this.guardOf(at),
    });
  }

  private propertyAccess(node: ts.PropertyAccessExpression): void {
    const parent = node.parent;
    if (ts.isCallExpression(parent) && parent.expression === node) {
      // The overload actually called, whose annotation may differ from its siblings'.
      const declaration = this.checker.getResolvedSignature(parent)?.declaration;
      if (declaration && !ts.isJSDocSignature(declaration)) return this.record(node.name, [declaration]);
    }
    this.record(node.name, this.checker.getSymbolAtLocation(node.name)?.declarations);
  }

  private objectLiteral(node: ts.ObjectLiteralExpression): void {
    const contextual = this.checker.getContextualType(node);
    if (!contextual) return;
    for (const prop of node.properties) {
      if (!prop.name || !(ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name))) continue;
      const types = contextual.isUnion() ? contextual.types : [contextual];
      const decls = types.flatMap((t) => t.getProperty(prop.name!.getText().replace(/^["']|["']$/g, ""))?.declarations ?? []);
      this.record(prop.name, decls);
    }
  }

  /** `x.load("a, b/c")`: each path walked through the types, each step a use. */
  private load(call: ts.CallExpression): void {
    const receiver = (call.expression as ts.PropertyAccessExpression).expression;
    const loadDecl = this.checker.getResolvedSignature(call)?.declaration;
    if (!loadDecl || ts.isJSDocSignature(loadDecl) || !inOfficeTypes(loadDecl)) return; // not an Office object's load
    const arg = call.arguments[0];
    if (!arg || ts.isObjectLiteralExpression(arg) || ts.isArrayLiteralExpression(arg)) {
      // Object forms are object literals (seen as such); arrays are taken element by element.
      if (arg && ts.isArrayLiteralExpression(arg)) arg.elements.forEach((e) => this.loadPaths(call, receiver, e));
      return;
    }
    this.loadPaths(call, receiver, arg);
  }

  private loadPaths(call: ts.CallExpression, receiver: ts.Expression, arg: ts.Expression): void {
    const lists = this.stringsOf(arg);
    if (lists === null) {
      const sf = call.getSourceFile();
      this.unresolvedLoads.push({ file: path.relative(ROOT, sf.fileName), line: sf.getLineAndCharacterOfPosition(call.getStart()).line + 1, text: call.getText() });
      return;
    }
    for (const list of lists) {
      for (const pathText of list.split(",").map((p) => p.trim()).filter(Boolean)) {
        let type: ts.Type | undefined = this.checker.getTypeAtLocation(receiver);
        for (const step of pathText.split("/")) {
          if (!type) break;
          const prop: ts.Symbol | undefined = this.checker.getApparentType(type).getProperty(step);
          if (!prop) break;
          this.record(arg, prop.declarations);
          type = this.checker.getTypeOfSymbolAtLocation(prop, receiver);
          // "items/name": the step after a collection's items is on the item type.
          if (this.checker.isArrayType(type)) type = this.checker.getTypeArguments(type as ts.TypeReference)[0];
        }
      }
    }
  }

  /**
   * The string values an expression can have: a literal, a constant's literal type, or a
   * parameter whose every call site in the scanned files passes one. Null when not known.
   */
  private stringsOf(expr: ts.Expression, depth = 0): string[] | null {
    const literal = stringValue(expr);
    if (literal !== null) return [literal];
    const type = this.checker.getTypeAtLocation(expr);
    if (type.isStringLiteral()) return [type.value];
    if (depth > 2 || !ts.isIdentifier(expr)) return null;
    const decl = this.checker.getSymbolAtLocation(expr)?.valueDeclaration;
    if (!decl || !ts.isParameter(decl)) return null;
    const fn = decl.parent;
    const index = fn.parameters.indexOf(decl);
    const fnSymbol = fn.name ? this.checker.getSymbolAtLocation(fn.name) : undefined;
    if (!fnSymbol) return null;
    const values: string[] = [];
    let calls = 0;
    for (const call of this.callsTo(fnSymbol)) {
      const arg = call.arguments[index];
      const found = arg ? this.stringsOf(arg, depth + 1) : null;
      if (found === null) return null;
      values.push(...found);
      calls++;
    }
    return calls > 0 ? values : null;
  }

  private callsTo(symbol: ts.Symbol): ts.CallExpression[] {
    const calls: ts.CallExpression[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression;
        if (this.checker.getSymbolAtLocation(callee) === symbol) calls.push(node);
      }
      ts.forEachChild(node, visit);
    };
    this.sources.forEach(visit);
    return calls;
  }

  /** The highest ExcelApi version proven by an isSetSupported check the use sits under. */
  private guardOf(use: ts.Node): string | null {
    const found: string[] = [];
    let child: ts.Node = use;
    for (let node = use.parent; node; child = node, node = node.parent) {
      if (ts.isIfStatement(node) && node.thenStatement === child) found.push(...this.proven(node.expression));
      if (ts.isConditionalExpression(node) && node.whenTrue === child) found.push(...this.proven(node.condition));
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && node.right === child) {
        found.push(...this.proven(node.left));
      }
      if (ts.isBlock(node) || ts.isSourceFile(node)) found.push(...this.earlyExits(node.statements, child));
    }
    return maxVersion(found);
  }

  /** `if (!supported) return/throw;` before the statement holding the use. */
  private earlyExits(statements: ts.NodeArray<ts.Statement>, holder: ts.Node): string[] {
    const found: string[] = [];
    for (const statement of statements) {
      if (statement === holder) break;
      if (!ts.isIfStatement(statement) || statement.elseStatement) continue;
      const then = statement.thenStatement;
      const last = ts.isBlock(then) ? then.statements[then.statements.length - 1] : then;
      if (last && (ts.isReturnStatement(last) || ts.isThrowStatement(last))) found.push(...this.refuted(statement.expression));
    }
    return found;
  }

  /** Versions a condition proves supported when it is true. */
  private proven(expr: ts.Expression, depth = 0): string[] {
    if (depth > 4) return [];
    if (ts.isParenthesizedExpression(expr)) return this.proven(expr.expression, depth);
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
      return [...this.proven(expr.left, depth), ...this.proven(expr.right, depth)];
    }
    if (ts.isCallExpression(expr)) return this.callProves(expr, depth);
    if (ts.isIdentifier(expr) || ts.isPropertyAccessExpression(expr)) {
      // A flag holding a check: its initializer, or what is assigned to it.
      const symbol = this.checker.getSymbolAtLocation(ts.isPropertyAccessExpression(expr) ? expr.name : expr);
      return symbol ? this.valuesOf(symbol).flatMap((v) => this.proven(v, depth + 1)) : [];
    }
    return [];
  }

  /** Versions a condition proves supported when it is false (`!check`, `!a || !b`). */
  private refuted(expr: ts.Expression): string[] {
    if (ts.isParenthesizedExpression(expr)) return this.refuted(expr.expression);
    if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken) return this.proven(expr.operand);
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.BarBarToken) return [...this.refuted(expr.left), ...this.refuted(expr.right)];
    return [];
  }

  /** isSetSupported("ExcelApi", "1.x") itself, or a wrapper whose body makes that call. */
  private callProves(call: ts.CallExpression, depth: number): string[] {
    if (calleeName(call) === "isSetSupported") {
      const [set, version] = call.arguments.map(stringValue);
      return set === "ExcelApi" && version && /^\d+\.\d+$/.test(version) ? [version] : [];
    }
    const callee = ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression;
    const decl = this.checker.getSymbolAtLocation(callee)?.valueDeclaration;
    const body = decl && this.functionBody(decl);
    if (!body || body.getSourceFile().isDeclarationFile) return [];
    const versions: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && calleeName(node) === "isSetSupported") {
        const [set, version] = node.arguments;
        if (set && stringValue(set) === "ExcelApi") {
          const literal = version && stringValue(version);
          if (literal) versions.push(literal);
          // The version passed in by the caller: supports("1.13").
          else versions.push(...call.arguments.map(stringValue).filter((v): v is string => v !== null && /^\d+\.\d+$/.test(v)));
        }
      } else if (ts.isCallExpression(node) && depth < 3) {
        versions.push(...this.callProves(node, depth + 1));
      }
      ts.forEachChild(node, visit);
    };
    visit(body);
    return versions;
  }

  private functionBody(decl: ts.Declaration): ts.Node | undefined {
    if (ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl) || ts.isFunctionExpression(decl) || ts.isArrowFunction(decl)) return decl.body;
    if ((ts.isVariableDeclaration(decl) || ts.isPropertyDeclaration(decl)) && decl.initializer) {
      const init = decl.initializer;
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init.body;
    }
    return undefined;
  }

  /** What a variable or property is given: its initializer and every assignment to it. */
  private valuesOf(symbol: ts.Symbol): ts.Expression[] {
    const values: ts.Expression[] = [];
    for (const decl of symbol.declarations ?? []) {
      if ((ts.isVariableDeclaration(decl) || ts.isPropertyDeclaration(decl)) && decl.initializer) values.push(decl.initializer);
    }
    const visit = (node: ts.Node): void => {
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const target = ts.isPropertyAccessExpression(node.left) ? node.left.name : node.left;
        if (this.checker.getSymbolAtLocation(target) === symbol) values.push(node.right);
      }
      ts.forEachChild(node, visit);
    };
    this.sources.forEach(visit);
    return values;
  }
}
