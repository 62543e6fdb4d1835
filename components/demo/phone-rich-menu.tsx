"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ChevronDown, ChevronUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { errorDescription } from "@/components/common/error-message";
import { useToast } from "@/components/ui/toaster";
import { demoKeys } from "@/lib/client/demo";
import { phoneRichMenuKey, phoneRichMenuQuery, tapPhoneRichMenu, type PhoneRichMenu } from "@/lib/client/demo-rich-menu";
import { onThisChannel } from "@/lib/client/rich-menu-taps";

type Menu = NonNullable<PhoneRichMenu["richMenu"]>;

/**
 * The rich menu under the friend's chat, as LINE shows it: the chat bar (its text opens and closes the
 * menu) and the image, whose areas the friend taps. The fake platform answers a tap exactly as LINE
 * would — an event to the webhook, or a switch to another tab, which the phone then shows.
 */
export function PhoneRichMenu({ userId }: { userId: string }) {
  const shown = useQuery(phoneRichMenuQuery(userId));
  const menu = shown.data?.richMenu;
  if (!menu || !shown.data?.imageUrl) return null;
  // A new menu (a link, a new default, a tab switch) starts open or closed as that menu says.
  return <OpenableMenu key={menu.richMenuId} userId={userId} menu={menu} imageUrl={shown.data.imageUrl} source={shown.data.source} />;
}

function OpenableMenu({ userId, menu, imageUrl, source }: { userId: string; menu: Menu; imageUrl: string; source: PhoneRichMenu["source"] }) {
  const t = useTranslations("demo.richMenu");
  const [open, setOpen] = useState(menu.selected);
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const tap = useMutation({
    mutationFn: (areaIndex: number) => tapPhoneRichMenu(userId, areaIndex),
    onSuccess: (result) => {
      if (result.uri) toast({ tone: "info", title: t("opensPage"), description: result.uri });
      // LINE still sends the postback when the alias is missing; the phone keeps the menu it had.
      if (result.status && result.status !== "SUCCESS") toast({ tone: "danger", title: t("switchFailed"), description: result.status });
      void queryClient.invalidateQueries({ queryKey: phoneRichMenuKey(userId) });
      void queryClient.invalidateQueries({ queryKey: demoKeys.sent(userId) });
    },
    onError: (err) => toast({ tone: "danger", title: t("tapFailed"), description: errorDescription(err) }),
  });
  const menuId = `phone-rich-menu-${userId}`;
  return (
    <div
      className="border-t border-black/10 bg-white dark:border-white/10 dark:bg-[#1e2228]"
      data-testid="phone-rich-menu"
      data-rich-menu-id={menu.richMenuId}
      data-source={source}
    >
      {open && (
        <div
          id={menuId}
          role="group"
          aria-label={t("menuLabel", { text: menu.chatBarText })}
          className="relative w-full"
          style={{ aspectRatio: `${menu.size.width} / ${menu.size.height}` }}
        >
          {/* eslint-disable-next-line @next/next/no-img-element -- the fake platform's image through our proxy */}
          <img src={onThisChannel(imageUrl)} alt="" className="absolute inset-0 size-full object-fill" draggable={false} />
          {menu.areas.map((area, i) => (
            <button
              key={i}
              type="button"
              disabled={tap.isPending}
              onClick={() => tap.mutate(i)}
              aria-label={t("area", { n: i + 1, what: describe(area.action) })}
              data-testid="phone-rich-menu-area"
              data-action={area.action.type}
              className="absolute outline-none hover:bg-white/15 focus-visible:bg-white/20 focus-visible:ring-2 focus-visible:ring-[#06C755] focus-visible:ring-inset active:bg-black/15"
              style={{
                left: `${(area.bounds.x / menu.size.width) * 100}%`,
                top: `${(area.bounds.y / menu.size.height) * 100}%`,
                width: `${(area.bounds.width / menu.size.width) * 100}%`,
                height: `${(area.bounds.height / menu.size.height) * 100}%`,
              }}
            />
          ))}
        </div>
      )}
      <button
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
        data-testid="phone-chat-bar"
        className="flex h-9 w-full items-center justify-center gap-1 text-[13px] font-medium text-[#111] hover:bg-black/5 focus-visible:ring-2 focus-visible:ring-[#06C755] focus-visible:outline-none focus-visible:ring-inset dark:text-white dark:hover:bg-white/10"
      >
        {menu.chatBarText}
        {open ? <ChevronDown aria-hidden className="size-3.5" /> : <ChevronUp aria-hidden className="size-3.5" />}
      </button>
    </div>
  );
}

// What an area does, for its button's accessible name (the image shows it to sighted friends).
function describe(action: { type: string } & Record<string, unknown>): string {
  const first = [action.label, action.displayText, action.text, action.uri, action.richMenuAliasId, action.data].find((v) => typeof v === "string" && v);
  return String(first ?? action.type);
}
