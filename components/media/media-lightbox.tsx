"use client";

import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { buttonVariants } from "@/components/ui/button";
import { Dialog, DialogClose, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { mediaUrl, type MessageMedia } from "@/lib/media/message-media";

/** An image full size, or a video playing, over the page; with a download of the original. */
export function MediaLightbox({
  media,
  open,
  onOpenChange,
  title,
}: {
  media: MessageMedia;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title?: string;
}) {
  const t = useTranslations("media");
  const src = mediaUrl(media.messageId);
  return (
    <Dialog open={open} onOpenChange={onOpenChange} aria-label={title ?? t(media.type)} className="w-[min(64rem,calc(100vw-2rem))]">
      <DialogHeader className="items-center py-3">
        <DialogTitle className="min-w-0 truncate">{title ?? t(media.type)}</DialogTitle>
        <a href={mediaUrl(media.messageId, "original", true)} className={buttonVariants({ variant: "secondary", size: "sm", className: "ml-auto" })}>
          <Download aria-hidden />
          {t("download")}
        </a>
        <DialogClose label={t("close")} onClick={() => onOpenChange(false)} className="ml-1" />
      </DialogHeader>
      <div className="flex max-h-[80dvh] items-center justify-center bg-black/90">
        {media.type === "video" ? (
          <video src={src} controls autoPlay className="max-h-[80dvh] w-full" />
        ) : (
          // eslint-disable-next-line @next/next/no-img-element -- authenticated content of our own API
          <img src={src} alt={title ?? t(media.type)} className="max-h-[80dvh] w-auto max-w-full object-contain" />
        )}
      </div>
    </Dialog>
  );
}
