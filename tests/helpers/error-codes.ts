import ts from "typescript";
import { lineOf, parseSource, sourceFiles, stringLiterals } from "./source-scan";
import { textParts } from "./ui-strings";

// The error codes our server can answer with, read from the source: whatever the second argument of
// `new HttpError(status, code, …)` can be, media problems (`problem(status, code, …)`), bare
// `Response.json({ code })` answers, and the codes stored as an audience upload's error.

export interface FoundCode {
  code: string;
  file: string;
  line: number;
}

export function serverErrorCodes(dirs = ["app", "lib", "db"]): FoundCode[] {
  const out: FoundCode[] = [];
  for (const file of sourceFiles(dirs)) {
    const visit = (node: ts.Node) => {
      const add = (codes: string[]) => {
        for (const code of codes) if (/^[a-z]+(_[a-z]+)*$/.test(code)) out.push({ code, file, line: lineOf(node) });
      };
      if (ts.isNewExpression(node) && node.expression.getText() === "HttpError") add(stringLiterals(node.arguments?.[1]));
      if (ts.isCallExpression(node)) {
        const callee = node.expression.getText();
        if (callee === "problem") add(stringLiterals(node.arguments[1]));
        if (callee === "Response.json") add(property(node.arguments[0], "code"));
        if (callee === "updateAudience") add(property(node.arguments[1], "error"));
      }
      node.forEachChild(visit);
    };
    visit(parseSource(file));
  }
  return out;
}

/** String values an object literal gives one property (every branch of a conditional). */
export function property(arg: ts.Expression | undefined, name: string): string[] {
  if (!arg || !ts.isObjectLiteralExpression(arg)) return [];
  return arg.properties.flatMap((p) => (ts.isPropertyAssignment(p) && p.name.getText() === name ? textParts(p.initializer) : []));
}

/** Codes passed to better-auth's `new APIError(status, { code })` in a file (our own sign-in refusals). */
export function betterAuthCodes(file: string): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && node.expression.getText() === "APIError") out.push(...property(node.arguments?.[1], "code"));
    node.forEachChild(visit);
  };
  visit(parseSource(file));
  return out;
}

/** Reasons a send, a request or an attempt records (`reason: "…"`), and the members of `type …Reason = "a" | "b"`. */
export function sendFailureReasons(dirs = ["lib/sends"]): string[] {
  const out = new Set<string>();
  for (const file of sourceFiles(dirs)) {
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAssignment(node) && node.name.getText() === "reason") for (const r of textParts(node.initializer)) out.add(r);
      if (ts.isTypeAliasDeclaration(node) && /Reason$/.test(node.name.text) && ts.isUnionTypeNode(node.type)) {
        for (const t of node.type.types) if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)) out.add(t.literal.text);
      }
      node.forEachChild(visit);
    };
    visit(parseSource(file));
  }
  return [...out].sort();
}
