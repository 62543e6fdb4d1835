"use client";

import {
  Filter,
  Hash,
  Languages,
  Monitor,
  Moon,
  MousePointerClick,
  RotateCcw,
  ShieldAlert,
  Sun,
  UserPlus,
  UserRound,
  UsersRound,
  Webhook,
  MessageSquareText,
  Megaphone,
  Send,
  Target,
  Users,
  type LucideIcon,
} from "lucide-react";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useDeferredValue } from "react";
import { useTheme } from "next-themes";
import { useConsoleRouter } from "@/components/common/console-link";
import { idFilterKey } from "@/lib/events/event-filters";
import { chatSearchQuery, contactSearchQuery } from "@/lib/client/contacts";
import { shortId } from "@/lib/utils/format";
import { locales, type Locale } from "@/i18n/locales";
import { useSetLocale } from "./use-set-locale";
import { useRole } from "@/components/auth/member-context";
import { roleAllows } from "@/lib/auth/roles";
import { useAccountCommands } from "./account-commands";
import { useChannelCommands } from "./channel-commands";
import { useConsoleFlags } from "./console-flags";
import { messagesItems, navItems, visibleTo } from "./nav-config";

export interface PaletteCommand {
  id: string;
  group: "actions" | "people" | "navigation" | "channels" | "settings" | "filters" | "preferences";
  label: string;
  /** Extra words that find this command (English and technical names work in every language). */
  keywords?: string;
  hint?: string;
  icon: LucideIcon;
  perform: () => void;
  /** Built from what was typed (an event id, a user id): shown whatever the query. */
  onlyWhenSearching?: boolean;
}

export function usePaletteCommands(query: string): PaletteCommand[] {
  const t = useTranslations("palette");
  const tNav = useTranslations("nav");
  const tLang = useTranslations("languages");
  const router = useConsoleRouter();
  const { setTheme, theme } = useTheme();
  const locale = useLocale();
  const setLocale = useSetLocale();
  const role = useRole();
  const { demo } = useConsoleFlags();
  const accountCommands = useAccountCommands();
  const channelCommands = useChannelCommands();
  const go = (href: string) => () => router.push(href);
  const canSend = role !== null && roleAllows(role, "operator");

  const commands: PaletteCommand[] = [...fromQuery(query.trim(), t, go), ...usePeopleCommands(query, go)];

  for (const item of visibleTo(navItems, role, demo)) {
    commands.push({
      id: `nav:${item.href}`,
      group: "navigation",
      label: tNav(item.label),
      keywords: item.href,
      hint: item.href,
      icon: item.icon,
      perform: go(item.href),
    });
  }
  const scheduled = messagesItems.find((item) => item.href === "/messages/scheduled")!;
  commands.push({
    id: `nav:${scheduled.href}`,
    group: "navigation",
    label: t("scheduledMessages"),
    keywords: `${scheduled.href} schedule later planned`,
    hint: scheduled.href,
    icon: scheduled.icon,
    perform: go(scheduled.href),
  });
  commands.push(...channelCommands, ...accountCommands);

  // Start a send of one kind straight from the palette ("New push", "New narrowcast", …).
  const composeKinds: Array<[string, LucideIcon, string]> = [
    ["push", Send, "push message user group room send"],
    ["multicast", Users, "multicast message users send csv"],
    ["broadcast", Megaphone, "broadcast message all friends send"],
    ["narrowcast", Target, "narrowcast message segment filter audience send"],
  ];
  for (const [kind, icon, keywords] of canSend ? composeKinds : []) {
    commands.push({ id: `compose:${kind}`, group: "actions", label: t(`compose.${kind}`), keywords, icon, perform: go(`/messages/new?kind=${kind}`) });
  }

  const filters: Array<[string, string, LucideIcon, string]> = [
    ["messages", "/events?type=message", MessageSquareText, "message"],
    ["follows", "/events?type=follow", UserPlus, "follow friend"],
    ["postbacks", "/events?type=postback", MousePointerClick, "postback"],
    ["redelivered", "/events?redelivery=true", RotateCcw, "redelivery redelivered"],
    ["rejected", "/deliveries?view=rejected", ShieldAlert, "rejected failed error signature"],
    ["verify", "/deliveries?view=verify", Webhook, "verify ping"],
  ];
  for (const [key, href, icon, keywords] of filters) {
    commands.push({ id: `filter:${key}`, group: "filters", label: t(`filters.${key}`), keywords, icon, perform: go(href) });
  }

  const themes: Array<[string, LucideIcon]> = [
    ["light", Sun],
    ["dark", Moon],
    ["system", Monitor],
  ];
  for (const [value, icon] of themes) {
    commands.push({
      id: `theme:${value}`,
      group: "preferences",
      label: t(`theme.${value}`),
      keywords: `theme ${value}`,
      hint: theme === value ? t("current") : undefined,
      icon,
      perform: () => setTheme(value),
    });
  }
  for (const l of locales) {
    commands.push({
      id: `locale:${l}`,
      group: "preferences",
      label: t("language", { language: tLang(l) }),
      keywords: `language ${l} ${languageKeywords[l]}`,
      hint: l === locale ? t("current") : undefined,
      icon: Languages,
      perform: () => setLocale(l),
    });
  }
  return commands;
}

// Friends, groups and rooms by name (the same search as the friends and chats pages: names in any
// script), so "田中" or "Grace" opens their page. Shown whatever the words, as the server matched them.
function usePeopleCommands(query: string, go: (href: string) => () => void): PaletteCommand[] {
  const q = useDeferredValue(query.trim());
  const enabled = q.length >= 1 && !idFilterKey(q) && !/^#?\d+$/.test(q);
  const friends = useQuery({ ...contactSearchQuery(q), enabled });
  const chats = useQuery({ ...chatSearchQuery(q), enabled });
  if (!enabled) return [];
  return [
    ...(friends.data?.items ?? []).slice(0, 6).map((f) => ({
      id: `friend:${f.userId}`,
      group: "people" as const,
      label: f.displayName ?? shortId(f.userId),
      hint: shortId(f.userId),
      icon: UserRound,
      perform: go(`/contacts/${f.userId}`),
      onlyWhenSearching: true,
    })),
    ...(chats.data?.items ?? []).slice(0, 4).map((c) => ({
      id: `chat:${c.chatId}`,
      group: "people" as const,
      label: c.name ?? shortId(c.chatId),
      hint: shortId(c.chatId),
      icon: UsersRound,
      perform: go(`/chats/${c.chatId}`),
      onlyWhenSearching: true,
    })),
  ];
}

// Each language's own name, so an operator can find it whatever language the console is in now.
const languageKeywords: Record<Locale, string> = {
  en: "english",
  "zh-TW": "中文 繁體中文 chinese",
  ja: "日本語 japanese",
  th: "ไทย thai",
};

type Translate = (key: string, values?: Record<string, string>) => string;

function fromQuery(q: string, t: Translate, go: (href: string) => () => void): PaletteCommand[] {
  const id = /^#?(\d{1,15})$/.exec(q)?.[1];
  if (id) return [{ id: "open-event", group: "actions", label: t("openEvent", { id }), icon: Hash, perform: go(`/events/${id}`), onlyWhenSearching: true }];
  const key = idFilterKey(q);
  if (key) {
    return [
      {
        id: "open-contact",
        group: "actions",
        label: t(key === "userId" ? "openFriend" : "openChat"),
        hint: q.slice(0, 9) + "…",
        icon: key === "userId" ? UserRound : UsersRound,
        perform: go(key === "userId" ? `/contacts/${q}` : `/chats/${q}`),
        onlyWhenSearching: true,
      },
      {
        id: "events-of",
        group: "actions",
        label: t("eventsOf", { kind: key.replace("Id", "") }),
        hint: q.slice(0, 9) + "…",
        icon: key === "userId" ? UserRound : Filter,
        perform: go(`/events?${key}=${q}`),
        onlyWhenSearching: true,
      },
    ];
  }
  if (/^[0-9A-HJKMNP-TV-Z]{26}$/.test(q.toUpperCase())) {
    return [
      {
        id: "open-delivery",
        group: "actions",
        label: t("openDelivery"),
        icon: Webhook,
        perform: go(`/deliveries/${q.toUpperCase()}`),
        onlyWhenSearching: true,
      },
    ];
  }
  return [];
}
