import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChatDetail } from "@/components/contacts/chat-detail";
import { chatDetailQuery, conversationQuery, conversationSearch } from "@/lib/client/contacts";
import { getQueryClient } from "@/lib/client/query-client";
import { conversationQuerySchema } from "@/lib/contacts/conversation-schema";
import { readChat, readConversation } from "@/lib/contacts/read";
import { chatIdParam } from "@/lib/contacts/route-params";
import { hydrate, hydrateFirstPage, orNotFound, pageReads, searchObject } from "@/lib/runtime/page-read";

type Props = { params: Promise<{ chatId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("chats"))("title") };
}

export default async function ChatPage({ params }: Props) {
  const { chatId } = await params;
  const { actor, db, channelId } = await pageReads(params);
  // A group or room the console has never seen: a 404 page, not an error.
  const chat = await orNotFound(Promise.resolve().then(() => readChat(db, { channelId, chatId: chatIdParam(chatId).chatId })));
  const conversation = await readConversation(db, {
    channelId,
    with: chatIdParam(chatId),
    query: conversationQuerySchema.parse(searchObject(conversationSearch(null))),
  });
  const queryClient = getQueryClient();
  hydrate(queryClient, chatDetailQuery(chatId), chat);
  hydrateFirstPage(queryClient, conversationQuery({ kind: "chat", chatId }), conversation);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ChatDetail chatId={chatId} canSend={actor.role !== "viewer"} />
    </HydrationBoundary>
  );
}
