import { describe, expect, it } from "vitest";
import { parseSource, sourceFiles } from "../helpers/source-scan";
import { uiStrings } from "../helpers/ui-strings";

// Words a person reads come from the catalogues, so every language gets them: none written into a
// component (JSX text, aria-label, title, placeholder, alt, label props, toasts, confirm dialogs).

describe("user-facing strings", () => {
  it("none are written into app/ or components/", () => {
    const found = sourceFiles(["app", "components"]).flatMap((file) => uiStrings(file));
    expect(found.map((s) => `${s.file}:${s.line} ${s.where}: ${JSON.stringify(s.text)}`)).toEqual([]);
  });
});

describe("the user-facing string scan", () => {
  const scan = (code: string) => uiStrings("fixture.tsx", parseSource("fixture.tsx", code)).map((s) => `${s.where}: ${s.text}`);

  it("finds text, text attributes, toasts and confirm messages", () => {
    const code = `
      export function A({ id }: { id: string }) {
        const { toast } = useToast();
        toast({ tone: "danger", title: "Could not save", description: t("x") });
        if (!window.confirm(\`Delete \${id}?\`)) return null;
        return (
          <div>
            <p>Hello there</p>
            <button aria-label="Close" title={ok ? t("a") : "Not yet"} />
            <input placeholder="Search friends" />
            <Dialog cancelLabel="Cancel" />
            <span title={\`LINE emoji \${id}\`}>{loading ? "Loading…" : t("done")}</span>
          </div>
        );
      }`;
    expect(scan(code)).toEqual([
      "toast title: Could not save",
      "window.confirm: Delete …?",
      "text: Hello there",
      "aria-label: Close",
      "title: Not yet",
      "placeholder: Search friends",
      "cancelLabel: Cancel",
      "title: LINE emoji …",
      "text: Loading…",
    ]);
  });

  it("leaves translations, brand names, symbols, code, keys and example values alone", () => {
    const code = `
      export function B() {
        return (
          <div aria-label={t("label")} title="LINE">
            <span>→</span> <span>{count} · {t("x")}</span>
            <Kbd>Ctrl</Kbd><Kbd>K</Kbd><code>customAggregationUnits</code>
            <span className="font-mono text-xs">errorCode {code} (HTTP {status})</span>
            <input placeholder="https://" /><input placeholder="U0123…" /><input placeholder="spring_sale_2026" />
            <span className="text-muted-foreground">p50</span>
          </div>
        );
      }`;
    expect(scan(code)).toEqual([]);
  });
});
