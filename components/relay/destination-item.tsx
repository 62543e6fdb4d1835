"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CircleCheck, CircleX, Pause, Pencil, Play, ScrollText, Send, ShieldAlert, Trash2 } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { ErrorAlert } from "@/components/common/error-message";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { auditKeys } from "@/lib/client/audit";
import { relayKeys, testDestination, updateDestination, type RelayDestination, type RelayTestResult } from "@/lib/client/relay";
import { cn } from "@/lib/utils/cn";
import { SHORT_TIME_SECONDS } from "@/lib/utils/date-formats";
import { formatLatency } from "@/lib/utils/format";
import { useFilterSummary } from "./filter-summary";

interface ItemProps {
  destination: RelayDestination;
  admin: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

/** One destination: where it points, how it is signed, what it gets, whether it is paused; its actions. */
export function DestinationItem({ destination: d, admin, onEdit, onDelete }: ItemProps) {
  const t = useTranslations("relay.settings");
  const format = useFormatter();
  const queryClient = useQueryClient();
  const filters = useFilterSummary(d);
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: relayKeys.all });
    void queryClient.invalidateQueries({ queryKey: auditKeys.all });
  };
  const toggle = useMutation({ mutationFn: () => updateDestination(d.id, { enabled: !d.enabled }), onSuccess: changed });
  const test = useMutation({ mutationFn: () => testDestination(d.id), onSuccess: () => void queryClient.invalidateQueries({ queryKey: auditKeys.all }) });
  const headingId = `relay-destination-${d.id}`;

  return (
    <li aria-labelledby={headingId} className="space-y-3 px-4 py-4">
      {/* Side by side where there is room; on a tablet the actions go under what they act on. */}
      <div className="flex flex-col gap-x-4 gap-y-2.5 xl:flex-row xl:items-start xl:justify-between">
        <div className="min-w-0 flex-1 space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <h3 id={headingId} className="text-sm font-semibold break-words">
              {d.name}
            </h3>
            <Badge tone={d.enabled ? "success" : "neutral"}>{d.enabled ? t("enabled") : t("paused")}</Badge>
            <Badge tone="outline">{t(`signing.${d.signing}`)}</Badge>
          </div>
          <p className="font-mono text-xs break-all text-muted-foreground">{d.url}</p>
          <p className="text-xs text-muted-foreground">
            {filters}
            {d.unseenOnly && <> · {t("unseenOnly")}</>} · {t("timeout", { seconds: d.timeoutMs / 1000 })}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-1.5">
          <Link href={`/settings/relay/${d.id}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
            <ScrollText aria-hidden />
            {t("log")}
          </Link>
          {admin && (
            <>
              <Button size="sm" onClick={() => test.mutate()} disabled={test.isPending}>
                <Send aria-hidden />
                {test.isPending ? t("testing") : t("test")}
              </Button>
              <Button size="sm" onClick={() => toggle.mutate()} disabled={toggle.isPending}>
                {d.enabled ? <Pause aria-hidden /> : <Play aria-hidden />}
                {d.enabled ? t("pause") : t("resume")}
              </Button>
              <Button size="sm" variant="ghost" onClick={onEdit}>
                <Pencil aria-hidden />
                {t("edit")}
              </Button>
              <Button size="sm" variant="ghost" className="text-danger hover:text-danger" onClick={onDelete}>
                <Trash2 aria-hidden />
                {t("delete")}
              </Button>
            </>
          )}
        </div>
      </div>
      {d.breaker.openUntil && (
        <Callout tone="warning">
          <ShieldAlert aria-hidden />
          <span>{t("breakerOpen", { until: format.dateTime(new Date(d.breaker.openUntil), SHORT_TIME_SECONDS), failures: d.breaker.failuresInARow })}</span>
        </Callout>
      )}
      {toggle.isError && <ErrorAlert error={toggle.error} />}
      {test.isError && <ErrorAlert error={test.error} lead={t("testFailed")} />}
      {test.data && <TestResult result={test.data} />}
    </li>
  );
}

/** What the bot answered "Send a test": its status, how long it took, the first part of its answer. */
function TestResult({ result }: { result: RelayTestResult }) {
  const t = useTranslations("relay.settings.testResult");
  const locale = useLocale();
  const Icon = result.ok ? CircleCheck : CircleX;
  return (
    <section
      role="status"
      aria-label={t("label")}
      className={cn(
        "rounded-lg border px-3.5 py-3 text-sm",
        result.ok ? "border-success-soft-foreground/25 bg-success-soft/50" : "border-danger/30 bg-danger-soft/50",
      )}
    >
      <div className="flex items-start gap-2.5">
        <Icon aria-hidden className={cn("mt-0.5 size-4 shrink-0", result.ok ? "text-success" : "text-danger")} />
        <div className="min-w-0 flex-1 space-y-1.5">
          <p className="font-medium">{result.ok ? t("ok") : t("notOk")}</p>
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1">
            <dt className="text-muted-foreground">{t("status")}</dt>
            <dd>
              <Badge tone={result.ok ? "success" : "danger"} className="font-mono">
                {result.statusCode ?? "—"}
              </Badge>
            </dd>
            <dt className="text-muted-foreground">{t("latency")}</dt>
            <dd className="tabular">{formatLatency(result.durationMs, locale)}</dd>
            {result.error && (
              <>
                <dt className="text-muted-foreground">{t("error")}</dt>
                <dd lang="en" className="font-mono text-xs leading-5 break-words">
                  {result.error}
                </dd>
              </>
            )}
            <dt className="text-muted-foreground">{t("answer")}</dt>
            <dd className="font-mono text-xs leading-5 break-all whitespace-pre-wrap">{result.responseHead ? result.responseHead.slice(0, 300) : "—"}</dd>
          </dl>
          {!result.signed && <p className="text-xs text-muted-foreground">{t("unsigned")}</p>}
        </div>
      </div>
    </section>
  );
}
