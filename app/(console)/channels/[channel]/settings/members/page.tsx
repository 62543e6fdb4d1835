import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MembersView } from "@/components/settings/members-view";
import { invitationsQuery, membersQuery } from "@/lib/client/members";
import { getQueryClient } from "@/lib/client/query-client";
import { readInvitations, readMembers } from "@/lib/auth/read";
import { hydrate, pageReads } from "@/lib/runtime/page-read";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.nav"))("members") };
}

export default async function MembersPage({ params }: { params: Promise<{ channel: string }> }) {
  const { db, channelId } = await pageReads(params, "admin", { scope: "console" });
  const queryClient = getQueryClient();
  const [members, invitations] = await Promise.all([readMembers(db, { channelId }), readInvitations(db)]);
  hydrate(queryClient, membersQuery(), members);
  hydrate(queryClient, invitationsQuery(), invitations);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <MembersView />
    </HydrationBoundary>
  );
}
