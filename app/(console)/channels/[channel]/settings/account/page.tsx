import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountView } from "@/components/settings/account-view";
import { requirePageActor } from "@/lib/runtime/page-context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.nav"))("account") };
}

export default async function AccountPage({ params }: { params: Promise<{ channel: string }> }) {
  await requirePageActor(params, "viewer");
  return <AccountView />;
}
