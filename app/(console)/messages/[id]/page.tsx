import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SendDetailView } from "@/components/sends/send-detail";
import { getPageActor } from "@/lib/runtime/page-context";
import { roleAllows } from "@/lib/auth/require-actor";
import { sendDetailQuery } from "@/lib/client/messages";
import { getQueryClient } from "@/lib/client/query-client";
import { serverApi } from "@/lib/client/server-api";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sends"))("detail.title") };
}

export default async function SendPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getPageActor();
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(sendDetailQuery(id, await serverApi()));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SendDetailView id={id} canSend={actor ? roleAllows(actor.role, "operator") : false} />
    </HydrationBoundary>
  );
}
