"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Monitor, MonitorSmartphone, Smartphone, TerminalSquare } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { errorDescription } from "@/components/common/error-message";
import { ErrorState } from "@/components/common/error-state";
import { RelativeTime } from "@/components/common/relative-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toaster";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "@/lib/auth/session-policy";
import { describeUserAgent } from "@/lib/auth/user-agent";
import { sendJson } from "@/lib/client/api-client";
import { displayIp } from "@/lib/utils/ip";
import { auditKeys } from "@/lib/client/audit";
import { mySessionsQuery, sessionKeys, type MemberSession } from "@/lib/client/sessions";

/** Settings › Sessions: every device the member is signed in on; any but this one can be ended. */
export function SessionsView() {
  const t = useTranslations("settings.sessions");
  const { toast } = useToast();
  const queryClient = useQueryClient();
  const query = useQuery(mySessionsQuery());
  const [endingOthers, setEndingOthers] = useState(false);
  const sessions = query.data?.items ?? [];
  const others = sessions.filter((s) => !s.current);

  const end = useMutation({
    mutationFn: async (ids: string[]) => {
      for (const id of ids) await sendJson("DELETE", `/api/me/sessions/${encodeURIComponent(id)}`);
      return ids.length;
    },
    onSuccess: (count) => {
      toast({ tone: "success", title: t("ended", { count }) });
      setEndingOthers(false);
    },
    onError: (err) => toast({ tone: "danger", title: t("endFailed"), description: errorDescription(err) }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: sessionKeys.mine });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });

  return (
    <Card className="max-w-4xl overflow-hidden">
      <CardHeader className="flex-wrap">
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("policy", { idleHours: SESSION_IDLE_SECONDS / 3600, days: SESSION_ABSOLUTE_SECONDS / 86_400 })}</CardDescription>
        </div>
        {others.length > 1 && (
          <Button onClick={() => setEndingOthers(true)} disabled={end.isPending}>
            {t("endOthers")}
          </Button>
        )}
      </CardHeader>
      {query.isPending ? (
        <SessionsSkeleton />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : sessions.length === 0 ? (
        <EmptyState icon={<MonitorSmartphone />} title={t("emptyTitle")} />
      ) : (
        <ul className="divide-y divide-border border-t border-border">
          {[...sessions]
            .sort((a, b) => Number(b.current) - Number(a.current))
            .map((s) => (
              <SessionRow key={s.id} session={s} pending={end.isPending && end.variables?.includes(s.id)} onEnd={() => end.mutate([s.id])} />
            ))}
        </ul>
      )}
      <ConfirmDialog
        open={endingOthers}
        onOpenChange={setEndingOthers}
        title={t("confirmEndOthersTitle", { count: others.length })}
        description={t("confirmEndOthersDescription")}
        confirmLabel={t("endOthers")}
        cancelLabel={t("cancel")}
        pending={end.isPending}
        onConfirm={() => end.mutate(others.map((s) => s.id))}
      />
    </Card>
  );
}

function SessionRow({ session: s, pending, onEnd }: { session: MemberSession; pending?: boolean; onEnd: () => void }) {
  const t = useTranslations("settings.sessions");
  const device = describeUserAgent(s.userAgent);
  const Icon = !device.os && device.browser ? TerminalSquare : device.mobile ? Smartphone : Monitor;
  const name = device.browser && device.os ? t("device", { browser: device.browser, os: device.os }) : (device.browser ?? device.os ?? t("unknownDevice"));
  return (
    <li data-session={s.id} data-current={s.current || undefined} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3.5">
      <span aria-hidden className="flex size-9 shrink-0 items-center justify-center rounded-lg border border-border bg-muted text-muted-foreground">
        <Icon className="size-4" />
      </span>
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
          <span className="truncate" title={s.userAgent ?? undefined}>
            {name}
          </span>
          {s.current && <Badge tone="success">{t("thisDevice")}</Badge>}
        </p>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-muted-foreground">
          <span className="font-mono">{displayIp(s.ipAddress) ?? t("unknownAddress")}</span>
          <span aria-hidden>·</span>
          <span>{t.rich("signedIn", { time: () => <RelativeTime value={s.createdAt} /> })}</span>
          <span aria-hidden>·</span>
          <span>{t.rich("lastActive", { time: () => <RelativeTime value={s.updatedAt} /> })}</span>
        </p>
      </div>
      {!s.current && (
        <Button size="sm" onClick={onEnd} disabled={pending}>
          {t("end")}
        </Button>
      )}
    </li>
  );
}

function SessionsSkeleton() {
  return (
    <div aria-hidden className="divide-y divide-border border-t border-border">
      {Array.from({ length: 2 }, (_, i) => (
        <div key={i} className="flex items-center gap-4 px-4 py-3.5">
          <Skeleton className="size-9" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-3.5 w-40" />
            <Skeleton className="h-3 w-72 max-w-full" />
          </div>
        </div>
      ))}
    </div>
  );
}
