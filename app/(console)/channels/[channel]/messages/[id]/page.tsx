import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SendDetailView } from "@/components/sends/send-detail";
import { roleAllows } from "@/lib/auth/require-actor";
import { sendDetailQuery } from "@/lib/client/messages";
import { getQueryClient } from "@/lib/client/query-client";
import { hydrate, pageReads } from "@/lib/runtime/page-read";
import { readSend } from "@/lib/sends/read";
import { sendParams } from "@/lib/sends/route-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sends"))("detail.title") };
}

export default async function SendPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor, db, channelId } = await pageReads(params);
  const queryClient = getQueryClient();
  // A send that is not there (or an id that is not one) is left to the browser, which says so.
  const parsed = sendParams.safeParse({ id });
  const send = parsed.success ? await readSend(db, { channelId, id: parsed.data.id }).catch(() => null) : null;
  if (send) hydrate(queryClient, sendDetailQuery(id), send);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SendDetailView id={id} canSend={roleAllows(actor.role, "operator")} />
    </HydrationBoundary>
  );
}
