"use client";

import { useQuery } from "@tanstack/react-query";
import { FileJson, History } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { useMemo, useState } from "react";
import { useCan } from "@/components/auth/member-context";
import { ErrorState } from "@/components/common/error-state";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { relayDestinationsQuery, relayForQuery, type ReplayBody } from "@/lib/client/relay";
import { FixtureDialog } from "./fixture-dialog";
import { ForwardLine } from "./forward-line";
import { ReplayDialog } from "./replay-dialog";

interface RelaySectionProps {
  /** An event (its id) or a whole delivery (its ULID). */
  of: { kind: "event"; id: string } | { kind: "delivery"; id: string };
  /** The webhook body a fixture of it is made of; null when there is none to make (a cut-off body). */
  fixtureBody: string | null;
}

/** Event and delivery detail: where relay sent it (every destination and replay), and for admins Replay and Copy as fixture. */
export function RelaySection({ of, fixtureBody }: RelaySectionProps) {
  const t = useTranslations("relay.section");
  const admin = useCan("admin");
  const query = useQuery(relayForQuery(of));
  const destinations = useQuery(relayDestinationsQuery());
  const names = useMemo(() => new Map((destinations.data?.items ?? []).map((d) => [d.id, d.name])), [destinations.data]);
  const [replaying, setReplaying] = useState(false);
  const [fixture, setFixture] = useState(false);
  const scope: ReplayBody["scope"] = of.kind === "event" ? { kind: "event", eventId: Number(of.id) } : { kind: "delivery", deliveryId: of.id };
  const items = query.data?.items ?? [];
  const noDestinations = destinations.data?.items.length === 0;

  return (
    <Card aria-labelledby={`relay-section-${of.kind}`}>
      <CardHeader className="flex-wrap items-center pb-2">
        <CardTitle id={`relay-section-${of.kind}`}>{t("title")}</CardTitle>
        {admin && (
          <div className="flex flex-wrap gap-1.5">
            <Button size="sm" onClick={() => setReplaying(true)}>
              <History aria-hidden />
              {t("replay")}
            </Button>
            {fixtureBody !== null && (
              <Button size="sm" onClick={() => setFixture(true)}>
                <FileJson aria-hidden />
                {t("fixture")}
              </Button>
            )}
          </div>
        )}
      </CardHeader>
      <CardContent>
        {query.isPending ? (
          <Skeleton className="h-5 w-2/3" />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : items.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            {noDestinations
              ? t.rich("noDestinations", {
                  link: (chunks) => (
                    <Link href="/settings/relay" className="text-primary-soft-foreground underline underline-offset-4">
                      {chunks}
                    </Link>
                  ),
                })
              : t(`notForwarded.${of.kind}`)}
          </p>
        ) : (
          <ul aria-label={t("listLabel")} className="divide-y divide-border">
            {items.map((item) => (
              <ForwardLine key={item.id} item={item} names={names} />
            ))}
          </ul>
        )}
      </CardContent>
      {admin && <ReplayDialog open={replaying} onOpenChange={setReplaying} scope={scope} />}
      {admin && fixtureBody !== null && <FixtureDialog open={fixture} onOpenChange={setFixture} body={fixtureBody} name={`${of.kind}-${of.id}`} />}
    </Card>
  );
}
