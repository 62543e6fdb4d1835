"use client";

import { useTranslations } from "next-intl";
import { StatValue } from "@/components/campaigns/stat-text";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { RelativeTime } from "@/components/common/relative-time";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import type { SendListItem } from "@/lib/client/messages";
import { sendReach } from "@/lib/sends/send-stage";
import { SendKindBadge, SendStatusBadge } from "./send-badges";
import { messagePreviewText } from "./message-summary";

const GRID = "lg:grid-cols-[11.5rem_8rem_8.5rem_minmax(0,1fr)_7.5rem_10rem]";
// Opens and clicks, beside the row: a link of its own, to the send's campaign (a link may not hold another).
const STATS = "lg:w-56 lg:shrink-0 lg:grid lg:grid-cols-2 lg:gap-3";

interface SendListProps {
  items: SendListItem[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
}

/** Every send, newest first: when, what kind, how it went, what it said, to how many, by whom. */
export function SendList({ items, hasNextPage, isFetchingNextPage, fetchNextPage }: SendListProps) {
  const t = useTranslations("sends.list");
  const tType = useTranslations("composer.types");
  return (
    <div className="flex-1">
      <div className="hidden border-b border-border text-2xs font-medium tracking-wide text-subtle-foreground uppercase lg:flex">
        <div className={`min-w-0 flex-1 px-4 py-2 md:px-6 lg:grid lg:gap-3 lg:pr-3 lg:pl-8 ${GRID}`}>
          <span>{t("when")}</span>
          <span>{t("kind")}</span>
          <span>{t("status")}</span>
          <span>{t("message")}</span>
          <span className="text-right">{t("recipients")}</span>
          <span>{t("author")}</span>
        </div>
        <div className={`py-2 pr-8 ${STATS}`}>
          <span className="text-right">{t("opened")}</span>
          <span className="text-right">{t("clicked")}</span>
        </div>
      </div>
      <ul aria-label={t("label")}>
        {items.map((s) => (
          <li key={s.id} className="flex flex-col border-b border-border lg:flex-row lg:items-stretch">
            <Link
              href={`/messages/${s.id}`}
              data-testid="send-row"
              data-send-id={s.id}
              className={`grid min-w-0 flex-1 grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 px-4 pt-3 pb-1 transition-colors hover:bg-hover focus-visible:bg-hover focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset focus-visible:outline-none md:px-6 lg:py-3 lg:pr-3 lg:pl-8 lg:items-center ${GRID}`}
            >
              <span className="col-start-1 row-start-1 text-xs text-muted-foreground lg:col-start-auto lg:row-start-auto">
                <RelativeTime value={s.createdAt} withExact />
              </span>
              <span className="col-start-2 row-start-1 justify-self-end lg:col-start-auto lg:row-start-auto lg:justify-self-start">
                <SendKindBadge kind={s.kind} isTest={s.isTest} />
              </span>
              <span className="col-start-1 row-start-3 lg:col-start-auto lg:row-start-auto">
                <SendStatusBadge send={s} />
              </span>
              <span className="col-span-2 row-start-2 min-w-0 lg:col-span-1 lg:row-start-auto">
                <span className="block truncate text-sm">{messagePreviewText(s.messages, tType)}</span>
                {s.lineRequestIds.length > 0 && (
                  <span className="block truncate font-mono text-2xs text-subtle-foreground" title={s.lineRequestIds.join("\n")}>
                    {s.lineRequestIds[0]}
                    {s.chunkCount > 1 && ` ${t("moreRequests", { count: s.chunkCount - 1 })}`}
                  </span>
                )}
              </span>
              <span className="tabular col-start-2 row-start-3 text-right text-sm lg:col-start-auto lg:row-start-auto">
                <ReachCell send={s} />
              </span>
              <span className="col-span-2 row-start-4 truncate text-xs text-muted-foreground lg:col-span-1 lg:row-start-auto">{s.author.label}</span>
            </Link>
            <StatsCells send={s} />
          </li>
        ))}
      </ul>
      {hasNextPage && (
        <div className="flex justify-center py-4">
          <Button onClick={fetchNextPage} disabled={isFetchingNextPage}>
            {isFetchingNextPage ? t("loading") : t("loadMore")}
          </Button>
        </div>
      )}
    </div>
  );
}

export function SendHistorySkeleton() {
  return (
    <div className="flex h-full flex-col" aria-busy>
      <div className="space-y-2 px-4 pt-6 pb-4 md:px-6 lg:px-8">
        <Skeleton className="h-7 w-40" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <div className="flex flex-wrap gap-2 border-b border-border px-4 py-3 md:px-6 lg:px-8">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-8 w-32" />
        ))}
      </div>
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="flex gap-4 border-b border-border px-4 py-4 md:px-6 lg:px-8">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-4 w-20" />
          <Skeleton className="h-4 w-16" />
          <Skeleton className="h-4 flex-1" />
        </div>
      ))}
    </div>
  );
}

// LINE's opens and clicks as last fetched ("—" until then; "fewer than 20 (hidden by LINE)" below 20),
// linking to the campaign the send is measured in.
function StatsCells({ send }: { send: SendListItem }) {
  const t = useTranslations("sends.list");
  const cells = (
    <>
      <span className="text-sm lg:text-right" data-testid="send-opened">
        <span className="mr-1 text-xs text-muted-foreground lg:sr-only">{t("opened")}</span>
        {send.stats ? <StatValue stat={send.stats.opened} /> : <span className="text-muted-foreground">—</span>}
      </span>
      <span className="text-sm lg:text-right" data-testid="send-clicked">
        <span className="mr-1 text-xs text-muted-foreground lg:sr-only">{t("clicked")}</span>
        {send.stats ? <StatValue stat={send.stats.clicked} /> : <span className="text-muted-foreground">—</span>}
      </span>
    </>
  );
  const title = send.stats ? (send.stats.byUnit ? t("statsOfCampaign") : undefined) : t("statsPending");
  const className = `flex gap-4 px-4 pb-3 md:px-6 lg:items-center lg:py-3 lg:pr-8 lg:pl-0 ${STATS}`;
  if (!send.campaignId) return <div className={className}>{cells}</div>;
  return (
    <Link
      href={`/campaigns/${send.campaignId}`}
      className={`${className} transition-colors hover:bg-hover focus-visible:bg-hover focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset focus-visible:outline-none`}
      title={title}
      data-testid="send-campaign"
    >
      <span className="sr-only">{t("campaign")}:</span>
      {cells}
    </Link>
  );
}

// The same figure the send's page gives: exact, delivered so far of the target, or an estimate.
function ReachCell({ send }: { send: SendListItem }) {
  const t = useTranslations("sends.list");
  const reach = sendReach(send);
  if (reach.kind === "exact") return t("recipientCount", { count: reach.count });
  if (reach.kind === "progress") return t("recipientProgress", { delivered: reach.delivered, of: reach.of });
  if (reach.kind === "estimate") return t("recipientEstimate", { count: reach.count });
  return "—";
}
