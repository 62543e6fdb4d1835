import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChannelSettings } from "@/components/settings/channel-settings";
import { getPageActor, requirePageActor } from "@/lib/runtime/page-context";
import { channelConfiguration } from "@/lib/channel/channel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.nav"))("channel") };
}

// /settings is the channel for admins; everyone else has only their own account here.
export default async function ChannelSettingsPage() {
  const actor = await getPageActor();
  if (actor && actor.role !== "admin") redirect("/settings/account");
  await requirePageActor("admin");
  return <ChannelSettings configuration={channelConfiguration()} />;
}
