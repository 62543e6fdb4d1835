"use client";

import { CircleCheck, ExternalLink, Layers } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { buttonVariants, Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { Jsonified } from "@/lib/client/api-client";
import { channelPath } from "@/lib/client/channel-path";
import type { ChannelItem } from "@/lib/channel/manage";
import { AddChannelForm } from "./add-channel-form";
import { ChannelPicture } from "./channel-picture";
import { WebhookUrl } from "./webhook-url";

/** Add an Official Account: its credentials (checked with LINE), then the webhook URL to give LINE. */
export function AddChannelDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations("settings.channels.addDialog");
  return (
    <Dialog open={open} onOpenChange={onOpenChange} aria-label={t("title")} className="w-[min(36rem,calc(100vw-2rem))]">
      <DialogHeader>
        <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-primary-soft text-primary-soft-foreground">
          <Layers className="size-4" />
        </span>
        <DialogTitle className="pt-1">{t("title")}</DialogTitle>
        <DialogClose label={t("close")} onClick={() => onOpenChange(false)} />
      </DialogHeader>
      <AddSteps onDone={() => onOpenChange(false)} />
    </Dialog>
  );
}

// Its own component so that the dialog's content (which mounts as it opens) starts at the form each time.
function AddSteps({ onDone }: { onDone: () => void }) {
  const [added, setAdded] = useState<Jsonified<ChannelItem> | null>(null);
  return added ? <Added channel={added} onDone={onDone} /> : <AddChannelForm onAdded={setAdded} onCancel={onDone} />;
}

/** What LINE needs next: this channel's webhook URL. Takes focus as it replaces the form, so it is read out. */
function Added({ channel, onDone }: { channel: Jsonified<ChannelItem>; onDone: () => void }) {
  const t = useTranslations("settings.channels.addDialog");
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => summary.current?.focus(), []);
  return (
    <div>
      <div ref={summary} tabIndex={-1} className="space-y-4 px-5 py-4 outline-none" data-testid="channel-added">
        <div className="flex items-center gap-3">
          <ChannelPicture url={channel.pictureUrl} name={channel.name} />
          <div className="min-w-0">
            <p className="flex items-center gap-1.5 text-sm font-semibold">
              <CircleCheck aria-hidden className="size-4 shrink-0 text-success" />
              <span className="break-words">{t("added", { name: channel.name })}</span>
            </p>
            <p className="text-xs text-muted-foreground">
              {channel.basicId ?? "—"} · <span className="font-mono">{channel.key}</span>
            </p>
          </div>
        </div>
        <section aria-labelledby="added-webhook-label" className="space-y-1.5">
          <h3 id="added-webhook-label" className="text-xs font-medium text-muted-foreground">
            {t("webhookLabel")}
          </h3>
          <WebhookUrl url={channel.webhookUrl} />
          <p className="text-xs text-muted-foreground">{t("webhookNext")}</p>
        </section>
      </div>
      <div className="flex justify-end gap-2 border-t border-border bg-muted/40 px-5 py-3">
        <Button onClick={onDone}>{t("done")}</Button>
        {/* A plain link: the other channel's pages load afresh (its switcher, live stream and cache). */}
        <a href={channelPath(channel.key, "/")} className={buttonVariants({ variant: "primary" })}>
          <ExternalLink aria-hidden />
          {t("open")}
        </a>
      </div>
    </div>
  );
}
