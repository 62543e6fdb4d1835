"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { ErrorState } from "@/components/common/error-state";
import { Badge } from "@/components/ui/badge";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { Skeleton } from "@/components/ui/skeleton";
import { relayItemQuery, type RelayItem } from "@/lib/client/relay";
import { SHORT_TIME_SECONDS } from "@/lib/utils/date-formats";
import { formatLatency } from "@/lib/utils/format";

/** Every try of one forward: when, the bot's status and how long it took, the start of its answer, the error. */
export function RelayAttempts({ attempts }: { attempts: RelayItem["attempts"] }) {
  const t = useTranslations("relay.attempts");
  const format = useFormatter();
  const locale = useLocale();
  if (attempts.length === 0) return <p className="text-sm text-muted-foreground">{t("none")}</p>;
  return (
    <ol className="space-y-2" aria-label={t("label")}>
      {attempts.map((a) => {
        const ok = a.statusCode !== null && a.statusCode >= 200 && a.statusCode < 300;
        return (
          <li key={a.attempt} className="rounded-md border border-border bg-surface px-3 py-2">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
              <span className="font-medium">{t("attempt", { n: a.attempt })}</span>
              <time dateTime={a.startedAt} className="text-xs text-muted-foreground tabular">
                {format.dateTime(new Date(a.startedAt), SHORT_TIME_SECONDS)}
              </time>
              <Badge tone={ok ? "success" : "danger"} className="font-mono">
                {a.statusCode ?? t("noAnswer")}
              </Badge>
              <span className="text-xs tabular">{formatLatency(a.durationMs, locale)}</span>
              {a.afterReplyDeadline && <Badge tone="outline">{t("late")}</Badge>}
            </div>
            {a.error && (
              <p className="mt-1 text-xs break-words text-danger">
                <span className="font-medium">{t("error")}</span>{" "}
                <span lang="en" className="font-mono">
                  {a.error}
                </span>
              </p>
            )}
            {a.responseHead && (
              <pre className="mt-1.5 max-h-40 overflow-auto rounded bg-muted/60 px-2 py-1.5 font-mono text-xs leading-5 break-all whitespace-pre-wrap scrollbar-thin">
                {a.responseHead}
              </pre>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** One forward opened: its attempts and the exact body it was (or will be) sent with. */
export function RelayItemDetail({ id }: { id: number }) {
  const t = useTranslations("relay.attempts");
  const tc = useTranslations("common");
  const query = useQuery(relayItemQuery(id));
  const body = useMemo(() => (query.data ? pretty(query.data.body) : ""), [query.data]);
  if (query.isPending) {
    return (
      <div className="space-y-2" aria-busy>
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-24 w-full" />
      </div>
    );
  }
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section className="min-w-0 space-y-2">
        <h3 className="text-xs font-medium text-muted-foreground">{t("title", { count: query.data.attempts.length })}</h3>
        <RelayAttempts attempts={query.data.attempts} />
      </section>
      <section className="min-w-0">
        <CodeBlock
          code={body}
          language="json"
          label={t("body")}
          maxHeight="20rem"
          title={<h3>{t("body")}</h3>}
          toolbar={<CopyButton value={query.data.body} label={tc("copy")} copiedLabel={tc("copied")} />}
        />
      </section>
    </div>
  );
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
