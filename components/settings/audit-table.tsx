"use client";

import { Bot, ChevronRight, KeyRound, UserRound } from "lucide-react";
import { useFormatter, useLocale, useTimeZone, useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { RelativeTime } from "@/components/common/relative-time";
import { Badge } from "@/components/ui/badge";
import { CodeBlock } from "@/components/ui/code-block";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuditEntry } from "@/lib/client/audit";
import { cn } from "@/lib/utils/cn";
import { zoneName } from "@/lib/utils/date-formats";
import { displayIp } from "@/lib/utils/ip";
import { auditActionKey, auditActionTone } from "./audit-action";

const WHEN = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" } as const;
const ACTOR_ICON = { user: UserRound, apiKey: KeyRound, system: Bot } as const;

export function AuditTable({ entries, onFilterActor }: { entries: AuditEntry[]; onFilterActor: (actorId: string) => void }) {
  const t = useTranslations("settings.audit");
  const [open, setOpen] = useState<Set<number>>(() => new Set());
  const toggle = (id: number) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <Table>
      <TableHeader>
        <TableRow className="bg-muted/40">
          <TableHead>{t("columns.when")}</TableHead>
          <TableHead>{t("columns.who")}</TableHead>
          <TableHead>{t("columns.action")}</TableHead>
          <TableHead className="hidden w-full lg:table-cell">{t("columns.target")}</TableHead>
          <TableHead className="hidden xl:table-cell">{t("columns.address")}</TableHead>
          <TableHead>
            <span className="sr-only">{t("columns.details")}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((e) => (
          <Fragment key={e.id}>
            <AuditRow entry={e} expanded={open.has(e.id)} onToggle={() => toggle(e.id)} onFilterActor={onFilterActor} />
            {open.has(e.id) && (
              <TableRow className="bg-muted/30 hover:bg-muted/30">
                <TableCell colSpan={6} className="py-3">
                  {/* w-0 min-w-full: a long line scrolls inside the block instead of widening the table. */}
                  <div className="w-0 min-w-full">
                    <CodeBlock code={JSON.stringify(e.details, null, 2)} language="json" label={t("detailsOf", { action: e.action })} maxHeight="20rem" />
                  </div>
                </TableCell>
              </TableRow>
            )}
          </Fragment>
        ))}
      </TableBody>
    </Table>
  );
}

function AuditRow({
  entry: e,
  expanded,
  onToggle,
  onFilterActor,
}: {
  entry: AuditEntry;
  expanded: boolean;
  onToggle: () => void;
  onFilterActor: (actorId: string) => void;
}) {
  const t = useTranslations("settings.audit");
  const format = useFormatter();
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "UTC";
  const at = new Date(e.at);
  const key = `actions.${auditActionKey(e.action)}`;
  const hasDetails = typeof e.details === "object" && e.details !== null && Object.keys(e.details).length > 0;
  const ActorIcon = ACTOR_ICON[e.actorKind];
  return (
    <TableRow
      data-audit-action={e.action}
      className={cn(hasDetails && "cursor-pointer hover:bg-hover", expanded && "border-b-0")}
      onClick={hasDetails ? onToggle : undefined}
    >
      <TableCell className="align-top whitespace-nowrap">
        <time dateTime={e.at} className="block text-sm tabular">
          {format.dateTime(at, WHEN)} <span className="text-xs text-subtle-foreground">{zoneName(at, locale, timeZone)}</span>
        </time>
        <RelativeTime value={e.at} className="text-xs text-muted-foreground" />
      </TableCell>
      <TableCell className="max-w-56 align-top xl:max-w-64">
        <div className="flex min-w-0 items-start gap-1.5">
          <ActorIcon aria-label={t(`actorKinds.${e.actorKind}`)} className="mt-0.5 size-3.5 shrink-0 text-subtle-foreground" />
          {e.actorId ? (
            <button
              type="button"
              onClick={(ev) => {
                ev.stopPropagation();
                onFilterActor(e.actorId!);
              }}
              title={t("filterByActor")}
              className="group min-w-0 text-left focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            >
              <ActorLabel label={e.actorLabel} />
            </button>
          ) : (
            <span className="min-w-0">
              <ActorLabel label={e.actorLabel} />
            </span>
          )}
        </div>
        <p className="mt-0.5 pl-5 font-mono text-xs text-subtle-foreground xl:hidden">{displayIp(e.ip) ?? "—"}</p>
      </TableCell>
      <TableCell className="align-top max-lg:w-full max-lg:max-w-0 max-lg:min-w-32">
        <Badge tone={auditActionTone(e.action)} size="md">
          {t.has(key) ? t(key) : e.action}
        </Badge>
        {/* Narrow screens: the target under its action rather than in a column of its own. */}
        {e.target && (
          <span className="mt-1 block truncate font-mono text-xs text-muted-foreground lg:hidden" title={e.target}>
            {e.target}
          </span>
        )}
      </TableCell>
      <TableCell className="hidden max-w-0 min-w-40 align-top lg:table-cell">
        <span className="block truncate font-mono text-xs leading-6" title={e.target ?? undefined}>
          {e.target ?? "—"}
        </span>
      </TableCell>
      <TableCell className="hidden align-top font-mono text-xs leading-6 whitespace-nowrap text-muted-foreground xl:table-cell">
        {displayIp(e.ip) ?? "—"}
      </TableCell>
      <TableCell className="pl-0 align-top">
        {hasDetails && (
          <button
            type="button"
            aria-expanded={expanded}
            aria-label={expanded ? t("hideDetails") : t("showDetails")}
            onClick={(ev) => {
              ev.stopPropagation();
              onToggle();
            }}
            className="flex size-7 items-center justify-center rounded-md text-subtle-foreground hover:bg-hover hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
          >
            <ChevronRight aria-hidden className={cn("size-4 transition-transform", expanded && "rotate-90")} />
          </button>
        )}
      </TableCell>
    </TableRow>
  );
}

// Labels are kept as they were written: "Name <email>" for members, a name for keys and the system.
function ActorLabel({ label }: { label: string }) {
  const m = /^(.*) <([^>]+)>$/.exec(label);
  return (
    <>
      <span className="block truncate text-sm group-hover:underline">{m ? m[1] : label}</span>
      {m && <span className="block truncate text-xs text-muted-foreground">{m[2]}</span>}
    </>
  );
}
