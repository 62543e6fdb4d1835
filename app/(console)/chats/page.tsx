import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChatList } from "@/components/contacts/chat-list";
import { chatListQuery } from "@/lib/client/contacts";
import { getQueryClient } from "@/lib/client/query-client";
import { serverApi } from "@/lib/client/server-api";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("chats"))("title") };
}

export default async function ChatsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = (await searchParams).q;
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(chatListQuery(typeof q === "string" ? q : "", await serverApi()));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ChatList />
    </HydrationBoundary>
  );
}
