"use client";

import { Ban, UserCheck, UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { areaByCode } from "@/lib/line/areas";
import type { DemoFriend } from "@/lib/client/demo";
import { FriendAvatar } from "./friend-avatar";
import { useFriendAction } from "./use-friend-action";

/**
 * Who this fake friend is, including what LINE knows but never tells an account per person (gender,
 * age, area, OS, how long they have been a friend): the attributes narrowcast filters match on.
 */
export function FriendProfile({ friend }: { friend: DemoFriend }) {
  const t = useTranslations("demo");
  const act = useFriendAction(friend.userId);
  const area = friend.area ? areaByCode(friend.area) : undefined;
  const rows: Array<[string, string]> = [
    [t("attr.gender"), friend.gender ? t(`gender.${friend.gender}`) : t("attr.unknown")],
    [t("attr.age"), friend.age !== null ? t("age", { age: friend.age }) : t("attr.unknown")],
    [t("attr.area"), area ? (area.local === area.en ? area.local : `${area.local} (${area.en})`) : t("attr.unknown")],
    [t("attr.os"), friend.appType ? t(`os.${friend.appType}`) : t("attr.unknown")],
    [t("attr.friendFor"), friend.subscriptionDays !== null ? t("days", { days: friend.subscriptionDays }) : t("attr.unknown")],
    [t("attr.language"), friend.language ?? t("attr.unknown")],
  ];
  return (
    <Card>
      <CardHeader>
        <div className="flex min-w-0 items-center gap-3">
          <FriendAvatar friend={friend} className="size-11" />
          <div className="min-w-0">
            <CardTitle className="truncate text-base">{friend.displayName}</CardTitle>
            <CardDescription className="font-mono">{friend.userId}</CardDescription>
          </div>
        </div>
        <Badge tone={friend.status === "following" ? "success" : friend.status === "blocked" ? "danger" : "neutral"}>{t(`status.${friend.status}`)}</Badge>
      </CardHeader>
      <CardContent className="space-y-4">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-muted-foreground">{k}</dt>
              <dd className="min-w-0 text-foreground">{v}</dd>
            </div>
          ))}
        </dl>
        <p className="text-xs text-muted-foreground">{t("attributesNote")}</p>
        <div className="flex flex-wrap gap-2">
          {friend.status === "following" ? (
            <Button variant="secondary" onClick={() => act.mutate({ action: "block" })} disabled={act.isPending}>
              <Ban />
              {t("block")}
            </Button>
          ) : friend.status === "blocked" ? (
            <Button variant="secondary" onClick={() => act.mutate({ action: "unblock" })} disabled={act.isPending}>
              <UserCheck />
              {t("unblock")}
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => act.mutate({ action: "follow" })} disabled={act.isPending}>
              <UserPlus />
              {t("follow")}
            </Button>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
