import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { notFound } from "next/navigation";
import { PageContainer, PageHeader } from "@/components/common/page-header";
import { EventDetail } from "@/components/events/event-detail";
import { buttonVariants } from "@/components/ui/button";
import { eventDetailQuery } from "@/lib/client/events";
import { getQueryClient } from "@/lib/client/query-client";
import { eventIdParams } from "@/lib/events/list-events-schema";
import { readEvent } from "@/lib/events/read";
import { hydrate, orNotFound, pageReads } from "@/lib/runtime/page-read";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: (await getTranslations("eventDetail"))("title", { id }) };
}

export default async function EventPage({ params }: Props) {
  const { id } = await params;
  const t = await getTranslations("eventDetail");
  const { db, channelId } = await pageReads(params);
  // A missing or malformed id is a 404 page (and status), not an error to retry.
  const parsed = eventIdParams.safeParse({ id });
  if (!parsed.success) notFound();
  const queryClient = getQueryClient();
  hydrate(queryClient, eventDetailQuery(id), await orNotFound(readEvent(db, { channelId, id: parsed.data.id })));
  return (
    <PageContainer className="space-y-5">
      <PageHeader
        title={t("title", { id })}
        actions={
          <Link href="/events" className={buttonVariants({ variant: "secondary", size: "sm" })}>
            <ArrowLeft aria-hidden />
            {t("backToTimeline")}
          </Link>
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <EventDetail id={id} />
      </HydrationBoundary>
    </PageContainer>
  );
}
