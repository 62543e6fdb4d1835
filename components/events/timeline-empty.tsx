"use client";

import { FilterX, Inbox } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { Button, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export function TimelineEmpty({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const t = useTranslations("events.empty");
  return filtered ? (
    <EmptyState
      icon={<FilterX />}
      title={t("filteredTitle")}
      description={t("filteredDescription")}
      action={<Button onClick={onClear}>{t("clearFilters")}</Button>}
    />
  ) : (
    <EmptyState
      icon={<Inbox />}
      title={t("title")}
      description={t("description")}
      action={
        <Link href="/" className={buttonVariants({ variant: "secondary" })}>
          {t("howToConnect")}
        </Link>
      }
    />
  );
}
