"use client";

import { Image as ImageIcon, MapPin, MousePointerClick, SendHorizontal, Smile } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { DemoFriend } from "@/lib/client/demo";
import { useFriendAction } from "./use-friend-action";

/** The friend's keyboard: type and send, or send a sticker, a photo, a place, or tap a postback. */
export function FriendActions({ friend }: { friend: DemoFriend }) {
  const t = useTranslations("demo");
  const [text, setText] = useState("");
  const act = useFriendAction(friend.userId);
  const blocked = friend.status !== "following";

  function sendText(e: React.FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    act.mutate({ action: "messages", body: { type: "text", text: text.trim() } }, { onSuccess: () => setText("") });
  }

  const quick: Array<[string, React.ReactNode, () => void]> = [
    [t("sendSticker"), <Smile key="s" />, () => act.mutate({ action: "messages", body: { type: "sticker" } })],
    [t("sendPhoto"), <ImageIcon key="i" />, () => act.mutate({ action: "messages", body: { type: "image" } })],
    [t("sendLocation"), <MapPin key="l" />, () => act.mutate({ action: "messages", body: { type: "location" } })],
    [t("tapPostback"), <MousePointerClick key="p" />, () => act.mutate({ action: "postback", body: { data: "action=demo&from=simulator" } })],
  ];

  return (
    <div className="space-y-2 bg-[#f7f8fa] px-2 py-2 dark:bg-[#22262d]">
      <div className="flex gap-1">
        {quick.map(([label, icon, run]) => (
          <button
            key={label}
            type="button"
            onClick={run}
            disabled={act.isPending}
            title={label}
            aria-label={label}
            className="flex size-8 items-center justify-center rounded-full text-[#4a5568] hover:bg-black/5 disabled:opacity-50 dark:text-white/80 dark:hover:bg-white/10 [&_svg]:size-4"
          >
            {icon}
          </button>
        ))}
      </div>
      <form onSubmit={sendText} className="flex items-center gap-2">
        <input
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={blocked ? t("blockedPlaceholder") : t("messagePlaceholder")}
          aria-label={t("messageAs", { name: friend.displayName })}
          className="h-9 min-w-0 flex-1 rounded-full border border-black/10 bg-white px-3 text-sm text-[#111] outline-none focus:border-[#06C755] dark:border-white/10 dark:bg-[#2d323b] dark:text-white"
        />
        <button
          type="submit"
          disabled={!text.trim() || act.isPending}
          aria-label={t("send")}
          className="flex size-9 items-center justify-center rounded-full bg-[#06C755] text-white disabled:opacity-40 [&_svg]:size-4"
        >
          <SendHorizontal />
        </button>
      </form>
    </div>
  );
}
