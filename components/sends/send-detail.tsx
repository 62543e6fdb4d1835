"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, ChartColumn, CopyPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { ErrorState } from "@/components/common/error-state";
import { DetailPageSkeleton } from "@/components/common/detail-page-skeleton";
import { PageContainer } from "@/components/common/page-header";
import { RelativeTime } from "@/components/common/relative-time";
import { PhonePreview } from "@/components/sends/composer/preview/phone-preview";
import { PushStandingNote } from "@/components/sends/composer/recipients/push-standing-note";
import { TargetingSentence } from "@/components/sends/composer/recipients/targeting-sentence";
import { deliverable, usePushStanding } from "@/components/sends/composer/recipients/use-push-standing";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import type { DraftMessage } from "@/lib/sends/composer/compose-state";
import { sendDetailQuery } from "@/lib/client/messages";
import type { SendDetail } from "@/lib/sends/serialize";
import { sendReach } from "@/lib/sends/send-stage";
import { NarrowcastProgressCard, type NarrowcastProgress } from "./narrowcast-progress";
import { SendStatusBadge } from "./send-badges";
import { SendOutcome } from "./send-outcome";
import { SendRequests } from "./send-requests";

/** /messages/[id]: how a send went, the exact request, every LINE request and attempt, and the preview. */
export function SendDetailView({ id, canSend }: { id: string; canSend: boolean }) {
  const query = useQuery(sendDetailQuery(id));
  if (query.isPending) return <DetailPageSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <Body send={query.data} canSend={canSend} />;
}

function Body({ send, canSend }: { send: SendDetail; canSend: boolean }) {
  const t = useTranslations("sends.detail");
  const request = send.request as Record<string, unknown>;
  // What LINE received, not the send as the console stores it (a multicast keeps its ids per request).
  const json = JSON.stringify(send.lineRequest.body, null, 2);
  const progress = send.progress as NarrowcastProgress | null;
  const segment = sentSegment(request.segment);
  // LINE answers 200 to a push to anyone; whether it could arrive is for the console to say.
  const standing = usePushStanding(send.kind === "push" && typeof request.to === "string" ? request.to : null);
  const unreachable = deliverable(standing) ? undefined : <PushStandingNote standing={standing} reasonOnly />;
  return (
    <PageContainer className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-2">
          <Link href="/messages" className="inline-flex items-center gap-1 text-xs text-muted-foreground hover:text-foreground">
            <ArrowLeft aria-hidden className="size-3.5" />
            {t("back")}
          </Link>
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
            {t("heading", { kind: send.kind })}
            {send.isTest && <Badge tone="warning">{t("test")}</Badge>}
            <SendStatusBadge send={send} />
          </h1>
          <p className="text-sm text-muted-foreground">
            <SendMeta send={send} /> · <RelativeTime value={send.createdAt} withExact />
            {segment && (
              <>
                {" · "}
                <Link href={`/segments/${segment.id}`} className="underline-offset-2 hover:underline" data-testid="send-segment">
                  {t("toSegment", { name: segment.name })}
                </Link>
              </>
            )}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {send.campaignId && (
            <Link href={`/campaigns/${send.campaignId}`} className={buttonVariants({ variant: "secondary" })} data-testid="send-campaign-link">
              <ChartColumn aria-hidden />
              {t("openCampaign")}
            </Link>
          )}
          {canSend && send.kind !== "reply" && (
            <Link href={`/messages/new?from=${send.id}`} className={buttonVariants()}>
              <CopyPlus aria-hidden />
              {t("duplicate")}
            </Link>
          )}
        </div>
      </div>
      <SendOutcome send={send} unreachable={unreachable} />
      <div className="grid items-start gap-5 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-5">
          {send.kind === "narrowcast" && (
            <>
              <TargetingSentence body={request} />
              <NarrowcastProgressCard progress={progress} status={send.status} />
            </>
          )}
          <SendRequests send={send} />
          <CodeBlock
            code={json}
            language="json"
            label={t("request")}
            title={send.lineRequest.of > 1 ? t("requestOf", { of: send.lineRequest.of }) : t("request")}
            maxHeight="28rem"
            toolbar={<CopyButton value={json} label={t("copy")} copiedLabel={t("copied")} />}
          />
        </div>
        <aside className="xl:sticky xl:top-4">
          <PhonePreview messages={send.messages as DraftMessage[]} />
        </aside>
      </div>
    </PageContainer>
  );
}

// Who sent it and how many it reaches, as far as the console can know (lib/sends/send-stage.ts).
function SendMeta({ send }: { send: SendDetail }) {
  const t = useTranslations("sends.detail");
  const author = send.author.label;
  const reach = sendReach(send);
  return (
    <span data-testid="send-meta">
      {reach.kind === "exact"
        ? t("metaExact", { author, count: reach.count })
        : reach.kind === "progress"
          ? t("metaProgress", { author, delivered: reach.delivered, of: reach.of })
          : reach.kind === "estimate"
            ? t("metaEstimate", { author, count: reach.count })
            : t("metaUnknown", { author })}
    </span>
  );
}

// A multicast to a saved segment records which one (and its size then) on the send.
function sentSegment(value: unknown): { id: string; name: string } | null {
  const s = value as { id?: unknown; name?: unknown } | null | undefined;
  return typeof s?.id === "string" && typeof s.name === "string" ? { id: s.id, name: s.name } : null;
}
