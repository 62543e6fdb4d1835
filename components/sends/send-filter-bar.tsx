"use client";

import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import type { SendFilters } from "@/lib/client/messages";

interface Props {
  filters: SendFilters;
  setFilters: (patch: Partial<SendFilters>) => void;
  clear: () => void;
  authors: Array<{ id: string; label: string }>;
}

/** Kind, status, author, date range and "show test sends": all in the URL. */
export function SendFilterBar({ filters, setFilters, clear, authors }: Props) {
  const t = useTranslations("sends");
  const active = Boolean(filters.kind || filters.status || filters.author || filters.from || filters.to || filters.tests);
  return (
    <div
      className="flex flex-wrap items-center gap-2 border-b border-border bg-surface px-4 py-3 md:px-6 lg:px-8"
      role="search"
      aria-label={t("filters.label")}
    >
      <Select
        aria-label={t("filters.kind")}
        value={filters.kind ?? ""}
        data-active={Boolean(filters.kind)}
        onChange={(e) => setFilters({ kind: e.target.value || undefined })}
      >
        <option value="">{t("filters.allKinds")}</option>
        {["push", "multicast", "broadcast", "narrowcast", "reply"].map((k) => (
          <option key={k} value={k}>
            {t(`kinds.${k}`)}
          </option>
        ))}
      </Select>
      <Select aria-label={t("filters.status")} value={filters.status ?? ""} onChange={(e) => setFilters({ status: e.target.value || undefined })}>
        <option value="">{t("filters.allStatuses")}</option>
        {["queued", "sending", "sent", "partially_sent", "failed"].map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </Select>
      <Select
        className="max-w-52"
        aria-label={t("filters.author")}
        value={filters.author ?? ""}
        onChange={(e) => setFilters({ author: e.target.value || undefined })}
      >
        <option value="">{t("filters.anyone")}</option>
        {authors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
          </option>
        ))}
      </Select>
      <label className="flex items-center gap-1.5 text-xs text-muted-foreground">
        {t("filters.from")}
        <Input type="date" className="w-36" value={filters.from ?? ""} onChange={(e) => setFilters({ from: e.target.value || undefined })} />
      </label>
      <label className="flex items-center gap-1.5 text-xs text-muted-foreground">
        {t("filters.to")}
        <Input type="date" className="w-36" value={filters.to ?? ""} onChange={(e) => setFilters({ to: e.target.value || undefined })} />
      </label>
      <label className="flex items-center gap-2 text-xs text-muted-foreground">
        <Switch checked={Boolean(filters.tests)} onCheckedChange={(on) => setFilters({ tests: on || undefined })} aria-label={t("filters.tests")} />
        {t("filters.tests")}
      </label>
      {active && (
        <Button size="sm" variant="subtle" onClick={clear}>
          <X aria-hidden />
          {t("filters.clear")}
        </Button>
      )}
    </div>
  );
}
