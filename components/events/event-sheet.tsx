"use client";

import { Maximize2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { buttonVariants } from "@/components/ui/button";
import { Dialog, DialogBody, DialogClose, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

// An event's detail (its payload view, media, deliveries, relay and reply) loads when a first event is
// opened, not with the timeline's first screen.
const EventDetail = dynamic(() => import("./event-detail").then((m) => m.EventDetail), {
  ssr: false,
  loading: () => <Skeleton className="h-40 w-full" />,
});

/** An event beside the timeline (wide screens), without leaving the list. */
export function EventSheet({ eventId, onClose }: { eventId: string | null; onClose: () => void }) {
  const t = useTranslations("eventDetail");
  return (
    <Dialog open={eventId !== null} onOpenChange={(open) => !open && onClose()} variant="sheet-right" aria-labelledby="event-sheet-title">
      {eventId && (
        <>
          <DialogHeader className="items-center">
            <DialogTitle id="event-sheet-title">{t("title", { id: eventId })}</DialogTitle>
            <Link href={`/events/${eventId}`} className={buttonVariants({ variant: "ghost", size: "sm", className: "ml-auto" })}>
              <Maximize2 aria-hidden />
              {t("openPage")}
            </Link>
            <DialogClose label={t("close")} onClick={onClose} className="ml-0" />
          </DialogHeader>
          <DialogBody className="bg-background p-5">
            <EventDetail id={eventId} layout="sheet" />
          </DialogBody>
        </>
      )}
    </Dialog>
  );
}
