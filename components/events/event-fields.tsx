"use client";

import { Filter, UserRound, UsersRound } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { ExactTime } from "@/components/common/relative-time";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import type { EventDetail } from "@/lib/client/events";
import { formatLatency } from "@/lib/utils/format";

/** Every column the store keeps for an event, with ways to filter the timeline by its ids. */
export function EventFields({ event }: { event: EventDetail }) {
  const t = useTranslations("eventDetail.fields");
  const tAll = useTranslations();
  const locale = useLocale();
  const format = useFormatter();
  const lagMs = Date.parse(event.receivedAt) - Date.parse(event.timestamp);

  const rows: Array<[string, React.ReactNode]> = [
    [t("id"), <Mono key="id" value={`#${event.id}`} copy={event.id} />],
    [t("webhookEventId"), event.webhookEventId ? <Mono key="w" value={event.webhookEventId} copy={event.webhookEventId} /> : <None />],
    [
      t("type"),
      <code key="t" className="font-mono text-xs">
        {event.type}
      </code>,
    ],
    [t("messageType"), event.messageType ? <code className="font-mono text-xs">{event.messageType}</code> : <None />],
    [t("messageId"), event.messageId ? <Mono value={event.messageId} copy={event.messageId} /> : <None />],
    [t("mode"), <span key="m">{event.mode ? t(`modes.${event.mode === "standby" ? "standby" : "active"}`) : "—"}</span>],
    [
      t("sourceType"),
      <span key="s">
        {tAll(`sourceTypes.${event.sourceType === "user" || event.sourceType === "group" || event.sourceType === "room" ? event.sourceType : "none"}`)}
      </span>,
    ],
    [t("userId"), event.userId ? <IdWithFilter value={event.userId} name={event.userName} filter="userId" /> : <None />],
    [t("groupId"), event.groupId ? <IdWithFilter value={event.groupId} name={event.chatName} filter="groupId" /> : <None />],
    [t("roomId"), event.roomId ? <IdWithFilter value={event.roomId} name={event.chatName} filter="roomId" /> : <None />],
    [t("timestamp"), <ExactTime key="ts" value={event.timestamp} />],
    [
      t("receivedAt"),
      <span key="r">
        <ExactTime value={event.receivedAt} />
        {Number.isFinite(lagMs) && lagMs >= 0 && <span className="ml-2 text-xs text-muted-foreground">{t("lag", { lag: formatLatency(lagMs, locale) })}</span>}
      </span>,
    ],
    [t("redelivery"), <span key="rd">{event.isRedelivery ? tAll("common.yes") : tAll("common.no")}</span>],
    [
      t("replyToken"),
      event.replyToken ? (
        <span key="rt" className="block">
          <Mono value={event.replyToken} copy={event.replyToken} />
          <span className="mt-0.5 block text-xs text-muted-foreground">{t("replyTokenHint")}</span>
        </span>
      ) : (
        <None />
      ),
    ],
  ];

  return (
    <Card>
      <CardHeader className="pb-2">
        <CardTitle>{t("title")}</CardTitle>
        <span className="text-xs text-muted-foreground">{format.number(rows.length)}</span>
      </CardHeader>
      <dl className="grid grid-cols-1 px-4 pb-3 sm:grid-cols-[11rem_minmax(0,1fr)]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="border-t border-border pt-2 text-xs text-muted-foreground sm:py-2">{label}</dt>
            <dd className="min-w-0 pb-2 text-sm break-all sm:border-t sm:border-border sm:py-2">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function Mono({ value, copy }: { value: string; copy?: string }) {
  const t = useTranslations("common");
  return (
    <span className="inline-flex max-w-full items-center gap-1">
      <code className="min-w-0 font-mono text-xs break-all">{value}</code>
      {copy && <CopyButton value={copy} label={t("copy")} copiedLabel={t("copied")} className="size-6 [&_svg:not([class*='size-'])]:size-3.5" />}
    </span>
  );
}

// The name (a profile's, a group's) when the console has fetched it, above the id.
function IdWithFilter({ value, name, filter }: { value: string; name: string | null; filter: "userId" | "groupId" | "roomId" }) {
  const t = useTranslations("eventDetail.fields");
  const tLinks = useTranslations("contacts.links");
  return (
    <span className="inline-flex max-w-full flex-wrap items-center gap-x-2 gap-y-1">
      {name && (
        <span className="basis-full font-medium break-words" data-testid={`${filter}-name`}>
          {name}
        </span>
      )}
      <Mono value={value} copy={value} />
      <Link href={`/events?${filter}=${value}`} className="inline-flex items-center gap-1 text-xs text-primary-soft-foreground hover:underline">
        <Filter aria-hidden className="size-3" />
        {t("showAllFrom")}
      </Link>
      <Link
        href={filter === "userId" ? `/contacts/${value}` : `/chats/${value}`}
        className="inline-flex items-center gap-1 text-xs text-primary-soft-foreground hover:underline"
      >
        {filter === "userId" ? <UserRound aria-hidden className="size-3" /> : <UsersRound aria-hidden className="size-3" />}
        {tLinks(filter === "userId" ? "friend" : "chat")}
      </Link>
    </span>
  );
}

function None() {
  return <span className="text-subtle-foreground">—</span>;
}
