"use client";

import { useQuery } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useFieldIssues } from "@/components/sends/composer/issues-context";
import { PathErrors } from "@/components/sends/composer/field";
import { messagePreviewText } from "@/components/sends/message-summary";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { ToggleGroup } from "@/components/ui/toggle-group";
import { VARIANT_LABELS } from "@/lib/campaigns/ab-test-schemas";
import { draftsQuery } from "@/lib/client/messages";

export interface VariantInput {
  source: "text" | "draft";
  text: string;
  draftId: string;
}

/** One variant of an A/B test: a text message typed here, or a saved draft (any kind: its messages are used). */
export function AbTestVariantCard({
  index,
  value,
  onChange,
  onRemove,
}: {
  index: number;
  value: VariantInput;
  onChange: (v: VariantInput) => void;
  onRemove?: () => void;
}) {
  const t = useTranslations("campaigns.abTest.form");
  const label = VARIANT_LABELS[index]!;
  const base = `variants.${index}`;
  return (
    <Card data-testid="ab-variant" data-label={label}>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <span aria-hidden className="flex size-6 items-center justify-center rounded-md bg-primary-soft text-sm text-primary-soft-foreground">
            {label}
          </span>
          {t("variant", { label })}
        </CardTitle>
        {onRemove && (
          <Button variant="subtle" size="icon-sm" onClick={onRemove} aria-label={t("removeVariant", { label })} title={t("removeVariant", { label })}>
            <Trash2 aria-hidden />
          </Button>
        )}
      </CardHeader>
      <CardContent className="space-y-3">
        <ToggleGroup
          size="sm"
          label={t("source", { label })}
          value={value.source}
          onValueChange={(source) => onChange({ ...value, source })}
          items={[
            { value: "text", label: t("sourceText") },
            { value: "draft", label: t("sourceDraft") },
          ]}
        />
        {value.source === "text" ? (
          <TextInput
            id={`ab-variant-${label}-text`}
            path={`${base}.messages.0.text`}
            label={t("text", { label })}
            value={value.text}
            onChange={(text) => onChange({ ...value, text })}
          />
        ) : (
          <DraftSelect
            id={`ab-variant-${label}-draft`}
            path={`${base}.draftId`}
            label={t("draft", { label })}
            value={value.draftId}
            onChange={(draftId) => onChange({ ...value, draftId })}
          />
        )}
        <PathErrors path={`${base}.messages`} />
        <PathErrors path={`${base}.label`} />
      </CardContent>
    </Card>
  );
}

function TextInput({ id, path, label, value, onChange }: { id: string; path: string; label: string; value: string; onChange: (v: string) => void }) {
  const invalid = useFieldIssues(path).length > 0;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <Textarea id={id} rows={4} maxLength={5000} value={value} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.target.value)} />
      <PathErrors path={path} />
    </div>
  );
}

function DraftSelect({ id, path, label, value, onChange }: { id: string; path: string; label: string; value: string; onChange: (v: string) => void }) {
  const t = useTranslations("campaigns.abTest.form");
  const tDrafts = useTranslations("composer.drafts");
  const tType = useTranslations("composer.types");
  const format = useFormatter();
  const drafts = useQuery(draftsQuery());
  const invalid = useFieldIssues(path).length > 0;
  const items = drafts.data?.items ?? [];
  const chosen = items.find((d) => d.id === value);
  const messages = (chosen?.body as { messages?: unknown[] } | undefined)?.messages ?? [];
  return (
    <div className="space-y-1.5" data-invalid={invalid || undefined}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <Select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid || undefined}
        className="w-full"
        disabled={drafts.isPending}
      >
        <option value="">{drafts.isPending ? t("draftsLoading") : items.length ? t("draftChoose") : t("draftsNone")}</option>
        {items.map((d) => (
          <option key={d.id} value={d.id}>
            {d.title || tDrafts("untitled")} · {format.dateTime(new Date(d.updatedAt), { dateStyle: "medium", timeStyle: "short" })}
          </option>
        ))}
      </Select>
      {chosen && <p className="truncate text-xs text-muted-foreground">{messagePreviewText(messages, tType) || t("draftEmpty")}</p>}
      <PathErrors path={path} />
    </div>
  );
}
