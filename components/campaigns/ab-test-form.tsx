"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, FlaskConical, Plus } from "lucide-react";
import { useNow, useTimeZone, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ConsoleLink as Link, useConsoleRouter } from "@/components/common/console-link";
import { ErrorAlert } from "@/components/common/error-message";
import { PageContainer, PageHeader } from "@/components/common/page-header";
import { fromLocalInput, toLocalInput } from "@/components/events/time-range";
import { IssuesProvider, useFieldIssues } from "@/components/sends/composer/issues-context";
import { PathErrors } from "@/components/sends/composer/field";
import { SegmentPicker } from "@/components/sends/composer/recipients/segment-picker";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { ToggleGroup } from "@/components/ui/toggle-group";
import { useToast } from "@/components/ui/toaster";
import { createAbTestBodySchema, VARIANT_LABELS, type AbMetric, type CreateAbTestInput } from "@/lib/campaigns/ab-test-schemas";
import { ApiError, sendJson } from "@/lib/client/api-client";
import { campaignKeys } from "@/lib/client/campaigns";
import { issuesFromDetails, issuesFromZod, type IssueMap } from "@/lib/sends/composer/issues";
import { AbTestShares, useShareSentence } from "./ab-test-shares";
import { AbTestVariantCard, type VariantInput } from "./ab-test-variant-card";

const HOUR = 3_600_000;

interface FormState {
  name: string;
  audience: "all" | "segment";
  segmentId: string | null;
  variants: VariantInput[];
  sharePercent: string;
  holdoutPercent: string;
  /** ISO instant; the input shows it in the operator's time zone. */
  decideAt: string;
  metric: AbMetric;
  autoSendWinner: boolean;
}

const newVariant = (): VariantInput => ({ source: "text", text: "", draftId: "" });

/**
 * /campaigns/ab-tests/new: an A/B test — its name, who it is for, 2–4 variants (a saved draft or a text
 * typed here), each variant's share and the holdout with a live sentence of who gets what, when to pick
 * the winner, by which figure, and whether it is sent by itself. Checked with the API's own schema.
 */
export function AbTestForm() {
  const t = useTranslations("campaigns.abTest.form");
  const router = useConsoleRouter();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const timeZone = useTimeZone() ?? "UTC";
  const now = useNow();
  const [state, setState] = useState<FormState>(() => ({
    name: "",
    audience: "all",
    segmentId: null,
    variants: [newVariant(), newVariant()],
    sharePercent: "10",
    holdoutPercent: "10",
    decideAt: new Date(Math.ceil((now.getTime() + 24 * HOUR) / HOUR) * HOUR).toISOString(),
    metric: "open",
    autoSendWinner: false,
  }));
  const [submitted, setSubmitted] = useState(false);
  const [serverIssues, setServerIssues] = useState<IssueMap>(new Map());
  const [confirming, setConfirming] = useState<CreateAbTestInput | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [focusTick, setFocusTick] = useState(0);
  const body = toBody(state);
  const parsed = createAbTestBodySchema.safeParse(body);
  const issues = submitted ? (parsed.success ? serverIssues : issuesFromZod(parsed.error)) : serverIssues;
  const sentence = useShareSentence(state);
  const update = (patch: Partial<FormState>) => {
    setServerIssues(new Map());
    setState((s) => ({ ...s, ...patch }));
  };

  // After a refused submit, the first field with a problem takes the focus.
  useEffect(() => {
    if (focusTick) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"] input')?.focus();
  }, [focusTick]);

  const create = useMutation({
    mutationFn: (b: CreateAbTestInput) => sendJson<{ id: string; name: string }>("POST", "/api/campaigns/ab-tests", b),
    onSuccess: (made) => {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.all });
      toast({ tone: "success", title: t("created", { name: made.name }) });
      router.push(`/campaigns/${made.id}`);
    },
    onError: (err) => {
      setConfirming(null);
      if (err instanceof ApiError && err.details?.length) {
        setServerIssues(issuesFromDetails(err.details));
        setFocusTick((n) => n + 1);
      }
    },
  });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!parsed.success) return setFocusTick((n) => n + 1);
    create.reset();
    setConfirming(body);
  };

  return (
    <PageContainer className="max-w-4xl space-y-5">
      <Link href="/campaigns" className={buttonVariants({ variant: "subtle", size: "xs", className: "-ml-1" })}>
        <ArrowLeft aria-hidden />
        {t("back")}
      </Link>
      <PageHeader title={t("title")} description={t("description")} />
      <IssuesProvider value={issues}>
        <form ref={formRef} onSubmit={submit} noValidate className="space-y-5" aria-label={t("title")}>
          <Card>
            <CardContent className="space-y-1.5 pt-4">
              <TextField
                id="ab-name"
                path="name"
                label={t("name")}
                value={state.name}
                onChange={(name) => update({ name })}
                placeholder={t("namePlaceholder")}
              />
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <div>
                <CardTitle>{t("audienceTitle")}</CardTitle>
                <CardDescription>{t("audienceHint")}</CardDescription>
              </div>
            </CardHeader>
            <CardContent className="space-y-3">
              <ToggleGroup
                label={t("audienceTitle")}
                value={state.audience}
                onValueChange={(audience) => update({ audience })}
                items={[
                  { value: "all", label: t("audienceAll") },
                  { value: "segment", label: t("audienceSegment") },
                ]}
              />
              {state.audience === "segment" && <SegmentPicker value={state.segmentId} onChange={(segmentId) => update({ segmentId })} />}
              <PathErrors path="audience" />
              <PathErrors path="audience.segmentId" />
            </CardContent>
          </Card>

          <section aria-labelledby="ab-variants-title" className="space-y-3">
            <div className="flex flex-wrap items-end justify-between gap-2">
              <div>
                <h2 id="ab-variants-title" className="text-base font-semibold">
                  {t("variantsTitle")}
                </h2>
                <p className="text-sm text-muted-foreground">{t("variantsHint")}</p>
              </div>
              {state.variants.length < VARIANT_LABELS.length && (
                <Button size="sm" onClick={() => update({ variants: [...state.variants, newVariant()] })} data-testid="ab-add-variant">
                  <Plus aria-hidden />
                  {t("addVariant", { label: VARIANT_LABELS[state.variants.length]! })}
                </Button>
              )}
            </div>
            <div className="grid gap-3 md:grid-cols-2">
              {state.variants.map((v, i) => (
                <AbTestVariantCard
                  key={i}
                  index={i}
                  value={v}
                  onChange={(next) => update({ variants: state.variants.map((x, j) => (j === i ? next : x)) })}
                  onRemove={state.variants.length > 2 ? () => update({ variants: state.variants.filter((_, j) => j !== i) }) : undefined}
                />
              ))}
            </div>
            <PathErrors path="variants" />
          </section>

          <AbTestShares sharePercent={state.sharePercent} holdoutPercent={state.holdoutPercent} onChange={(patch) => update(patch)} sentence={sentence} />

          <Card>
            <CardHeader>
              <CardTitle>{t("decideTitle")}</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-4 sm:grid-cols-2">
              <DecideAtField value={state.decideAt} timeZone={timeZone} onChange={(decideAt) => update({ decideAt })} />
              <div className="space-y-1.5">
                <span id="ab-metric-label" className="block text-sm font-medium">
                  {t("metric")}
                </span>
                <ToggleGroup
                  label={t("metric")}
                  value={state.metric}
                  onValueChange={(metric) => update({ metric })}
                  items={[
                    { value: "open", label: t("metricOpen") },
                    { value: "click", label: t("metricClick") },
                  ]}
                />
                <p className="text-xs text-muted-foreground">{t("metricHint")}</p>
              </div>
              <div className="flex items-start gap-3 sm:col-span-2">
                <Switch
                  id="ab-auto"
                  checked={state.autoSendWinner}
                  onCheckedChange={(autoSendWinner) => update({ autoSendWinner })}
                  aria-describedby="ab-auto-hint"
                  className="mt-0.5"
                />
                <div>
                  <label htmlFor="ab-auto" className="text-sm font-medium">
                    {t("auto")}
                  </label>
                  <p id="ab-auto-hint" className="text-xs text-muted-foreground">
                    {t("autoHint")}
                  </p>
                </div>
              </div>
            </CardContent>
          </Card>

          {submitted && !parsed.success && (
            <p role="alert" className="text-sm text-danger-soft-foreground">
              {t("fixProblems", { count: parsed.error.issues.length })}
            </p>
          )}
          {create.isError && !(create.error instanceof ApiError && create.error.details?.length) && <ErrorAlert error={create.error} />}
          <div className="flex justify-end">
            <Button type="submit" variant="primary" disabled={create.isPending} data-testid="ab-start">
              <FlaskConical aria-hidden />
              {t("start")}
            </Button>
          </div>
        </form>
      </IssuesProvider>
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(o) => !o && setConfirming(null)}
        tone="primary"
        title={t("confirmTitle", { count: state.variants.length })}
        description={sentence ?? t("confirmNoCount")}
        confirmLabel={t("confirm")}
        cancelLabel={t("cancel")}
        onConfirm={() => confirming && create.mutate(confirming)}
        pending={create.isPending}
      />
    </PageContainer>
  );
}

function TextField({
  id,
  path,
  label,
  value,
  onChange,
  placeholder,
}: {
  id: string;
  path: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
}) {
  const invalid = useFieldIssues(path).length > 0;
  return (
    <>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <Input id={id} value={value} maxLength={100} placeholder={placeholder} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.target.value)} />
      <PathErrors path={path} />
    </>
  );
}

function DecideAtField({ value, timeZone, onChange }: { value: string; timeZone: string; onChange: (iso: string) => void }) {
  const t = useTranslations("campaigns.abTest.form");
  const invalid = useFieldIssues("decideAt").length > 0;
  return (
    <div className="space-y-1.5">
      <label htmlFor="ab-decide-at" className="block text-sm font-medium">
        {t("decideAt")}
      </label>
      <Input
        id="ab-decide-at"
        type="datetime-local"
        value={toLocalInput(value, timeZone)}
        aria-invalid={invalid || undefined}
        aria-describedby="ab-decide-at-hint"
        onChange={(e) => onChange(fromLocalInput(e.target.value, timeZone) ?? "")}
      />
      <p id="ab-decide-at-hint" className="text-xs text-muted-foreground">
        {t("decideAtHint", { zone: timeZone })}
      </p>
      <PathErrors path="decideAt" />
    </div>
  );
}

/** The form as the API's body (what the shared schema checks, here and on the server). */
function toBody(s: FormState): CreateAbTestInput {
  return {
    name: s.name,
    audience: s.audience === "segment" ? { kind: "segment", segmentId: s.segmentId ?? "" } : { kind: "all" },
    variants: s.variants.map((v, i) => ({
      label: VARIANT_LABELS[i]!,
      ...(v.source === "draft" ? (v.draftId ? { draftId: v.draftId } : {}) : { messages: [{ type: "text" as const, text: v.text }] }),
    })),
    sharePercent: Number(s.sharePercent),
    holdoutPercent: s.holdoutPercent.trim() === "" ? 0 : Number(s.holdoutPercent),
    decideAt: s.decideAt,
    metric: s.metric,
    autoSendWinner: s.autoSendWinner,
  };
}
