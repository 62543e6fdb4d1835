"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { ChannelConfiguration } from "@/lib/channel/channel";
import { DetailList, DetailRow } from "./detail-list";

/** What the server's environment configures; the secrets themselves never leave the server. */
export function CredentialsCard({ configuration: c }: { configuration: ChannelConfiguration }) {
  const t = useTranslations("settings.channel.credentials");
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{c.configured ? t("configured") : t("notConfigured")}</CardDescription>
        </div>
        <Badge tone={c.configured ? "success" : "warning"} size="md">
          {c.configured ? t("statusConfigured") : t("statusMissing")}
        </Badge>
      </CardHeader>
      <CardContent>
        <DetailList>
          <DetailRow label={t("channelId")}>
            {c.channelId ? <span className="font-mono text-xs">{c.channelId}</span> : <span className="text-subtle-foreground">{t("notSet")}</span>}
          </DetailRow>
          <DetailRow label={t("secret")}>
            {c.secretConfigured ? (
              <>
                <span aria-hidden className="font-mono text-xs tracking-widest text-subtle-foreground">
                  ••••••••
                </span>
                <Badge tone="success">{t("set")}</Badge>
              </>
            ) : (
              <Badge tone="danger">{t("missing")}</Badge>
            )}
          </DetailRow>
          <DetailRow label={t("token")}>
            {c.tokenLast4 ? (
              <>
                <span className="font-mono text-xs text-muted-foreground">{t("endsIn", { last4: c.tokenLast4 })}</span>
                <Badge tone="success">{t("set")}</Badge>
              </>
            ) : (
              <Badge tone="danger">{t("missing")}</Badge>
            )}
          </DetailRow>
          <DetailRow label={t("apiHost")}>
            <span className="truncate font-mono text-xs">{c.apiBaseUrl.replace(/^https?:\/\//, "")}</span>
          </DetailRow>
        </DetailList>
      </CardContent>
      <CardFooter className="text-xs text-muted-foreground">
        <p>{t.rich("footnote", { code: (chunks) => <code className="font-mono text-2xs text-foreground">{chunks}</code> })}</p>
      </CardFooter>
    </Card>
  );
}
