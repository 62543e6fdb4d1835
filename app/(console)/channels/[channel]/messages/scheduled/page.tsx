import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SchedulesView } from "@/components/schedules/schedules-view";
import { roleAllows } from "@/lib/auth/require-actor";
import { pageReads } from "@/lib/runtime/page-read";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("schedules"))("title") };
}

// Read by the browser for now: the server's read of schedules (lib/campaigns) is built beside this, and
// its first page can be hydrated here as /messages does once both are merged.
export default async function ScheduledMessagesPage({ params }: { params: Promise<{ channel: string }> }) {
  const { actor } = await pageReads(params);
  return <SchedulesView canEdit={roleAllows(actor.role, "operator")} />;
}
