import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ChatDetail } from "@/components/contacts/chat-detail";
import { requirePageActor } from "@/lib/runtime/page-context";
import { ApiError } from "@/lib/client/api-client";
import { chatDetailQuery, contactKeys, conversationQuery } from "@/lib/client/contacts";
import { getQueryClient } from "@/lib/client/query-client";
import { serverApi } from "@/lib/client/server-api";

type Props = { params: Promise<{ chatId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("chats"))("title") };
}

export default async function ChatPage({ params }: Props) {
  const { chatId } = await params;
  const actor = await requirePageActor("viewer");
  const queryClient = getQueryClient();
  const api = await serverApi();
  await Promise.all([queryClient.prefetchQuery(chatDetailQuery(chatId, api)), queryClient.prefetchInfiniteQuery(conversationQuery({ kind: "chat", chatId }, api))]);
  const error = queryClient.getQueryState(contactKeys.chat(chatId))?.error;
  if (error instanceof ApiError && error.status === 404) notFound();
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ChatDetail chatId={chatId} canSend={actor.role !== "viewer"} />
    </HydrationBoundary>
  );
}
