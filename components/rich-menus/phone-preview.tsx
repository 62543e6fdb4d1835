"use client";

import { ChevronDown, ChevronUp, RotateCcw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { RichMenuArea } from "@/lib/rich-menus/rich-menu-schema";
import { cn } from "@/lib/utils/cn";
import { areaTitle, type MenuSize } from "./rich-menu-layouts";

export interface PreviewMenu {
  size: MenuSize;
  imageUrl: string | null;
  areas: RichMenuArea[];
  chatBarText: string;
  selected: boolean;
}

type Entry = { kind: "user"; text: string } | { kind: "note"; text: string };

/**
 * The bottom of LINE's chat screen: the chat bar with its text (tap to open or close the menu) and the
 * menu; tapping an area shows what LINE would do — the postback sent, the message the friend "writes",
 * the link opened, or the menu an alias switches to (shown here when it is one of this channel's).
 */
export function PhonePreview({ menu, resolveAlias }: { menu: PreviewMenu; resolveAlias: (alias: string) => PreviewMenu | null }) {
  const t = useTranslations("richMenus.preview");
  const [open, setOpen] = useState(menu.selected);
  const [switched, setSwitched] = useState<{ alias: string; menu: PreviewMenu } | null>(null);
  const [log, setLog] = useState<Entry[]>([]);
  const shown = switched?.menu ?? menu;
  const add = (...entries: Entry[]) => setLog((all) => [...all, ...entries].slice(-6));

  const tap = (area: RichMenuArea) => {
    const a = area.action;
    if (a.type === "postback")
      add(...(a.displayText ? [{ kind: "user" as const, text: a.displayText }] : []), { kind: "note", text: t("postback", { data: a.data }) });
    else if (a.type === "message") add({ kind: "user", text: a.text });
    else if (a.type === "uri") add({ kind: "note", text: t("uri", { uri: a.uri }) });
    else if (a.type === "datetimepicker") add({ kind: "note", text: t("picker", { mode: a.mode, data: a.data }) });
    else {
      const target = resolveAlias(a.richMenuAliasId);
      add({ kind: "note", text: target ? t("switched", { alias: a.richMenuAliasId, data: a.data }) : t("switchUnknown", { alias: a.richMenuAliasId }) });
      if (target) setSwitched({ alias: a.richMenuAliasId, menu: target });
    }
  };

  return (
    <div className="mx-auto w-full max-w-[320px]" data-testid="phone-preview">
      <div className="overflow-hidden rounded-[2rem] border-8 border-neutral-800 bg-neutral-800 shadow-lg">
        <div className="flex h-56 flex-col justify-end gap-1.5 overflow-hidden bg-[#8cabd9] p-2" aria-live="polite" data-testid="preview-log">
          {log.map((e, i) =>
            e.kind === "user" ? (
              <p key={i} className="ml-auto max-w-[80%] rounded-2xl rounded-br-sm bg-[#86d97b] px-3 py-1.5 text-xs text-neutral-900">
                {e.text}
              </p>
            ) : (
              <p key={i} className="mx-auto max-w-[95%] rounded-full bg-black/45 px-2.5 py-1 text-center text-2xs text-white">
                {e.text}
              </p>
            ),
          )}
        </div>
        {open && (
          <div className="relative w-full bg-white" style={{ aspectRatio: `${shown.size.width} / ${shown.size.height}` }} data-testid="preview-menu">
            {shown.imageUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- a blob: or our own image route
              <img src={shown.imageUrl} alt="" className="absolute inset-0 size-full object-fill" />
            ) : (
              <div aria-hidden className="absolute inset-0 bg-neutral-200" />
            )}
            {shown.areas.map((area, i) => (
              <button
                key={i}
                type="button"
                onClick={() => tap(area)}
                aria-label={t("tapArea", { n: i + 1, title: areaTitle(area, i) })}
                data-testid={`preview-area-${i}`}
                className={cn(
                  "absolute text-2xs text-neutral-700 hover:bg-black/10 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none focus-visible:ring-inset",
                  !shown.imageUrl && "border border-neutral-400",
                )}
                style={{
                  left: `${(area.bounds.x / shown.size.width) * 100}%`,
                  top: `${(area.bounds.y / shown.size.height) * 100}%`,
                  width: `${(area.bounds.width / shown.size.width) * 100}%`,
                  height: `${(area.bounds.height / shown.size.height) * 100}%`,
                }}
              >
                {!shown.imageUrl && areaTitle(area, i)}
              </button>
            ))}
          </div>
        )}
        <button
          type="button"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          data-testid="preview-chat-bar"
          className="flex h-10 w-full items-center justify-center gap-1 border-t border-neutral-200 bg-white text-sm font-medium text-neutral-800 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none focus-visible:ring-inset"
        >
          {shown.chatBarText || t("noChatBar")}
          {open ? <ChevronDown aria-hidden className="size-4" /> : <ChevronUp aria-hidden className="size-4" />}
          <span className="sr-only">{open ? t("close") : t("open")}</span>
        </button>
      </div>
      {(switched || log.length > 0) && (
        <button
          type="button"
          className="mx-auto mt-2 flex items-center gap-1 text-xs text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
          onClick={() => {
            setSwitched(null);
            setLog([]);
          }}
        >
          <RotateCcw aria-hidden className="size-3" />
          {switched ? t("back", { alias: switched.alias }) : t("clear")}
        </button>
      )}
    </div>
  );
}
