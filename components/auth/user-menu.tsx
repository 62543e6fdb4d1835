"use client";

import { ChevronDown, LogOut, MonitorSmartphone, UserRound } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { DropdownMenu, DropdownMenuItem, DropdownMenuLabel, DropdownMenuRadioItem, DropdownMenuSeparator } from "@/components/ui/dropdown-menu";
import { useSetLocale } from "@/components/layout/use-set-locale";
import { locales } from "@/i18n/locales";
import { useMember } from "./member-context";
import { MemberAvatar } from "./member-avatar";
import { RoleBadge } from "./role-badge";
import { useSignOut } from "./use-sign-out";

/** Top bar: who is signed in, their language (saved on the account), their sessions, sign out. */
export function UserMenu() {
  const t = useTranslations("userMenu");
  const tLang = useTranslations("languages");
  const member = useMember();
  const locale = useLocale();
  const setLocale = useSetLocale();
  const router = useRouter();
  const { signOut, pending } = useSignOut();
  if (!member || member.kind !== "user") return null;

  return (
    <DropdownMenu
      align="end"
      label={t("label")}
      className="w-72"
      trigger={
        <button
          type="button"
          aria-label={t("open", { name: member.name })}
          className="ml-1 flex h-8 items-center gap-1.5 rounded-full py-0.5 pr-1.5 pl-0.5 text-muted-foreground transition-colors hover:bg-hover hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        >
          <MemberAvatar id={member.id} name={member.name} />
          <ChevronDown aria-hidden className="size-3.5" />
        </button>
      }
    >
      <div className="flex items-start gap-3 px-2 pt-2 pb-2.5">
        <MemberAvatar id={member.id} name={member.name} className="size-9 text-sm" />
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-semibold text-foreground">{member.name}</p>
          <p className="truncate text-xs text-muted-foreground">{member.email}</p>
          <RoleBadge role={member.role} className="mt-1.5" />
        </div>
      </div>
      <DropdownMenuSeparator />
      <DropdownMenuLabel>{tLang("label")}</DropdownMenuLabel>
      {locales.map((l) => (
        // Each language named in itself: whoever cannot read the current one can still find theirs.
        <DropdownMenuRadioItem key={l} checked={l === locale} onSelect={() => void setLocale(l)} lang={l}>
          {tLang(`native.${l}`)}
        </DropdownMenuRadioItem>
      ))}
      <DropdownMenuSeparator />
      <DropdownMenuItem onSelect={() => router.push("/settings/account")}>
        <UserRound aria-hidden />
        {t("account")}
      </DropdownMenuItem>
      <DropdownMenuItem onSelect={() => router.push("/settings/sessions")}>
        <MonitorSmartphone aria-hidden />
        {t("sessions")}
      </DropdownMenuItem>
      <DropdownMenuSeparator />
      <DropdownMenuItem onSelect={() => void signOut()} disabled={pending}>
        <LogOut aria-hidden />
        {t("signOut")}
      </DropdownMenuItem>
    </DropdownMenu>
  );
}
