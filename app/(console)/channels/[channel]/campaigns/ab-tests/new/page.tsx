import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AbTestForm } from "@/components/campaigns/ab-test-form";
import { requirePageActor } from "@/lib/runtime/page-context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns.abTest.form"))("title") };
}

export default async function NewAbTestPage({ params }: { params: Promise<{ channel: string }> }) {
  await requirePageActor(params, "operator");
  return <AbTestForm />;
}
