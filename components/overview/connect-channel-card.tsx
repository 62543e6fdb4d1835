"use client";

import { PlugZap } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { CopyButton } from "@/components/ui/copy-button";
import { buttonVariants } from "@/components/ui/button";

/** Shown until the first webhook arrives: the three steps in LINE Developers Console. */
export function ConnectChannelCard({ webhookUrl }: { webhookUrl: string }) {
  const t = useTranslations("overview.connect");
  const tc = useTranslations("common");
  return (
    <section className="relative overflow-hidden rounded-lg border border-primary/30 bg-primary-soft/40 p-5">
      <div className="flex flex-col gap-4 md:flex-row md:items-start">
        <span aria-hidden className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-primary text-primary-foreground">
          <PlugZap className="size-5" />
        </span>
        <div className="min-w-0 flex-1">
          <h2 className="text-base font-semibold">{t("title")}</h2>
          <p className="mt-0.5 text-sm text-muted-foreground">{t("description")}</p>
          <ol className="mt-4 space-y-3 text-sm">
            <li className="flex gap-3">
              <Step n={1} />
              <div className="min-w-0 flex-1">
                <p>{t("step1")}</p>
                <div className="mt-2 flex max-w-xl items-center gap-1 rounded-md border border-border bg-surface py-1 pr-1 pl-3">
                  <code className="min-w-0 flex-1 truncate font-mono text-xs">{webhookUrl}</code>
                  <CopyButton value={webhookUrl} label={tc("copy")} copiedLabel={tc("copied")} />
                </div>
              </div>
            </li>
            <li className="flex gap-3">
              <Step n={2} />
              <p>{t("step2")}</p>
            </li>
            <li className="flex gap-3">
              <Step n={3} />
              <p>{t("step3")}</p>
            </li>
          </ol>
          <Link href="/deliveries" className={buttonVariants({ variant: "secondary", size: "sm", className: "mt-4" })}>
            {t("openDeliveries")}
          </Link>
        </div>
      </div>
    </section>
  );
}

function Step({ n }: { n: number }) {
  return (
    <span
      aria-hidden
      className="flex size-5 shrink-0 items-center justify-center rounded-full bg-surface text-2xs font-semibold text-primary-soft-foreground ring-1 ring-primary/30"
    >
      {n}
    </span>
  );
}
