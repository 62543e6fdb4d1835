import ts from "typescript";
import { lineOf, parseSource } from "./source-scan";

// Words a person reads, written into a component instead of coming from the catalogues: JSX text,
// text attributes (aria-label, title, placeholder, alt, label props), toast titles and descriptions,
// and window.confirm/alert messages.

export interface UiString {
  file: string;
  line: number;
  where: string;
  text: string;
}

/** Attributes whose value is read (or heard) by a person. */
const TEXT_ATTRIBUTE =
  /^(aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt|label|description|[a-z]+(Label|Title|Text|Description|Placeholder|Hint))$/;

/** Elements whose text is code or a key on the keyboard, not words. */
const CODE_ELEMENTS = new Set(["code", "kbd", "Kbd", "pre", "samp", "CodeBlock"]);

/**
 * Read the same in every language: the brand, protocol and file-format names, percentiles, and the
 * keys on a keyboard.
 */
const SAME_IN_EVERY_LANGUAGE = new Set(["LINE", "HTTP", "JSON", "CSV", "curl", "p50", "p99", "Esc", "Ctrl", "K", "⌘"]);

export function uiStrings(file: string, source = parseSource(file)): UiString[] {
  const out: UiString[] = [];
  const add = (node: ts.Node, where: string, texts: string[]) => {
    for (const text of texts.map((s) => s.trim())) if (isWords(text) && !inCode(node)) out.push({ file, line: lineOf(node), where, text });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) add(node, "text", [node.text]);
    else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)))
      add(node, "text", textParts(node.expression));
    else if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTE.test(node.name.getText()) && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      if (value) add(node, node.name.getText(), textParts(value));
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression.getText();
      if (callee === "toast" || callee.endsWith(".toast")) {
        const arg = node.arguments[0];
        if (arg && ts.isObjectLiteralExpression(arg)) {
          for (const p of arg.properties)
            if (ts.isPropertyAssignment(p) && ["title", "description"].includes(p.name.getText()))
              add(p, `toast ${p.name.getText()}`, textParts(p.initializer));
        }
      } else if (/^(window\.)?(confirm|alert|prompt)$/.test(callee))
        add(
          node,
          callee,
          node.arguments.flatMap((a) => textParts(a)),
        );
    }
    node.forEachChild(visit);
  };
  visit(source);
  return out;
}

/** The literal text an expression can evaluate to, without looking inside calls (t("…") is fine). */
export function textParts(expr: ts.Expression): string[] {
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [expr.text];
  if (ts.isTemplateExpression(expr)) return [expr.head.text + expr.templateSpans.map((s) => `…${s.literal.text}`).join("")];
  if (ts.isParenthesizedExpression(expr)) return textParts(expr.expression);
  if (ts.isConditionalExpression(expr)) return [...textParts(expr.whenTrue), ...textParts(expr.whenFalse)];
  if (
    ts.isBinaryExpression(expr) &&
    [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.PlusToken].includes(expr.operatorToken.kind)
  ) {
    return [...textParts(expr.left), ...textParts(expr.right)];
  }
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return textParts(expr.right);
  return [];
}

/** Letters that make a word, not a brand, a symbol, an example id or a URL scheme. */
export function isWords(text: string): boolean {
  if (!/\p{L}/u.test(text)) return false;
  // An example value: one token with a digit, an underscore or a URL's punctuation ("U0123…", "spring_sale_2026", "https://").
  if (/^[\p{L}\d_.:/@#…+-]+$/u.test(text) && /[\d_:/@#]/.test(text)) return false;
  const words = text.split(/[\s·/()|,:–—-]+/).filter((w) => /\p{L}/u.test(w));
  return words.some((w) => !SAME_IN_EVERY_LANGUAGE.has(w));
}

// Inside <code>, <kbd> or a font-mono element: ids, code and keys, shown as they are.
function inCode(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n && !ts.isSourceFile(n); n = n.parent) {
    if (!ts.isJsxElement(n)) continue;
    const tag = n.openingElement.tagName.getText();
    if (CODE_ELEMENTS.has(tag)) return true;
    const className = n.openingElement.attributes.properties.find((a) => ts.isJsxAttribute(a) && a.name.getText() === "className");
    if (className && ts.isJsxAttribute(className) && /\bfont-mono\b/.test(className.initializer?.getText() ?? "")) return true;
  }
  return false;
}
