import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { FriendDetail } from "@/components/contacts/friend-detail";
import { requirePageActor } from "@/lib/runtime/page-context";
import { ApiError } from "@/lib/client/api-client";
import { contactKeys, conversationQuery, friendDetailQuery } from "@/lib/client/contacts";
import { getQueryClient } from "@/lib/client/query-client";
import { serverApi } from "@/lib/client/server-api";

type Props = { params: Promise<{ userId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { userId } = await params;
  return { title: (await getTranslations("friend"))("pageTitle", { id: userId.slice(0, 9) }) };
}

export default async function FriendPage({ params }: Props) {
  const { userId } = await params;
  const actor = await requirePageActor("viewer");
  const queryClient = getQueryClient();
  const api = await serverApi();
  await Promise.all([queryClient.prefetchQuery(friendDetailQuery(userId, api)), queryClient.prefetchInfiniteQuery(conversationQuery({ kind: "user", userId }, api))]);
  // Unknown to the console (never seen in an event or the follower list): a 404 page, not an error.
  const error = queryClient.getQueryState(contactKeys.detail(userId))?.error;
  if (error instanceof ApiError && error.status === 404) notFound();
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <FriendDetail userId={userId} canEdit={actor.role !== "viewer"} />
    </HydrationBoundary>
  );
}
