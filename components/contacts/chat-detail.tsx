"use client";

import { useQuery } from "@tanstack/react-query";
import { Activity, ArrowLeft } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { useMemo } from "react";
import { ErrorState } from "@/components/common/error-state";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { chatDetailQuery, type ChatDetail as ChatDetailData } from "@/lib/client/contacts";
import { ConversationComposer } from "./conversation-composer";
import { ConversationView } from "./conversation-view";
import { FriendAvatar } from "./friend-avatar";
import { FriendStatusBadge } from "./friend-status-badge";
import { useOutbox } from "./use-outbox";

/**
 * A group or room: name, picture, member count, the members seen, and its conversation — with a
 * composer to answer in it for operators and admins.
 */
export function ChatDetail({ chatId, canSend }: { chatId: string; canSend: boolean }) {
  const query = useQuery(chatDetailQuery(chatId));
  const outbox = useOutbox({ kind: "chat", chatId });
  const people = useMemo(() => new Map((query.data?.members ?? []).map((m) => [m.userId, { name: m.displayName, pictureUrl: m.pictureUrl }])), [query.data]);
  return (
    <div className="flex h-full min-h-0 flex-col lg:flex-row">
      <aside className="max-h-[45dvh] shrink-0 overflow-y-auto border-b border-border bg-surface lg:max-h-none lg:w-80 lg:border-r lg:border-b-0 xl:w-96">
        {query.isPending ? (
          <div aria-hidden className="space-y-4 p-5">
            <Skeleton className="size-16 rounded-xl" />
            <Skeleton className="h-6 w-40" />
            <Skeleton className="h-40 w-full" />
          </div>
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <ChatInfo chat={query.data} />
        )}
      </aside>
      <section className="flex min-h-[28rem] min-w-0 flex-1 flex-col bg-background">
        <ConversationView target={{ kind: "chat", chatId }} people={people} outbox={canSend ? outbox : undefined} />
        {canSend && <ConversationComposer target={{ kind: "chat", chatId }} outbox={outbox} name={query.data?.name ?? null} />}
      </section>
    </div>
  );
}

function ChatInfo({ chat }: { chat: ChatDetailData }) {
  const t = useTranslations("chats");
  const current = chat.members.filter((m) => m.current);
  const param = chat.type === "group" ? "groupId" : "roomId";
  return (
    <div className="space-y-5 p-4 md:p-5">
      <Link href="/chats" className={buttonVariants({ variant: "subtle", size: "xs", className: "-ml-1 hidden lg:inline-flex" })}>
        <ArrowLeft aria-hidden />
        {t("back")}
      </Link>
      <div className="flex items-center gap-4 lg:flex-col lg:items-start">
        <FriendAvatar id={chat.chatId} name={chat.name} pictureUrl={chat.pictureUrl} kind={chat.type} size="lg" />
        <div className="min-w-0 space-y-1.5">
          <h1 className="text-xl font-semibold tracking-tight break-words">{chat.name ?? t(chat.type === "group" ? "unnamedGroup" : "room")}</h1>
          <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
            <Badge tone="social">{t(chat.type === "group" ? "group" : "roomType")}</Badge>
            {!chat.joined && <Badge tone="outline">{t("left")}</Badge>}
            <span>{chat.memberCount !== null ? t("members", { count: chat.memberCount }) : t("membersUnknown")}</span>
          </div>
          <code className="block truncate font-mono text-2xs text-subtle-foreground">{chat.chatId}</code>
        </div>
      </div>
      <div className="space-y-2">
        <h2 className="text-xs font-medium tracking-wide text-subtle-foreground uppercase">{t("membersSeen", { count: current.length })}</h2>
        <p className="text-xs text-muted-foreground">{t("membersSeenHint")}</p>
        <ul className="space-y-0.5">
          {chat.members.map((m) => (
            <li key={m.userId}>
              <Link href={`/contacts/${m.userId}`} className="flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm hover:bg-hover">
                <FriendAvatar id={m.userId} name={m.displayName} pictureUrl={m.pictureUrl} size="sm" />
                <span className={m.displayName ? "min-w-0 flex-1 truncate" : "min-w-0 flex-1 truncate text-muted-foreground italic"}>
                  {m.displayName ?? t("unknownMember")}
                </span>
                {m.current ? <FriendStatusBadge status={m.status} /> : <span className="text-2xs text-subtle-foreground">{t("memberLeft")}</span>}
              </Link>
            </li>
          ))}
        </ul>
      </div>
      <Link href={`/events?${param}=${chat.chatId}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
        <Activity aria-hidden />
        {t("eventsInTimeline")}
      </Link>
    </div>
  );
}
