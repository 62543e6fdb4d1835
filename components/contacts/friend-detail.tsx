"use client";

import { channelPath } from "@/lib/client/channel-path";
import { useQuery } from "@tanstack/react-query";
import { Activity, ArrowLeft, DoorOpen, UsersRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { useMemo } from "react";
import { ErrorState } from "@/components/common/error-state";
import { RelativeTime } from "@/components/common/relative-time";
import { buttonVariants } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Skeleton } from "@/components/ui/skeleton";
import { friendDetailQuery, type FriendDetail as FriendDetailData } from "@/lib/client/contacts";
import { ConversationComposer } from "./conversation-composer";
import { ConversationView } from "./conversation-view";
import { FriendAvatar } from "./friend-avatar";
import { FriendStatusBadge } from "./friend-status-badge";
import { FriendTagsEditor } from "./friend-tags-editor";
import { FriendRichMenuCard } from "@/components/rich-menus/audience/friend-rich-menu-card";
import { useLanguageName } from "./language-name";
import { useOutbox } from "./use-outbox";

/**
 * A friend's page: who they are on the left (above, on narrow screens), the conversation beside it,
 * and — for operators and admins — a composer to answer them from it.
 */
export function FriendDetail({ userId, canEdit }: { userId: string; canEdit: boolean }) {
  // While the profile is still being fetched from LINE, look again every few seconds.
  const query = useQuery({ ...friendDetailQuery(userId), refetchInterval: (q) => (q.state.data?.profileStatus === "pending" ? 3000 : false) });
  const chatNames = useMemo(() => new Map((query.data?.chats ?? []).map((c) => [c.chatId, c.name])), [query.data]);
  const outbox = useOutbox({ kind: "user", userId });
  return (
    <div className="flex h-full min-h-0 flex-col lg:flex-row">
      <aside className="shrink-0 border-b border-border bg-surface lg:w-80 lg:overflow-y-auto lg:border-r lg:border-b-0 xl:w-96">
        {query.isPending ? (
          <ProfileSkeleton />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Profile friend={query.data} canEdit={canEdit} />
        )}
      </aside>
      <section className="flex min-h-[28rem] min-w-0 flex-1 flex-col bg-background">
        <ConversationView target={{ kind: "user", userId }} chatNames={chatNames} outbox={canEdit ? outbox : undefined} />
        {canEdit && <ConversationComposer target={{ kind: "user", userId }} outbox={outbox} name={query.data?.displayName ?? null} />}
      </section>
    </div>
  );
}

function Profile({ friend, canEdit }: { friend: FriendDetailData; canEdit: boolean }) {
  const t = useTranslations("friend");
  const languageName = useLanguageName();
  const name = friend.displayName ?? t("noName");
  return (
    <div className="space-y-5 p-4 md:p-5">
      <Link href="/contacts" className={buttonVariants({ variant: "subtle", size: "xs", className: "-ml-1 hidden lg:inline-flex" })}>
        <ArrowLeft aria-hidden />
        {t("back")}
      </Link>
      <div className="flex items-center gap-4 lg:flex-col lg:items-start">
        <FriendAvatar id={friend.userId} name={friend.displayName} pictureUrl={friend.pictureUrl} size="lg" className="lg:size-20 lg:text-2xl" />
        <div className="min-w-0 space-y-1.5">
          <h1 className="text-xl font-semibold tracking-tight break-words">{name}</h1>
          <div className="flex flex-wrap items-center gap-2">
            <FriendStatusBadge status={friend.status} />
            {friend.language && <span className="text-xs text-muted-foreground">{languageName(friend.language)}</span>}
          </div>
          {friend.statusMessage && <p className="text-sm break-words text-muted-foreground">“{friend.statusMessage}”</p>}
        </div>
      </div>

      <div className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm md:grid-cols-4 lg:grid-cols-1">
        <Field label={t("userId")} className="col-span-2 md:col-span-2 lg:col-span-1">
          <span className="flex min-w-0 items-center gap-1">
            <code className="truncate font-mono text-xs">{friend.userId}</code>
            <CopyButton value={friend.userId} label={t("copyId")} copiedLabel={t("copied")} />
          </span>
        </Field>
        <Field label={t("lastActive")}>
          {friend.lastActiveAt ? <RelativeTime value={friend.lastActiveAt} /> : <span className="text-subtle-foreground">{t("never")}</span>}
        </Field>
        <Field label={t("firstSeen")}>
          <RelativeTime value={friend.firstSeenAt} />
        </Field>
        <Field label={t("profile")} className="col-span-2 md:col-span-2 lg:col-span-1">
          <span className="text-muted-foreground">
            {friend.profileStatus === "ok" && friend.profileFetchedAt ? (
              <>
                {t("profileFetched")} <RelativeTime value={friend.profileFetchedAt} />
              </>
            ) : (
              t(`profileStatus.${friend.profileStatus}`)
            )}
          </span>
        </Field>
      </div>

      {friend.alsoIn.length > 0 && (
        <div className="space-y-1.5 text-sm">
          <h2 className="text-xs font-medium tracking-wide text-subtle-foreground uppercase">{t("alsoIn.title")}</h2>
          <ul className="flex flex-wrap gap-1.5">
            {friend.alsoIn.map((c) => (
              <li key={c.key}>
                {/* Another channel: a page load of its own, so nothing read here crosses over. */}
                <a
                  href={channelPath(c.key, `/contacts/${friend.userId}`)}
                  className="inline-flex items-center gap-1.5 rounded-md border border-border px-2 py-0.5 text-xs hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                >
                  {c.name}
                  <FriendStatusBadge status={c.status} />
                </a>
              </li>
            ))}
          </ul>
          <p className="text-xs text-muted-foreground">{t("alsoIn.why")}</p>
        </div>
      )}

      <div className="space-y-2">
        <h2 className="text-xs font-medium tracking-wide text-subtle-foreground uppercase">{t("tags.title")}</h2>
        <FriendTagsEditor userId={friend.userId} tags={friend.tags} editable={canEdit} />
      </div>

      <FriendRichMenuCard userId={friend.userId} canEdit={canEdit} />

      {friend.chats.length > 0 && (
        <div className="space-y-2">
          <h2 className="text-xs font-medium tracking-wide text-subtle-foreground uppercase">{t("chats")}</h2>
          <ul className="space-y-1">
            {friend.chats.map((c) => (
              <li key={c.chatId}>
                <Link href={`/chats/${c.chatId}`} className="flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm hover:bg-hover">
                  <FriendAvatar id={c.chatId} name={c.name} pictureUrl={c.pictureUrl} kind={c.type} size="sm" />
                  <span className="min-w-0 flex-1 truncate">{c.name ?? t(c.type === "group" ? "unnamedGroup" : "room")}</span>
                  {!c.current && <span className="text-2xs text-subtle-foreground">{t("left")}</span>}
                  {c.type === "group" ? (
                    <UsersRound aria-hidden className="size-3.5 text-subtle-foreground" />
                  ) : (
                    <DoorOpen aria-hidden className="size-3.5 text-subtle-foreground" />
                  )}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}

      <Link href={`/events?userId=${friend.userId}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
        <Activity aria-hidden />
        {t("eventsInTimeline")}
      </Link>
    </div>
  );
}

function Field({ label, children, className }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={className}>
      <div className="text-xs text-subtle-foreground">{label}</div>
      <div className="mt-0.5 min-w-0">{children}</div>
    </div>
  );
}

function ProfileSkeleton() {
  return (
    <div aria-hidden className="space-y-4 p-5">
      <Skeleton className="size-20 rounded-full" />
      <Skeleton className="h-6 w-40" />
      <Skeleton className="h-4 w-24" />
      <Skeleton className="h-16 w-full" />
    </div>
  );
}
