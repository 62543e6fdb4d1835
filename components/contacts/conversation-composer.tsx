"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Image as ImageIcon, Layers, Plus, SendHorizontal, Sticker, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { ErrorAlert } from "@/components/common/error-message";
import { useSecondsLeft } from "@/components/common/use-seconds-left";
import { EmojiPicker } from "@/components/sends/composer/editors/emoji-picker";
import { IssuesProvider } from "@/components/sends/composer/issues-context";
import { MessageList } from "@/components/sends/composer/message-list";
import { useCompose } from "@/components/sends/composer/use-compose";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DropdownMenu, DropdownMenuItem } from "@/components/ui/dropdown-menu";
import { Textarea } from "@/components/ui/textarea";
import { fromSendBody, initialState, uid, type ComposedMessage } from "@/lib/sends/composer/compose-state";
import { followEdit, insertEmoji, type TextEmoji } from "@/lib/sends/composer/emoji-text";
import { enterSends } from "@/lib/sends/composer/ime-enter";
import { ADDABLE_TYPES, type AddableType } from "@/lib/sends/composer/new-message";
import type { ConversationItem } from "@/lib/contacts/conversation";
import { messagesSchema } from "@/lib/line/messages/message-schema";
import { conversationQuery } from "@/lib/client/contacts";
import { quotaQuery } from "@/lib/client/messages";
import { isComposing } from "@/lib/utils/is-composing";
import { ReplyWindowStatus } from "./reply-window-status";
import { useChatSignals } from "./use-chat-signals";
import type { ConversationRef, Outbox, Returned } from "./use-outbox";

// Types offered under "+" (text is the field itself; stickers and images have buttons of their own).
const MORE_TYPES = ADDABLE_TYPES.filter((type) => type !== "text" && type !== "sticker" && type !== "image");

/**
 * Answer from the conversation, as in LINE's own chat: type and press Enter (Shift+Enter for a new
 * line; never while an input method is composing), with LINE emoji, stickers, images and every other
 * message type through the composer's own editors (up to five messages). It goes as a free reply while
 * a reply token of theirs is left, and as a push — which counts against the monthly quota — only after
 * the operator agrees. What is sent appears in the conversation at once (see use-outbox.ts).
 */
export function ConversationComposer({ target, outbox, name }: { target: ConversationRef; outbox: Outbox; name: string | null }) {
  const t = useTranslations("conversation.composer");
  const tType = useTranslations("composer.types");
  const hintId = useId();
  const first = useInfiniteQuery(conversationQuery(target)).data?.pages[0];
  const expiresAt = first?.replyWindow?.expiresAt ?? null;
  const windowOpen = useSecondsLeft(expiresAt ? Date.parse(expiresAt) : null) > 0;
  const signals = useChatSignals(target.kind === "user" ? target.userId : null, target.kind === "user" ? newestMessageOf(first?.items, target.userId) : null);
  const compose = useCompose(initialState("broadcast"));
  const [editors, setEditors] = useState(false);
  const [confirmPush, setConfirmPush] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const compositionEnd = useRef<number | null>(null);

  const { messages } = compose.state;
  const textItem = messages.find((m) => m.message.type === "text");
  const text = String(textItem?.message.text ?? "");
  const emojis = (textItem?.message.emojis as TextEmoji[] | undefined) ?? [];
  const extras = messages.filter((m) => m !== textItem);
  // An empty text beside a sticker or an image is simply not sent.
  const outgoing = messages.filter((m) => m !== textItem || text.trim() !== "").map((m) => m.message);
  const valid = outgoing.length > 0 && messagesSchema.safeParse(outgoing).success;

  // Messages the outbox gives back: a push needs consent (another operator took the last token), or a
  // message was refused — they come back here to be confirmed or corrected, never lost.
  const giveBack = (r: Returned) => {
    compose.replace(fromSendBody("broadcast", { messages: r.messages }));
    if (r.reason === "needs_push") return setConfirmPush(true);
    setError(r.error);
    if (r.error.details?.length) {
      compose.showServerDetails(r.error.details);
      setEditors(true);
    }
  };

  const setText = (next: string, extra: Partial<{ emojis: TextEmoji[] }> = {}) => {
    const moved = extra.emojis ?? followEdit(text, next, emojis);
    const message = { type: "text", text: next, ...(moved.length ? { emojis: moved } : {}) };
    if (textItem) compose.setMessage(textItem.id, { ...withoutEmojis(textItem), ...message });
    else compose.update((s) => ({ messages: [{ id: uid(), message }, ...s.messages].slice(0, 5) }));
    if (next.trim()) signals.typing();
    setError(null);
  };
  const addEmoji = (productId: string, emojiId: string) => {
    const caret = textRef.current?.selectionStart ?? text.length;
    const r = insertEmoji(text, caret, emojis, { productId, emojiId });
    setText(r.text, { emojis: r.emojis });
    requestAnimationFrame(() => textRef.current?.setSelectionRange(caret + 1, caret + 1));
    textRef.current?.focus();
  };
  const addMessage = (type: AddableType) => {
    compose.addMessage(type);
    setEditors(true);
  };

  const submit = (allowPush = false) => {
    if (!valid) {
      // Show what is wrong: the editors, without the empty text that would not be sent anyway.
      if (textItem && text.trim() === "" && extras.length) compose.removeMessage(textItem.id);
      compose.revealAll();
      if (extras.length) setEditors(true);
      return;
    }
    if (!allowPush && !windowOpen) {
      setConfirmPush(true);
      return;
    }
    setConfirmPush(false);
    setError(null);
    void outbox.send(outgoing, { allowPush, giveBack });
    compose.replace(initialState("broadcast"));
    setEditors(false);
    signals.sent();
    requestAnimationFrame(() => textRef.current?.focus());
  };

  return (
    <div className="shrink-0 border-t border-border bg-surface" data-testid="conversation-composer">
      {editors && (
        <div
          className="max-h-[45dvh] overflow-y-auto border-b border-border bg-muted/40 p-3 scrollbar-thin md:px-4"
          onKeyDown={(e) => {
            // In the editors Enter writes new lines; Ctrl/⌘+Enter sends.
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !isComposing(e)) {
              e.preventDefault();
              submit();
            }
          }}
        >
          <IssuesProvider value={compose.issues}>
            <MessageList compose={compose} mentionsAllowed={target.kind === "chat"} />
          </IssuesProvider>
        </div>
      )}
      <div className="space-y-2 px-3 py-2.5 md:px-4">
        <ReplyWindowStatus expiresAt={expiresAt} chatId={target.kind === "chat" ? target.chatId : null} />
        {!editors && extras.length > 0 && <Attachments items={extras} onOpen={() => setEditors(true)} onRemove={(id) => compose.removeMessage(id)} />}
        {!editors && (
          <Textarea
            ref={textRef}
            rows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onCompositionEnd={() => (compositionEnd.current = Date.now())}
            onKeyDown={(e) => {
              const key = {
                key: e.key,
                shiftKey: e.shiftKey,
                altKey: e.altKey,
                ctrlKey: e.ctrlKey,
                metaKey: e.metaKey,
                isComposing: e.nativeEvent.isComposing,
                keyCode: e.keyCode,
              };
              if (!enterSends(key, compositionEnd.current, Date.now())) return;
              e.preventDefault();
              submit();
            }}
            placeholder={t("placeholder")}
            aria-label={t("label", { name: name ?? t("them") })}
            aria-describedby={hintId}
            className="field-sizing-content max-h-48 min-h-14 resize-none"
          />
        )}
        {error ? <ErrorAlert error={error} hideDetails={editors} /> : null}
        <div className="flex flex-wrap items-center gap-1">
          <EmojiPicker side="top" size="icon-sm" onPick={addEmoji} />
          <Button
            size="icon-sm"
            variant="subtle"
            aria-label={t("addSticker")}
            title={t("addSticker")}
            disabled={messages.length >= 5}
            onClick={() => addMessage("sticker")}
          >
            <Sticker aria-hidden />
          </Button>
          <Button
            size="icon-sm"
            variant="subtle"
            aria-label={t("addImage")}
            title={t("addImage")}
            disabled={messages.length >= 5}
            onClick={() => addMessage("image")}
          >
            <ImageIcon aria-hidden />
          </Button>
          <DropdownMenu
            side="top"
            label={t("addMore")}
            trigger={
              <Button size="icon-sm" variant="subtle" aria-label={t("addMore")} title={t("addMore")} disabled={messages.length >= 5}>
                <Plus aria-hidden />
              </Button>
            }
          >
            {MORE_TYPES.map((type) => (
              <DropdownMenuItem key={type} onSelect={() => addMessage(type)}>
                {tType(type)}
              </DropdownMenuItem>
            ))}
          </DropdownMenu>
          <Button size="sm" variant="subtle" aria-pressed={editors} onClick={() => setEditors((o) => !o)}>
            <Layers aria-hidden />
            {t(editors ? "closeEditors" : "openEditors")}
          </Button>
          <span id={hintId} className="ml-auto hidden text-2xs text-muted-foreground xl:inline">
            {t(editors ? "hintEditors" : "hint")}
          </span>
          <Button variant="primary" size="sm" className="ml-auto xl:ml-2" disabled={outgoing.length === 0} onClick={() => submit()} data-testid="composer-send">
            <SendHorizontal aria-hidden />
            {t(windowOpen ? "send" : "sendPush")}
          </Button>
        </div>
      </div>
      <PushConfirm open={confirmPush} onOpenChange={setConfirmPush} onConfirm={() => submit(true)} chat={target.kind === "chat"} name={name} />
    </div>
  );
}

/** Stickers, images and the like waiting to go with the text, while the editors are closed. */
function Attachments({ items, onOpen, onRemove }: { items: ComposedMessage[]; onOpen: () => void; onRemove: (id: string) => void }) {
  const t = useTranslations("conversation.composer");
  const tType = useTranslations("composer.types");
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label={t("attachments")}>
      {items.map((m) => {
        const type = tType(m.message.type === "textV2" ? "text" : m.message.type);
        return (
          <li key={m.id} className="inline-flex h-7 items-center overflow-hidden rounded-md border border-border bg-muted text-xs">
            <button
              type="button"
              className="h-full px-2 hover:bg-hover focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
              onClick={onOpen}
              title={t("editAttachment")}
            >
              {type}
            </button>
            <button
              type="button"
              className="flex h-full items-center px-1.5 text-muted-foreground hover:bg-hover hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
              aria-label={t("removeAttachment", { type })}
              onClick={() => onRemove(m.id)}
            >
              <X aria-hidden className="size-3.5" />
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** The operator's consent to a push: it costs quota (a group's push, once per member). */
function PushConfirm({
  open,
  onOpenChange,
  onConfirm,
  chat,
  name,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  onConfirm: () => void;
  chat: boolean;
  name: string | null;
}) {
  const t = useTranslations("conversation.composer");
  const quota = useQuery({ ...quotaQuery(), enabled: open });
  const remaining = quota.data?.quota.remaining;
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      tone="primary"
      title={t("pushTitle")}
      description={t(chat ? "pushDescriptionChat" : "pushDescription", { name: name ?? t("them") })}
      confirmLabel={t("pushConfirm")}
      cancelLabel={t("cancel")}
      onConfirm={onConfirm}
    >
      {remaining != null && <p className="text-xs text-muted-foreground">{t("quotaLeft", { count: remaining })}</p>}
    </ConfirmDialog>
  );
}

// The friend's newest one-on-one message (reading it is what marks their messages as read).
function newestMessageOf(items: ConversationItem[] | undefined, userId: string): string | null {
  const newest = items?.find((i) => i.type === "event" && i.event.type === "message" && i.event.userId === userId && !i.event.groupId && !i.event.roomId);
  return newest?.type === "event" ? newest.event.id : null;
}

function withoutEmojis(item: ComposedMessage) {
  const { emojis: _gone, ...rest } = item.message;
  return rest;
}
