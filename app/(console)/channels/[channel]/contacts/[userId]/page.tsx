import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { channelsVisibleTo } from "@/lib/channel/access";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FriendDetail } from "@/components/contacts/friend-detail";
import { conversationQuery, conversationSearch, friendDetailQuery } from "@/lib/client/contacts";
import { getQueryClient } from "@/lib/client/query-client";
import { conversationQuerySchema } from "@/lib/contacts/conversation-schema";
import { readConversation, readFriend } from "@/lib/contacts/read";
import { userIdParam } from "@/lib/contacts/route-params";
import { hydrate, hydrateFirstPage, orNotFound, pageReads, searchObject } from "@/lib/runtime/page-read";

type Props = { params: Promise<{ userId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { userId } = await params;
  return { title: (await getTranslations("friend"))("pageTitle", { id: userId.slice(0, 9) }) };
}

export default async function FriendPage({ params }: Props) {
  const { userId } = await params;
  const { actor, db, channelId } = await pageReads(params);
  // Unknown to the console (never seen in an event or the follower list): a 404 page, not an error.
  const otherChannels = await channelsVisibleTo(db, actor);
  const friend = await orNotFound(Promise.resolve().then(() => readFriend(db, { channelId, userId: userIdParam(userId), otherChannels })));
  const conversation = await readConversation(db, {
    channelId,
    with: { userId },
    query: conversationQuerySchema.parse(searchObject(conversationSearch(null))),
  });
  const queryClient = getQueryClient();
  hydrate(queryClient, friendDetailQuery(userId), friend);
  hydrateFirstPage(queryClient, conversationQuery({ kind: "user", userId }), conversation);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <FriendDetail userId={userId} canEdit={actor.role !== "viewer"} />
    </HydrationBoundary>
  );
}
