import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChannelSettings } from "@/components/settings/channel-settings";
import { channelConfiguration } from "@/lib/channel/channel";
import { channelPath } from "@/lib/client/channel-path";
import { pageReads } from "@/lib/runtime/page-read";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.nav"))("channel") };
}

// /settings is the channel for its admins; everyone else has only their own account here.
export default async function ChannelSettingsPage({ params }: { params: Promise<{ channel: string }> }) {
  const { actor, db, channel } = await pageReads(params, "viewer");
  if (actor.role !== "admin") redirect(channelPath(channel.slug, "/settings/account"));
  return <ChannelSettings configuration={await channelConfiguration(db, channel)} />;
}
