"use client";

import { CheckCircle2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { ErrorMessage } from "@/components/common/error-message";
import { PageContainer } from "@/components/common/page-header";
import { Callout } from "@/components/ui/callout";
import { Skeleton } from "@/components/ui/skeleton";
import type { RichMenuValidation } from "@/lib/client/rich-menus";
import { cn } from "@/lib/utils/cn";
import type { useIssueText } from "./use-menu-issues";

// The editor's smaller pieces: the row of a tabbed menu's tabs, the answer of "Check with LINE", the skeleton.

export function TabRow({ labels, active, onPick, hrefs }: { labels: string[]; active: number; onPick?: (i: number) => void; hrefs: string[] }) {
  const t = useTranslations("richMenus.editor");
  const cls = (i: number) =>
    cn(
      "inline-flex h-8 items-center rounded-md px-3 text-sm font-medium focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
      i === active ? "bg-surface-raised text-foreground shadow-sm" : "text-muted-foreground hover:text-foreground",
    );
  return (
    <nav aria-label={t("tabsLabel")} className="inline-flex gap-0.5 rounded-lg border border-border bg-muted p-0.5" data-testid="menu-tab-row">
      {labels.map((label, i) =>
        onPick ? (
          <button key={i} type="button" className={cls(i)} aria-current={i === active ? "true" : undefined} onClick={() => onPick(i)}>
            {t("tab", { n: i + 1, alias: label })}
          </button>
        ) : (
          <Link key={i} href={hrefs[i]!} className={cls(i)} aria-current={i === active ? "page" : undefined}>
            {t("tab", { n: i + 1, alias: label })}
          </Link>
        ),
      )}
    </nav>
  );
}

export function CheckResult({ result, error, text }: { result: RichMenuValidation | undefined; error: unknown; text: ReturnType<typeof useIssueText> }) {
  const t = useTranslations("richMenus.editor");
  if (error)
    return (
      <Callout tone="danger" role="alert">
        <ErrorMessage error={error} />
      </Callout>
    );
  if (!result) return null;
  if (result.ok && result.line.ok)
    return (
      <Callout tone="success" role="status" data-testid="check-result">
        <CheckCircle2 aria-hidden />
        {t("checkOk")}
      </Callout>
    );
  return (
    <Callout tone="danger" role="alert" data-testid="check-result">
      <div className="space-y-1">
        <p className="font-medium">{result.ok ? t("checkLineRefused") : t("checkOursRefused")}</p>
        <ul className="list-disc pl-4 text-xs">
          {result.issues.map((i, k) => (
            <li key={k}>{`${Array.isArray(i.path) ? i.path.join(".") : i.path}: ${text({ key: i.key, message: i.message })}`}</li>
          ))}
          {result.line.message && <li lang="en">{result.line.message}</li>}
          {result.line.details?.map((d, k) => (
            <li key={`l${k}`} lang="en">{`${d.property ?? ""} ${d.message}`}</li>
          ))}
        </ul>
      </div>
    </Callout>
  );
}

export function RichMenuEditorSkeleton() {
  return (
    <PageContainer className="space-y-4" aria-busy>
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-96 w-full" />
    </PageContainer>
  );
}
