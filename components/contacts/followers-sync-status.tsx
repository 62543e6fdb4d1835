"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { errorDescription } from "@/components/common/error-message";
import { RelativeTime } from "@/components/common/relative-time";
import { Button } from "@/components/ui/button";
import { StatusDot } from "@/components/ui/badge";
import { useToast } from "@/components/ui/toaster";
import { ApiError } from "@/lib/client/api-client";
import { contactKeys, friendStatsQuery } from "@/lib/client/contacts";
import { sendJson } from "@/lib/client/api-client";

/**
 * How the friend list relates to LINE's follower list: last synced when, running, or not available for
 * this account (LINE lists follower ids only for verified and premium accounts). Admins can sync now.
 */
export function FollowersSyncStatus({ canSync }: { canSync: boolean }) {
  const t = useTranslations("contacts.sync");
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const stats = useQuery({ ...friendStatsQuery(), refetchInterval: (q) => (q.state.data?.followersSync?.status === "running" ? 3000 : false) });
  const sync = stats.data?.followersSync;
  const mutation = useMutation({
    mutationFn: () => sendJson("POST", "/api/contacts/sync"),
    onSuccess: () => {
      toast({ tone: "success", title: t("queued") });
      setTimeout(() => void queryClient.invalidateQueries({ queryKey: contactKeys.stats() }), 1000);
    },
    onError: (err) =>
      err instanceof ApiError && err.code === "sync_running"
        ? toast({ tone: "info", title: t("alreadyRunning") })
        : toast({ tone: "danger", title: t("failed"), description: errorDescription(err) }),
  });

  const listed = typeof sync?.details?.listed === "number" ? sync.details.listed : null;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground" data-testid="followers-sync">
      <span className="inline-flex items-center gap-1.5">
        <StatusDot
          tone={!sync ? "neutral" : sync.status === "ok" ? "success" : sync.status === "running" ? "warning" : "danger"}
          pulse={sync?.status === "running"}
        />
        {!sync ? (
          t("never")
        ) : sync.status === "running" ? (
          t("running", { count: listed ?? 0 })
        ) : sync.status === "not_available" ? (
          <span title={t("notAvailableHint")}>{t("notAvailable")}</span>
        ) : sync.status === "error" ? (
          t("error")
        ) : (
          <span>
            {t("ok", { count: listed ?? 0 })}
            {(sync.finishedAt ?? sync.startedAt) && (
              <>
                {" · "}
                <RelativeTime value={(sync.finishedAt ?? sync.startedAt)!} />
              </>
            )}
          </span>
        )}
      </span>
      {canSync && (
        <Button variant="subtle" size="xs" onClick={() => mutation.mutate()} disabled={mutation.isPending || sync?.status === "running"}>
          <RefreshCw aria-hidden className={mutation.isPending || sync?.status === "running" ? "animate-spin" : undefined} />
          {t("syncNow")}
        </Button>
      )}
    </div>
  );
}
