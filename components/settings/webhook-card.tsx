"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PlugZap, Send, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toaster";
import { sendJson } from "@/lib/client/api-client";
import { auditKeys } from "@/lib/client/audit";
import { channelKeys, webhookEndpointQuery } from "@/lib/client/channel";
import type { ChannelConfiguration, WebhookEndpoint, WebhookTestResult } from "@/lib/channel/channel";
import { LineErrorNotice } from "./line-error-notice";
import { WebhookTestResultPanel } from "./webhook-test-result";

/** The console's webhook URL, what LINE has now, and buttons to set and test it through LINE's API. */
export function WebhookCard({ configuration: c }: { configuration: ChannelConfiguration }) {
  const t = useTranslations("settings.channel.webhook");
  const tc = useTranslations("common");
  const { toast } = useToast();
  const queryClient = useQueryClient();
  const current = useQuery({ ...webhookEndpointQuery(), enabled: c.configured });

  const set = useMutation({
    mutationFn: () => sendJson<WebhookEndpoint>("PUT", "/api/settings/channel/webhook", {}),
    onSuccess: (endpoint) => {
      queryClient.setQueryData(channelKeys.webhook, endpoint);
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
      toast({ tone: "success", title: t("setDone"), description: endpoint.endpoint ?? undefined });
    },
  });
  const test = useMutation({
    mutationFn: () => sendJson<WebhookTestResult>("POST", "/api/settings/channel/webhook/test", {}),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: auditKeys.all }),
  });

  const insecure = !c.demoMode && c.webhookUrl.startsWith("http://");
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-5">
        <section aria-labelledby="webhook-url-label" className="space-y-2">
          <h3 id="webhook-url-label" className="text-xs font-medium text-muted-foreground">
            {t("urlLabel")}
          </h3>
          <div className="flex items-center gap-1 rounded-md border border-border bg-muted/40 py-1 pr-1 pl-3">
            <code className="min-w-0 flex-1 truncate font-mono text-sm" data-testid="webhook-url">
              {c.webhookUrl}
            </code>
            <CopyButton value={c.webhookUrl} label={tc("copy")} copiedLabel={tc("copied")} showLabel />
          </div>
          <p className="text-xs text-muted-foreground">{t("urlHint")}</p>
          {insecure && (
            <Callout tone="warning">
              <TriangleAlert aria-hidden />
              <p>{t("httpsWarning")}</p>
            </Callout>
          )}
        </section>

        <section aria-labelledby="webhook-current-label" className="space-y-2">
          <h3 id="webhook-current-label" className="text-xs font-medium text-muted-foreground">
            {t("currentLabel")}
          </h3>
          {!c.configured ? (
            <p className="text-sm text-subtle-foreground">{t("needsCredentials")}</p>
          ) : current.isPending ? (
            <Skeleton className="h-9 w-full" />
          ) : current.isError ? (
            <LineErrorNotice error={current.error} onRetry={() => void current.refetch()} />
          ) : (
            <CurrentEndpoint endpoint={current.data} />
          )}
        </section>

        {set.isError && <LineErrorNotice error={set.error} />}

        <div className="flex flex-wrap items-center gap-2 border-t border-border pt-4">
          <Button variant="primary" onClick={() => set.mutate()} disabled={!c.configured || set.isPending}>
            <PlugZap aria-hidden />
            {set.isPending ? t("setting") : t("set")}
          </Button>
          <Button onClick={() => test.mutate()} disabled={!c.configured || test.isPending || !current.data?.endpoint}>
            <Send aria-hidden />
            {test.isPending ? t("testing") : t("test")}
          </Button>
          <p className="min-w-0 flex-1 text-xs text-subtle-foreground md:text-right">{t("actionsHint")}</p>
        </div>

        {test.isError && <LineErrorNotice error={test.error} />}
        {test.data && <WebhookTestResultPanel result={test.data} />}
      </CardContent>
    </Card>
  );
}

function CurrentEndpoint({ endpoint }: { endpoint: WebhookEndpoint }) {
  const t = useTranslations("settings.channel.webhook");
  if (!endpoint.endpoint) {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="warning" size="md">
          {t("notSet")}
        </Badge>
        <span className="text-sm text-muted-foreground">{t("notSetHint")}</span>
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-border px-3 py-2">
        <code className="min-w-0 flex-1 font-mono text-sm break-all" data-testid="webhook-current">
          {endpoint.endpoint}
        </code>
        <div className="flex shrink-0 gap-1.5">
          <Badge tone={endpoint.matchesConsole ? "success" : "warning"}>{endpoint.matchesConsole ? t("matches") : t("differs")}</Badge>
          <Badge tone={endpoint.active ? "success" : "neutral"}>{endpoint.active ? t("active") : t("inactive")}</Badge>
        </div>
      </div>
      {!endpoint.active && <p className="text-xs text-muted-foreground">{t("inactiveHint")}</p>}
    </div>
  );
}
