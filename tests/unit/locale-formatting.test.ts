import fs from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { lineOf, parseSource, sourceFiles } from "../helpers/source-scan";

// Numbers and dates follow the operator's language through next-intl (useFormatter / getFormatter),
// never the browser's or the server's default locale; and the font stack draws Latin punctuation such
// as “ ” with a Latin face, even inside Chinese, Japanese or Thai text.

describe("numbers and dates", () => {
  it("are not formatted with the runtime's default locale in app/ or components/", () => {
    const found: string[] = [];
    for (const file of sourceFiles(["app", "components"])) {
      const visit = (node: ts.Node) => {
        if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && /^toLocale(Date|Time)?String$/.test(node.expression.name.text)) {
          found.push(`${file}:${lineOf(node)} ${node.getText()}`);
        }
        if (ts.isNewExpression(node) && /^Intl\.(NumberFormat|DateTimeFormat|RelativeTimeFormat|ListFormat|PluralRules)$/.test(node.expression.getText())) {
          const locale = node.arguments?.[0];
          if (!locale || locale.getText() === "undefined" || locale.getText() === "[]") found.push(`${file}:${lineOf(node)} ${node.getText()}`);
        }
        node.forEachChild(visit);
      };
      visit(parseSource(file));
    }
    expect(found).toEqual([]);
  });
});

describe("the font stack", () => {
  const css = fs.readFileSync("app/globals.css", "utf8");
  const families = (name: string) => {
    const m = new RegExp(`${name}:\\s*([^;]+);`).exec(css);
    return (m?.[1] ?? "").split(",").map((f) => f.trim().replace(/^"|"$/g, ""));
  };
  const CJK = /CJK|TC|JP|SC|PingFang|Hiragino|Yu Gothic|Meiryo|JhengHei|var\(--font-cjk/;

  it.each(["--font-sans", "--font-mono"])("%s puts Latin faces, including a Linux fallback, before the CJK ones", (name) => {
    const stack = families(name);
    const cjk = stack.findIndex((f) => CJK.test(f));
    expect(cjk).toBeGreaterThan(0);
    const before = stack.slice(0, cjk);
    expect(before.filter((f) => CJK.test(f))).toEqual([]);
    // The platform fonts are missing on a bare Linux machine: one of these must still come first there.
    expect(before.some((f) => ["Liberation Sans", "Arial", "DejaVu Sans", "Liberation Mono", "DejaVu Sans Mono"].includes(f))).toBe(true);
  });

  it("the per-language CJK lists hold CJK faces only", () => {
    const lists = [...css.matchAll(/--font-cjk(?:-mono)?:\s*([^;]+);/g)].map((m) => m[1]!.split(",").map((f) => f.trim().replace(/^"|"$/g, "")));
    expect(lists.length).toBeGreaterThanOrEqual(4);
    for (const list of lists) expect(list.filter((f) => !CJK.test(f))).toEqual([]);
  });
});
