"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { PageContainer, PageHeader } from "@/components/common/page-header";
import type { DemoFriend } from "@/lib/client/demo";
import { FriendList } from "./friend-list";
import { FriendPhone } from "./friend-phone";
import { FriendProfile } from "./friend-profile";
import { TrafficControl } from "./traffic-control";

/**
 * Demo mode's other side: pick any fake friend, see what LINE would know of them, act as them (their
 * messages reach the console as real signed webhooks), and see their phone — the chat with the
 * account, with exactly what the account's sends delivered to them.
 */
export function Simulator() {
  const t = useTranslations("demo");
  const [friend, setFriend] = useState<DemoFriend | null>(null);
  return (
    <PageContainer className="space-y-5">
      <PageHeader title={t("simulatorTitle")} description={t("simulatorDescription")} actions={<TrafficControl />} />
      <div className="grid gap-5 lg:grid-cols-[minmax(16rem,22rem)_minmax(0,1fr)]">
        <FriendList selected={friend?.userId ?? null} onSelect={setFriend} />
        {friend ? (
          <div className="grid items-start gap-5 xl:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
            <FriendPhone friend={friend} />
            <FriendProfile friend={friend} />
          </div>
        ) : (
          <div className="flex min-h-[24rem] items-center justify-center rounded-lg border border-dashed border-border-strong p-6 text-center text-sm text-muted-foreground">
            {t("pickFriend")}
          </div>
        )}
      </div>
    </PageContainer>
  );
}
