import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { notFound } from "next/navigation";
import { PageContainer, PageHeader } from "@/components/common/page-header";
import { DeliveryDetail } from "@/components/deliveries/delivery-detail";
import { buttonVariants } from "@/components/ui/button";
import { deliveryDetailQuery } from "@/lib/client/deliveries";
import { getQueryClient } from "@/lib/client/query-client";
import { hydrate, orNotFound, pageReads } from "@/lib/runtime/page-read";
import { deliveryIdParams, readDelivery } from "@/lib/webhook/read-deliveries";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("deliveries.detail"))("title") };
}

export default async function DeliveryPage({ params }: Props) {
  const { id } = await params;
  const t = await getTranslations("deliveries.detail");
  const { db, channelId } = await pageReads(params);
  // A missing or malformed id is a 404 page (and status), not an error to retry.
  const parsed = deliveryIdParams.safeParse({ id });
  if (!parsed.success) notFound();
  const queryClient = getQueryClient();
  hydrate(queryClient, deliveryDetailQuery(id), await orNotFound(readDelivery(db, { channelId, id: parsed.data.id })));
  return (
    <PageContainer className="space-y-5">
      <PageHeader
        title={t("title")}
        description={<code className="font-mono text-xs">{id}</code>}
        actions={
          <Link href="/deliveries" className={buttonVariants({ variant: "secondary", size: "sm" })}>
            <ArrowLeft aria-hidden />
            {t("back")}
          </Link>
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <DeliveryDetail id={id} />
      </HydrationBoundary>
    </PageContainer>
  );
}
