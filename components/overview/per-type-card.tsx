"use client";

import { ArrowUpRight, Inbox } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { useState } from "react";
import { EventTypeBadge } from "@/components/events/event-type-badge";
import { eventFamily } from "@/lib/events/types/summary/event-family";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ToggleGroup } from "@/components/ui/toggle-group";
import { cn } from "@/lib/utils/cn";

type Period = "24h" | "7d";
type Row = { type: string; count: number };

const barColour = {
  message: "bg-family-message",
  social: "bg-family-social",
  action: "bg-family-action",
  account: "bg-family-account",
  system: "bg-family-system",
  unknown: "bg-border-strong",
} as const;

export function PerTypeCard({ perType24h, perType7d }: { perType24h: Row[]; perType7d: Row[] }) {
  const t = useTranslations("overview.perType");
  const format = useFormatter();
  const [period, setPeriod] = useState<Period>("24h");
  const rows = period === "24h" ? perType24h : perType7d;
  const total = rows.reduce((n, r) => n + r.count, 0);
  const max = Math.max(1, ...rows.map((r) => r.count));

  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description", { total })}</CardDescription>
        </div>
        <ToggleGroup
          size="sm"
          label={t("period")}
          value={period}
          onValueChange={setPeriod}
          items={[
            { value: "24h", label: t("24h") },
            { value: "7d", label: t("7d") },
          ]}
        />
      </CardHeader>
      <CardContent className="px-2 pb-2">
        {rows.length === 0 ? (
          <EmptyState icon={<Inbox />} title={t("emptyTitle")} description={t("emptyDescription")} className="py-10" />
        ) : (
          <ul className="grid gap-x-6 md:grid-cols-2">
            {rows.map((row) => (
              <li key={row.type}>
                <Link
                  href={`/events?type=${encodeURIComponent(row.type)}`}
                  className="group grid grid-cols-[minmax(0,9rem)_minmax(0,1fr)_auto] items-center gap-3 rounded-md px-2 py-1.5 transition-colors hover:bg-hover focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                >
                  <EventTypeBadge type={row.type} className="justify-self-start" />
                  <span className="h-1.5 overflow-hidden rounded-full bg-muted" aria-hidden>
                    <span className={cn("block h-full rounded-full", barColour[eventFamily(row.type)])} style={{ width: `${(row.count / max) * 100}%` }} />
                  </span>
                  <span className="flex items-center gap-1 text-sm tabular">
                    <span className="font-medium">{format.number(row.count)}</span>
                    <span className="w-10 text-right text-xs text-subtle-foreground">
                      {share(row.count / total, (n) => format.number(n, { style: "percent", maximumFractionDigits: 0 }))}
                    </span>
                    <ArrowUpRight aria-hidden className="size-3.5 text-subtle-foreground opacity-0 transition-opacity group-hover:opacity-100" />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

// A type with a handful of events out of thousands is "<1%", not "0%".
function share(fraction: number, percent: (n: number) => string): string {
  return fraction > 0 && fraction < 0.005 ? `<${percent(0.01)}` : percent(fraction);
}
