"use client";

import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { buttonVariants } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

/** Recovery codes, shown once: a list to read, copy or save as a text file. */
export function RecoveryCodes({ codes, email }: { codes: string[]; email: string }) {
  const t = useTranslations("twoFactor.recoveryCodes");
  const tc = useTranslations("common");
  const text = `${t("fileHeading", { email })}\n\n${codes.join("\n")}\n`;
  return (
    <div className="space-y-2">
      <ul
        aria-label={t("label")}
        data-testid="recovery-codes"
        className="grid grid-cols-2 gap-x-4 gap-y-1.5 rounded-lg border border-border bg-muted/50 px-4 py-3"
      >
        {codes.map((code) => (
          <li key={code} className="font-mono text-sm tracking-wide text-foreground">
            {code}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <CopyButton value={codes.join("\n")} label={t("copy")} copiedLabel={tc("copied")} showLabel />
        <a
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
          download="oa-console-recovery-codes.txt"
          className={buttonVariants({ variant: "secondary", size: "sm" })}
        >
          <Download aria-hidden />
          {t("download")}
        </a>
      </div>
    </div>
  );
}
