import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

// Reading the project's own source for tests that check it against the catalogues: which files there
// are, their syntax trees, and every translation the components ask for.

/** Repository-relative .ts/.tsx files under the given folders (tests and generated files left out). */
export function sourceFiles(dirs: string[], ext = /\.tsx?$/): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== "tests") walk(p);
      } else if (ext.test(entry.name) && !entry.name.endsWith(".d.ts") && !/\.test\.tsx?$/.test(entry.name)) out.push(p.split(path.sep).join("/"));
    }
  };
  for (const dir of dirs) walk(dir);
  return out.sort();
}

export function parseSource(file: string, text = fs.readFileSync(file, "utf8")): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

export function lineOf(node: ts.Node): number {
  return node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1;
}

/** Every string literal inside a node (both branches of a conditional, every part of `a ?? "b"`). */
export function stringLiterals(node: ts.Node | undefined): string[] {
  if (!node) return [];
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  const out: string[] = [];
  node.forEachChild((child) => void out.push(...stringLiterals(child)));
  return out;
}

export interface TranslationUse {
  file: string;
  line: number;
  /** The full key ("composer.review.testFailed"), or for a template key the part before the first ${…}. */
  key: string;
  dynamic: boolean;
  method: "call" | "rich" | "markup" | "raw" | "has";
  /** Values were passed (a second argument). */
  withValues: boolean;
}

/**
 * Translations asked for in a file: `const t = useTranslations("ns")` (or `await getTranslations(…)`)
 * then `t("key")`, `t.rich("key", …)`, and `(await getTranslations("ns"))("key")`. A translator that a
 * function receives as a parameter is not followed (its namespace is not known here).
 */
export function translationUses(file: string, source = parseSource(file)): TranslationUse[] {
  const uses: TranslationUse[] = [];
  // Translators by the function (or file) they are declared in.
  const scopes = new Map<ts.Node, Map<string, string>>();
  const scopeOf = (node: ts.Node): ts.Node => {
    for (let n = node.parent; n; n = n.parent) if (ts.isFunctionLike(n) || ts.isSourceFile(n)) return n;
    return source;
  };
  const resolve = (name: string, from: ts.Node): string | undefined => {
    for (let n: ts.Node | undefined = scopeOf(from); n; n = n.parent ? scopeOf(n) : undefined) {
      const ns = scopes.get(n)?.get(name);
      if (ns !== undefined) return ns;
      if (ts.isFunctionLike(n) && n.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name)) return undefined;
      if (ts.isSourceFile(n)) return undefined;
    }
    return undefined;
  };
  const record = (call: ts.CallExpression, namespace: string, method: TranslationUse["method"]) => {
    const [arg, values] = call.arguments;
    const key = unwrap(arg);
    const full = (k: string) => (namespace ? `${namespace}.${k}` : k);
    const base = { file, line: lineOf(call), method, withValues: values !== undefined };
    if (key && (ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key))) uses.push({ ...base, key: full(key.text), dynamic: false });
    else if (key && ts.isTemplateExpression(key) && key.head.text) uses.push({ ...base, key: full(key.head.text), dynamic: true });
    else if (key && ts.isConditionalExpression(key))
      for (const k of [key.whenTrue, key.whenFalse].map(unwrap)) if (k && ts.isStringLiteral(k)) uses.push({ ...base, key: full(k.text), dynamic: false });
  };

  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const ns = translatorNamespace(node.initializer);
      if (ns !== undefined) {
        const scope = scopeOf(node);
        if (!scopes.has(scope)) scopes.set(scope, new Map());
        scopes.get(scope)!.set(node.name.text, ns);
      }
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const direct = translatorNamespace(callee);
      if (direct !== undefined) record(node, direct, "call");
      else if (ts.isIdentifier(callee)) {
        const ns = resolve(callee.text, node);
        if (ns !== undefined) record(node, ns, "call");
      } else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && ["rich", "markup", "raw", "has"].includes(callee.name.text)) {
        const ns = resolve(callee.expression.text, node);
        if (ns !== undefined) record(node, ns, callee.name.text as TranslationUse["method"]);
      }
    }
    node.forEachChild(visit);
  };
  visit(source);
  return uses;
}

// useTranslations("ns") / await getTranslations("ns" | { namespace }) → "ns" ("" for the root).
function translatorNamespace(expr: ts.Expression): string | undefined {
  const e = unwrap(expr);
  if (!e) return undefined;
  const call = ts.isAwaitExpression(e) ? unwrap(e.expression) : e;
  if (!call || !ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || !["useTranslations", "getTranslations"].includes(call.expression.text))
    return undefined;
  const arg = call.arguments[0];
  if (!arg) return "";
  if (ts.isStringLiteral(arg)) return arg.text;
  if (ts.isObjectLiteralExpression(arg)) {
    const ns = arg.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === "namespace");
    if (ns && ts.isStringLiteral(ns.initializer)) return ns.initializer.text;
    return "";
  }
  return undefined;
}

function unwrap(node: ts.Node | undefined): ts.Expression | undefined {
  let n = node;
  while (n && (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isNonNullExpression(n) || ts.isSatisfiesExpression(n))) n = n.expression;
  return n as ts.Expression | undefined;
}
