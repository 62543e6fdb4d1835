"use client";

import { TriangleAlert } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { deliverable, type PushStanding } from "./use-push-standing";

/** Said under a push's recipient when LINE would accept the push but not deliver it. */
export function PushStandingNote({ standing, reasonOnly = false }: { standing: PushStanding; reasonOnly?: boolean }) {
  const t = useTranslations("composer.pushStanding");
  const format = useFormatter();
  const locale = useLocale();
  if (deliverable(standing)) return null;
  const when = standing.kind === "blocked" && standing.since ? format.dateTime(new Date(standing.since), { dateStyle: "medium" }) : null;
  const text =
    standing.kind === "blocked"
      ? when
        ? t("blockedSince", { date: when })
        : t("blocked")
      : standing.kind === "notFriend"
        ? t("notFriend")
        : standing.kind === "unknownId"
          ? t("unknownId")
          : standing.kind === "chat"
            ? t("chatLeft")
            : t("unknownChat");
  if (reasonOnly) {
    return (
      <p data-testid="push-standing" data-standing={standing.kind} className="text-sm">
        {text}
      </p>
    );
  }
  return (
    <p
      role="note"
      data-testid="push-standing"
      data-standing={standing.kind}
      className="flex items-start gap-2 rounded-md bg-warning-soft px-3 py-2 text-xs text-warning-soft-foreground"
    >
      <TriangleAlert aria-hidden className="mt-0.5 size-3.5 shrink-0" />
      <span>{joinSentences(locale, text, t("beforeSend"))}</span>
    </p>
  );
}

// Chinese and Japanese sentences follow one another with no space after "。"; the others with one.
function joinSentences(locale: string, ...sentences: string[]): string {
  return sentences.join(locale === "ja" || locale.startsWith("zh") ? "" : " ");
}
