"use client";

import { FileUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { parseRecipientList, requestCount } from "@/lib/sends/composer/recipient-list";
import { PathErrors } from "../field";

const SHOWN_ERRORS = 50;

/** User ids pasted (one per line or comma separated) or from a CSV file; any number of them. */
export function MulticastRecipients({ text, onChange }: { text: string; onChange: (text: string) => void }) {
  const t = useTranslations("composer.multicast");
  const file = useRef<HTMLInputElement>(null);
  const parsed = useMemo(() => parseRecipientList(text), [text]);
  const n = parsed.ids.length;
  return (
    <div className="space-y-2">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor="multicast-ids" className="text-xs font-medium text-muted-foreground">
          {t("label")}
        </label>
        <Button size="xs" variant="subtle" onClick={() => file.current?.click()}>
          <FileUp aria-hidden />
          {t("upload")}
        </Button>
        <input
          ref={file}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          className="hidden"
          data-testid="multicast-file"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (f) onChange(await f.text());
            e.target.value = "";
          }}
        />
      </div>
      <Textarea
        id="multicast-ids"
        rows={6}
        spellCheck={false}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        placeholder={t("placeholder")}
        aria-invalid={parsed.errors.length ? true : undefined}
        className="resize-y font-mono text-xs leading-5"
      />
      <p className="text-sm" data-testid="multicast-summary">
        <span className="font-semibold">{t("recipients", { count: n })}</span>
        {n > 0 && <span className="text-muted-foreground"> → {t("requests", { count: requestCount(n) })}</span>}
        {parsed.duplicates > 0 && <span className="text-muted-foreground"> · {t("duplicates", { count: parsed.duplicates })}</span>}
      </p>
      {parsed.errors.length > 0 && (
        <div role="alert" className="rounded-md border border-danger/30 bg-danger-soft/50 p-2.5">
          <p className="mb-1 text-xs font-semibold text-danger-soft-foreground">{t("problems", { count: parsed.errors.length })}</p>
          <ul className="max-h-40 space-y-0.5 overflow-y-auto font-mono text-2xs text-danger-soft-foreground scrollbar-thin">
            {parsed.errors.slice(0, SHOWN_ERRORS).map((e) => (
              <li key={`${e.line}-${e.value}`}>
                {t("problemLine", { line: e.line, value: e.value.length > 40 ? `${e.value.slice(0, 40)}…` : e.value, problem: t(`problem.${e.problem}`) })}
              </li>
            ))}
            {parsed.errors.length > SHOWN_ERRORS && <li>{t("moreProblems", { count: parsed.errors.length - SHOWN_ERRORS })}</li>}
          </ul>
        </div>
      )}
      <PathErrors path="to" />
    </div>
  );
}
