import ts from "typescript";
import { describe, expect, it } from "vitest";
import { auditActionKey } from "@/components/settings/audit-action";
import { AUDIT_ACTIONS } from "@/lib/platform/audit";
import { missingKeys } from "../helpers/catalogues";
import { property } from "../helpers/error-codes";
import { lineOf, parseSource, sourceFiles } from "../helpers/source-scan";
import { textParts } from "../helpers/ui-strings";

// The settings audit log names every action in the operator's language: every action the code records
// (audit("…"), ctx.audit(cond ? "…" : "…"), recordAudit(db, { action: "…" })) has a label.

describe("audit log labels", () => {
  const recorded = recordedActions();
  const actions = [...new Set(recorded.map((r) => r.action))].sort();

  it("finds the actions the code records (the scan itself works)", () => {
    expect(actions).toEqual(
      expect.arrayContaining([
        "message.sent",
        "segment.created",
        "friends.tagged",
        "member.joined",
        "member.disabled",
        "member.enabled",
        "setup.admin_created",
      ]),
    );
  });

  it("records only actions of the shared vocabulary (the log's filter lists those)", () => {
    expect(recorded.filter((r) => !(AUDIT_ACTIONS as readonly string[]).includes(r.action)).map((r) => `${r.where} ${r.action}`)).toEqual([]);
  });

  it("every action has a label in every catalogue", () => {
    const keys = [...new Set([...AUDIT_ACTIONS, ...actions])].map((a) => `settings.audit.actions.${auditActionKey(a)}`);
    expect(missingKeys(keys)).toEqual({});
  });
});

function recordedActions(): Array<{ action: string; where: string }> {
  const out: Array<{ action: string; where: string }> = [];
  for (const file of sourceFiles(["app", "lib"])) {
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression.getText();
        const found =
          callee === "audit" || callee.endsWith(".audit")
            ? textParts(node.arguments[0]!)
            : callee === "recordAudit"
              ? property(node.arguments[1], "action")
              : [];
        for (const action of found) out.push({ action, where: `${file}:${lineOf(node)}` });
      }
      node.forEachChild(visit);
    };
    visit(parseSource(file));
  }
  return out;
}
