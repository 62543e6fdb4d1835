"use client";

import { useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorState } from "@/components/common/error-state";
import { useCurrentChannel } from "@/components/layout/channel-context";
import { TableSkeleton } from "@/components/settings/table-skeleton";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { channelsQuery, type Channel } from "@/lib/client/channels";
import { AddChannelDialog } from "./add-channel-dialog";
import { ArchiveChannelDialog } from "./archive-channel-dialog";
import { ChannelItem } from "./channel-item";
import { DeleteChannelDialog } from "./delete-channel-dialog";
import { RenameChannelDialog } from "./rename-channel-dialog";

// `n` counts the dialogs opened: each is mounted afresh (no refusal or typed name left from the last),
// and stays mounted while it closes so that the browser gives focus back to the button that opened it.
type Action = { kind: "rename" | "archive" | "delete"; channel: Channel; n: number };

/** Settings › Channels: the console's Official Accounts, adding one, renaming, archiving and deleting them. */
export function ChannelsView() {
  const t = useTranslations("settings.channels");
  const query = useQuery(channelsQuery());
  const currentKey = useCurrentChannel()?.key ?? null;
  const [adding, setAdding] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  const [actionOpen, setActionOpen] = useState(false);
  const act = (kind: Action["kind"], channel: Channel) => {
    setAction((last) => ({ kind, channel, n: (last?.n ?? 0) + 1 }));
    setActionOpen(true);
  };
  const channels = query.data?.items ?? [];
  const active = channels.filter((c) => !c.archivedAt).length;
  const close = () => setActionOpen(false);
  // Deleting the channel this page is on leaves the page nowhere: go on in the first channel.
  const firstKey = channels.find((c) => c.first)?.key ?? null;

  return (
    <div className="space-y-5">
      <Card className="overflow-hidden">
        <CardHeader className="flex-wrap">
          <div className="max-w-3xl min-w-0">
            <CardTitle>{t("title")}</CardTitle>
            <CardDescription className="text-sm">{t("description")}</CardDescription>
            {query.data && <p className="mt-1 text-xs text-muted-foreground">{t("count", { active, archived: channels.length - active })}</p>}
          </div>
          <Button variant="primary" onClick={() => setAdding(true)}>
            <Plus aria-hidden />
            {t("add")}
          </Button>
        </CardHeader>
        {query.isPending ? (
          <TableSkeleton columns={3} rows={2} />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <ul aria-label={t("listLabel")} className="divide-y divide-border border-t border-border">
            {channels.map((c) => (
              <ChannelItem
                key={c.key}
                channel={c}
                current={c.key === currentKey}
                onRename={() => act("rename", c)}
                onArchive={() => act("archive", c)}
                onDelete={() => act("delete", c)}
              />
            ))}
          </ul>
        )}
      </Card>

      <AddChannelDialog open={adding} onOpenChange={setAdding} />
      {action?.kind === "rename" && <RenameChannelDialog key={action.n} channel={action.channel} open={actionOpen} onClose={close} />}
      {action?.kind === "archive" && <ArchiveChannelDialog key={action.n} channel={action.channel} open={actionOpen} onClose={close} />}
      {action?.kind === "delete" && (
        <DeleteChannelDialog
          key={action.n}
          channel={action.channel}
          open={actionOpen}
          leaveTo={action.channel.key === currentKey ? firstKey : null}
          onClose={close}
        />
      )}
    </div>
  );
}
