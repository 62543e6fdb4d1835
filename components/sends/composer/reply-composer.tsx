"use client";

import { useMutation } from "@tanstack/react-query";
import { Reply } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { ErrorAlert } from "@/components/common/error-message";
import { Button, buttonVariants } from "@/components/ui/button";
import { Dialog, DialogBody, DialogClose, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toaster";
import { initialState } from "@/lib/sends/composer/compose-state";
import { ApiError, sendJson } from "@/lib/client/api-client";
import { IssuesProvider } from "./issues-context";
import { MessageList } from "./message-list";
import { useCompose } from "./use-compose";

interface ReplyComposerProps {
  eventId: string;
  open: boolean;
  onOpenChange: (o: boolean) => void;
  secondsLeft: number;
  /** Where a push would go instead (the event's user, group or room). */
  pushTo: string | null;
  /** What the event said, shown above the reply. */
  quote?: string | null;
  onSent: () => void;
}

/** A compact composer for replying to one event with its reply token (free, once, within a minute). */
export function ReplyComposer({ eventId, open, onOpenChange, secondsLeft, pushTo, quote, onSent }: ReplyComposerProps) {
  const t = useTranslations("reply");
  const { toast } = useToast();
  // A reply's body is a broadcast's (messages, notificationDisabled): checked with the same schema.
  const compose = useCompose(initialState("broadcast"));
  const send = useMutation({
    mutationFn: () =>
      sendJson<{ id: string }>("POST", `/api/events/${eventId}/reply`, {
        messages: compose.body.messages,
        ...(compose.state.notificationDisabled ? { notificationDisabled: true } : {}),
      }),
    onSuccess: () => {
      toast({ tone: "success", title: t("sent") });
      onSent();
      onOpenChange(false);
    },
    onError: (err) => err instanceof ApiError && err.details && compose.showServerDetails(err.details),
  });
  const expired = secondsLeft <= 0;
  const conflict = send.error instanceof ApiError && send.error.status === 409;
  return (
    <Dialog open={open} onOpenChange={onOpenChange} className="w-[min(44rem,calc(100vw-2rem))]" aria-labelledby="reply-title">
      <DialogHeader>
        <div className="min-w-0 flex-1">
          <DialogTitle id="reply-title">{t("title")}</DialogTitle>
          <DialogDescription>{expired ? t("expired") : t("countdown", { seconds: secondsLeft })}</DialogDescription>
        </div>
        <DialogClose label={t("cancel")} onClick={() => onOpenChange(false)} />
      </DialogHeader>
      <DialogBody className="max-h-[65vh] space-y-3 px-5 py-4">
        {quote && <blockquote className="line-clamp-3 border-l-2 border-primary/50 pl-3 text-sm text-muted-foreground">{quote}</blockquote>}
        <IssuesProvider value={compose.issues}>
          <MessageList compose={compose} mentionsAllowed={false} />
        </IssuesProvider>
        {send.error && !(send.error instanceof ApiError && send.error.details?.length) && <ErrorAlert error={send.error} />}
      </DialogBody>
      <div className="flex flex-wrap items-center justify-end gap-2 border-t border-border px-5 py-3">
        {(expired || conflict) && pushTo && (
          <Link href={`/messages/new?kind=push&to=${pushTo}`} className={buttonVariants({ variant: "secondary" })}>
            {t("pushInstead")}
          </Link>
        )}
        <Button variant="primary" disabled={!compose.valid || expired || send.isPending || conflict} onClick={() => send.mutate()}>
          <Reply aria-hidden />
          {send.isPending ? t("sending") : t("send")}
        </Button>
      </div>
    </Dialog>
  );
}
