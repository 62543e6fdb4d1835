"use client";

import { AtSign, Smile, Users } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import type { DraftMessage } from "@/lib/sends/composer/compose-state";
import { followEdit, insertEmoji, type TextEmoji } from "@/lib/sends/composer/emoji-text";
import { Field, PathErrors } from "../field";
import { EmojiPicker } from "./emoji-picker";

interface TextEditorProps {
  message: DraftMessage;
  onChange: (m: DraftMessage) => void;
  path: string;
  /** Push to a group or room: mentions (textV2) are possible. */
  mentionsAllowed: boolean;
}

type Substitution = Record<
  string,
  { type: "mention"; mentionee: { type: "user"; userId: string } | { type: "all" } } | { type: "emoji"; productId: string; emojiId: string }
>;

/** Text (up to 5,000 characters) with LINE emoji on "$", or textV2 with {placeholders} for mentions. */
export function TextEditor({ message, onChange, path, mentionsAllowed }: TextEditorProps) {
  const t = useTranslations("composer.text");
  const ref = useRef<HTMLTextAreaElement>(null);
  const text = String(message.text ?? "");
  const v2 = message.type === "textV2";
  const emojis = (message.emojis as TextEmoji[] | undefined) ?? [];
  const substitution = (message.substitution as Substitution | undefined) ?? {};

  const setText = (next: string) => {
    if (v2) return onChange({ ...message, text: next });
    const moved = followEdit(text, next, emojis);
    const { emojis: _old, ...rest } = message;
    onChange(moved.length ? { ...rest, text: next, emojis: moved } : { ...rest, text: next });
  };

  const caret = () => ref.current?.selectionStart ?? text.length;
  const insertPlaceholder = (key: string, value: Substitution[string]) => {
    const at = caret();
    onChange({ ...message, text: `${text.slice(0, at)}{${key}}${text.slice(at)}`, substitution: { ...substitution, [key]: value } });
  };
  const addEmoji = (productId: string, emojiId: string) => {
    if (v2) return insertPlaceholder(nextKey(substitution, "emoji"), { type: "emoji", productId, emojiId });
    const r = insertEmoji(text, caret(), emojis, { productId, emojiId });
    onChange({ ...message, ...r });
  };

  const toggleV2 = (on: boolean) => {
    if (on) onChange({ type: "textV2", text: text.replaceAll("$", ""), ...(message.quickReply ? { quickReply: message.quickReply } : {}) });
    else onChange({ type: "text", text: text.replace(/\{[a-zA-Z0-9_]{1,20}\}/g, ""), ...(message.quickReply ? { quickReply: message.quickReply } : {}) });
  };

  return (
    <div className="space-y-3">
      <Field label={t("label")} path={`${path}.text`} count={{ used: text.length, max: 5000 }} hint={v2 ? t("v2Hint") : t("emojiHint")}>
        {(p) => (
          <Textarea
            ref={ref}
            {...p}
            rows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t("placeholder")}
            className="min-h-24 resize-y"
          />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-2">
        <EmojiPicker onPick={addEmoji} />
        {v2 && (
          <>
            <Button size="sm" onClick={() => insertPlaceholder(nextKey(substitution, "user"), { type: "mention", mentionee: { type: "user", userId: "" } })}>
              <AtSign aria-hidden />
              {t("mentionUser")}
            </Button>
            <Button size="sm" onClick={() => insertPlaceholder("everyone", { type: "mention", mentionee: { type: "all" } })}>
              <Users aria-hidden />
              {t("mentionAll")}
            </Button>
          </>
        )}
        {(mentionsAllowed || v2) && (
          <label className="ml-auto flex items-center gap-2 text-xs text-muted-foreground">
            <Switch checked={v2} onCheckedChange={toggleV2} aria-label={t("useMentions")} />
            {t("useMentions")}
          </label>
        )}
      </div>
      {!v2 && emojis.length > 0 && (
        <p className="flex items-center gap-1.5 text-2xs text-muted-foreground">
          <Smile aria-hidden className="size-3" />
          {t("emojiCount", { count: emojis.length })}
        </p>
      )}
      <PathErrors path={`${path}.emojis`} />
      {v2 && Object.keys(substitution).length > 0 && (
        <ul className="space-y-2 rounded-md border border-border bg-muted/40 p-2.5">
          {Object.entries(substitution).map(([key, s]) => (
            <li key={key} className="flex flex-wrap items-center gap-2">
              <code className="rounded bg-surface px-1.5 py-0.5 font-mono text-xs">{`{${key}}`}</code>
              {s.type === "mention" && s.mentionee.type === "user" ? (
                <Field label={t("mentionee")} path={`${path}.substitution.${key}.mentionee.userId`} className="min-w-56 flex-1">
                  {(p) => (
                    <Input
                      {...p}
                      value={s.mentionee.type === "user" ? s.mentionee.userId : ""}
                      placeholder="U0123…"
                      className="font-mono text-xs"
                      onChange={(e) =>
                        onChange({
                          ...message,
                          substitution: { ...substitution, [key]: { type: "mention", mentionee: { type: "user", userId: e.target.value.trim() } } },
                        })
                      }
                    />
                  )}
                </Field>
              ) : (
                <span className="text-xs text-muted-foreground">{s.type === "emoji" ? `${t("emoji")} ${s.emojiId}` : t("everyone")}</span>
              )}
              <Button
                size="xs"
                variant="subtle"
                onClick={() => {
                  const { [key]: _gone, ...restSubs } = substitution;
                  onChange({ ...message, text: text.replaceAll(`{${key}}`, ""), substitution: restSubs });
                }}
              >
                {t("removePlaceholder")}
              </Button>
              <PathErrors path={`${path}.substitution.${key}`} className="w-full" />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function nextKey(subs: Record<string, unknown>, base: string) {
  let n = 1;
  while (`${base}${n}` in subs) n++;
  return `${base}${n}`;
}
