import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ComposeLoader } from "@/components/sends/composer/compose-loader";
import { requirePageActor } from "@/lib/runtime/page-context";
import type { SendKind } from "@/lib/sends/send-schemas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("composer"))("title") };
}

const KINDS = ["push", "multicast", "broadcast", "narrowcast"] as const;

/** Composing is for operators and admins: viewers get the 403 page (the send routes refuse them too). */
export default async function NewMessagePage({
  params,
  searchParams,
}: {
  params: Promise<{ channel: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageActor(params, "operator");
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : undefined);
  const kind = KINDS.find((k) => k === one("kind")) as SendKind | undefined;
  return (
    <ComposeLoader
      kind={kind}
      draftId={one("draft")}
      copyDraftId={one("copyDraft")}
      fromSendId={one("from")}
      to={one("to")}
      segment={one("segment")}
      scheduleId={one("schedule")}
    />
  );
}
