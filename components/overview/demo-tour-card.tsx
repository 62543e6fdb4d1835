"use client";

import { Activity, FlaskConical, Send, Smartphone, Users } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { buttonVariants } from "@/components/ui/button";

/**
 * Demo mode's first screen: no channel to connect (the fake LINE platform is already wired both ways),
 * so instead of LINE Developers Console steps it says what is happening and where to look first.
 */
export function DemoTourCard() {
  const t = useTranslations("overview.demo");
  const links = [
    { href: "/events", icon: Activity, label: t("events") },
    { href: "/contacts", icon: Users, label: t("friends") },
    { href: "/messages/new", icon: Send, label: t("send") },
    { href: "/simulator", icon: Smartphone, label: t("simulator") },
  ];
  return (
    <section className="rounded-lg border border-primary/30 bg-primary-soft/40 p-5" data-testid="demo-tour">
      <div className="flex flex-col gap-4 md:flex-row md:items-start">
        <span aria-hidden className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-primary text-primary-foreground">
          <FlaskConical className="size-5" />
        </span>
        <div className="min-w-0 flex-1">
          <h2 className="text-base font-semibold">{t("title")}</h2>
          <p className="mt-0.5 text-sm text-muted-foreground">{t("description")}</p>
          <div className="mt-4 flex flex-wrap gap-2">
            {links.map(({ href, icon: Icon, label }) => (
              <Link key={href} href={href} className={buttonVariants({ variant: "secondary", size: "sm" })}>
                <Icon aria-hidden />
                {label}
              </Link>
            ))}
          </div>
        </div>
      </div>
    </section>
  );
}
