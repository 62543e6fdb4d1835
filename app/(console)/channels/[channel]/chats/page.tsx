import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChatList } from "@/components/contacts/chat-list";
import { chatListQuery, chatListSearch } from "@/lib/client/contacts";
import { getQueryClient } from "@/lib/client/query-client";
import { listChatsQuerySchema } from "@/lib/contacts/conversation-schema";
import { readChats } from "@/lib/contacts/read";
import { hydrate, pageReads, searchObject } from "@/lib/runtime/page-read";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("chats"))("title") };
}

export default async function ChatsPage({
  params,
  searchParams,
}: {
  params: Promise<{ channel: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const q = (await searchParams).q;
  const { db, channelId } = await pageReads(params);
  const queryClient = getQueryClient();
  const search = typeof q === "string" ? q : "";
  const query = listChatsQuerySchema.safeParse(searchObject(chatListSearch(search)));
  if (query.success) hydrate(queryClient, chatListQuery(search), await readChats(db, { channelId, ...query.data }));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ChatList />
    </HydrationBoundary>
  );
}
