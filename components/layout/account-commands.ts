"use client";

import { KeyRound, LogOut, UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useConsoleRouter } from "@/components/common/console-link";
import { useMember } from "@/components/auth/member-context";
import { useSignOut } from "@/components/auth/use-sign-out";
import { settingsItems, visibleTo } from "./nav-config";
import type { PaletteCommand } from "./palette-commands";

/** Settings pages, admin shortcuts and sign-out, as far as the signed-in member's role goes. */
export function useAccountCommands(): PaletteCommand[] {
  const t = useTranslations("palette");
  const tSettings = useTranslations("settings.nav");
  const router = useConsoleRouter();
  const member = useMember();
  const { signOut } = useSignOut();
  if (!member) return [];
  const go = (href: string) => () => router.push(href);
  // Members and API keys are the whole console's: console admins only (as their pages are).
  const admin = member.consoleAdmin;

  const commands: PaletteCommand[] = visibleTo(settingsItems, member.role, false, member.consoleAdmin).map((item) => ({
    id: `settings:${item.href}`,
    group: "settings",
    label: t("settingsPage", { page: tSettings(item.label) }),
    keywords: `settings ${item.href.replaceAll("/", " ")}`,
    hint: item.href,
    icon: item.icon,
    perform: go(item.href),
  }));
  if (admin) {
    commands.push(
      {
        id: "invite-member",
        group: "settings",
        label: t("inviteMember"),
        keywords: "invite member invitation user team add",
        icon: UserPlus,
        perform: go("/settings/members?invite=1"),
      },
      {
        id: "create-api-key",
        group: "settings",
        label: t("createApiKey"),
        keywords: "api key token bearer create",
        icon: KeyRound,
        perform: go("/settings/api-keys?create=1"),
      },
    );
  }
  if (member.kind === "user") {
    commands.push({ id: "sign-out", group: "settings", label: t("signOut"), keywords: "sign out log out logout", icon: LogOut, perform: () => void signOut() });
  }
  return commands;
}
