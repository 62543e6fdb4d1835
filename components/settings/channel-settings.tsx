"use client";

import { FlaskConical } from "lucide-react";
import { useTranslations } from "next-intl";
import { Callout } from "@/components/ui/callout";
import type { ChannelConfiguration } from "@/lib/channel/channel";
import { BotCard } from "./bot-card";
import { ConversationSettingsCard } from "./conversation-settings-card";
import { CredentialsCard } from "./credentials-card";
import { WebhookCard } from "./webhook-card";

/**
 * Settings › Channel: the webhook (what LINE calls), what friends see while the team answers them, the
 * bot (as LINE describes it), the credentials.
 */
export function ChannelSettings({ configuration }: { configuration: ChannelConfiguration }) {
  const t = useTranslations("settings.channel");
  return (
    <div className="space-y-5">
      {configuration.demoMode && (
        <Callout tone="info">
          <FlaskConical aria-hidden />
          <p>
            <span className="font-medium">{t("demoTitle")}</span> {t("demoDescription", { url: configuration.apiBaseUrl })}
          </p>
        </Callout>
      )}
      <div className="grid items-start gap-5 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="grid gap-5">
          <WebhookCard configuration={configuration} />
          <ConversationSettingsCard />
        </div>
        <div className="grid gap-5 md:grid-cols-2 xl:grid-cols-1">
          <BotCard configured={configuration.configured} />
          <CredentialsCard configuration={configuration} />
        </div>
      </div>
    </div>
  );
}
