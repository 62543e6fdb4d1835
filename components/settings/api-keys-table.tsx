"use client";

import { useFormatter, useTranslations } from "next-intl";
import { RoleBadge } from "@/components/auth/role-badge";
import { RelativeTime } from "@/components/common/relative-time";
import { Badge } from "@/components/ui/badge";
import { useChannels } from "@/components/layout/channel-context";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ApiKey } from "@/lib/client/api-keys";
import { cn } from "@/lib/utils/cn";

/** Live keys first, then revoked ones (kept as a record of what existed). */
export function ApiKeysTable({ keys, onRevoke }: { keys: ApiKey[]; onRevoke: (key: ApiKey) => void }) {
  const t = useTranslations("settings.apiKeys");
  const sorted = [...keys].sort((a, b) => Number(Boolean(a.revokedAt)) - Number(Boolean(b.revokedAt)));
  // A console admin sees every channel, so each id a key names is one of these (a deleted one is gone).
  const names = new Map(useChannels().map((c) => [c.id, c.name]));
  const channelsOf = (k: ApiKey) => k.channelIds.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : []));
  return (
    <Table>
      <TableHeader>
        <TableRow className="bg-muted/40">
          <TableHead className="w-full">{t("columns.name")}</TableHead>
          <TableHead>{t("columns.role")}</TableHead>
          {/* A column from 1280px; narrower, the channels are a line under the key's name (the row keeps Revoke in view). */}
          <TableHead className="max-xl:hidden">{t("columns.channels")}</TableHead>
          <TableHead>{t("columns.createdBy")}</TableHead>
          <TableHead>{t("columns.lastUsed")}</TableHead>
          <TableHead>{t("columns.status")}</TableHead>
          <TableHead>
            <span className="sr-only">{t("columns.actions")}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {sorted.map((k) => (
          <TableRow key={k.id} data-api-key={k.name} className={cn(k.revokedAt && "bg-muted/30")}>
            <TableCell className="max-w-0 min-w-48">
              <p className={cn("truncate font-medium", k.revokedAt && "text-muted-foreground line-through decoration-subtle-foreground/60")}>{k.name}</p>
              <p className="truncate font-mono text-xs text-subtle-foreground">{k.prefix}…</p>
              <KeyChannels role={k.role} channels={channelsOf(k)} inline />
            </TableCell>
            <TableCell>
              <RoleBadge role={k.role} />
            </TableCell>
            <TableCell data-testid="api-key-channels" className="max-xl:hidden">
              <KeyChannels role={k.role} channels={channelsOf(k)} />
            </TableCell>
            <TableCell className="whitespace-nowrap">
              <p className="max-w-40 truncate">{k.createdBy ?? "—"}</p>
              <p className="text-xs text-muted-foreground">
                <RelativeTime value={k.createdAt} />
              </p>
            </TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground">{k.lastUsedAt ? <RelativeTime value={k.lastUsedAt} /> : t("neverUsed")}</TableCell>
            <TableCell className="whitespace-nowrap">
              {k.revokedAt ? (
                <span className="flex flex-col gap-0.5">
                  <Badge tone="neutral">{t("revokedBadge")}</Badge>
                  <RelativeTime value={k.revokedAt} className="text-xs text-subtle-foreground" />
                </span>
              ) : (
                <Badge tone="success">{t("activeBadge")}</Badge>
              )}
            </TableCell>
            <TableCell className="text-right">
              {!k.revokedAt && (
                <Button size="sm" variant="subtle" onClick={() => onRevoke(k)} aria-label={t("revokeNamed", { name: k.name })}>
                  {t("revoke")}
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * The channels a key works on, one a line; a metrics key works on none (it reads the console's metrics).
 * `inline`: one line of names under the key's name, below 1280px, where the table has no room for a column.
 */
function KeyChannels({ role, channels, inline = false }: { role: ApiKey["role"]; channels: Array<{ id: number; name: string }>; inline?: boolean }) {
  const t = useTranslations("settings.apiKeys");
  const format = useFormatter();
  const none = role === "metrics" || channels.length === 0;
  if (inline) {
    return (
      <p className="mt-0.5 truncate text-xs text-muted-foreground xl:hidden">
        <span className="sr-only">{t("columns.channels")}: </span>
        {none
          ? t("noChannels")
          : format.list(
              channels.map((c) => c.name),
              { type: "conjunction", style: "narrow" },
            )}
      </p>
    );
  }
  if (none) return <span className="text-muted-foreground">{t("noChannels")}</span>;
  return (
    <ul className="space-y-0.5">
      {channels.map((c) => (
        <li key={c.id} className="max-w-44 truncate text-sm">
          {c.name}
        </li>
      ))}
    </ul>
  );
}
