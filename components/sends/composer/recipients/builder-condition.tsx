"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { CircleAlert, X } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { TreeNode } from "@/lib/sends/composer/targeting-tree";
import { AGE_BUCKETS, SUBSCRIPTION_BUCKETS } from "@/lib/sends/narrowcast-schema";
import { sendListQuery } from "@/lib/client/messages";
import { cn } from "@/lib/utils/cn";
import { useFieldIssues } from "../issues-context";
import { AreaPicker } from "./area-picker";

type ConditionNode = Exclude<TreeNode, { kind: "group" }>;

/** One condition row: what it is about, its values, and a remove button. */
export function BuilderCondition({ node, onChange, onRemove }: { node: ConditionNode; onChange: (n: ConditionNode) => void; onRemove: () => void }) {
  const t = useTranslations("composer.builder");
  // An empty condition (nothing picked yet) is not sent and blocks sending: it says so right here.
  const problems = useFieldIssues(`targeting.${node.id}`);
  const hintId = `condition-${node.id}-problem`;
  return (
    <div
      data-testid="builder-condition"
      data-kind={node.kind}
      data-incomplete={problems.length > 0 || undefined}
      role="group"
      aria-label={t(`kinds.${node.kind}`)}
      aria-describedby={problems.length ? hintId : undefined}
      className={cn(
        "flex flex-wrap items-center gap-2 rounded-md border bg-surface-raised px-2.5 py-2 shadow-xs",
        problems.length ? "border-danger/60" : "border-border",
      )}
    >
      <span className="w-28 shrink-0 text-xs font-semibold">{t(`kinds.${node.kind}`)}</span>
      <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">
        <Values node={node} onChange={onChange} />
      </div>
      <Button size="icon-sm" variant="subtle" aria-label={t("removeCondition")} onClick={onRemove}>
        <X aria-hidden />
      </Button>
      {problems.length > 0 && (
        <p id={hintId} className="flex w-full items-center gap-1.5 text-xs text-danger" data-testid="condition-problem">
          <CircleAlert aria-hidden className="size-3.5 shrink-0" />
          {problems[0]!.text}
        </p>
      )}
    </div>
  );
}

function Values({ node, onChange }: { node: ConditionNode; onChange: (n: ConditionNode) => void }) {
  const t = useTranslations("composer.builder");
  switch (node.kind) {
    case "gender":
      return (
        <Chips options={["female", "male"] as const} value={node.oneOf} label={(v) => t(`gender.${v}`)} onChange={(oneOf) => onChange({ ...node, oneOf })} />
      );
    case "appType":
      return (
        <Chips
          options={["ios", "android"] as const}
          value={node.oneOf}
          label={(v) => (v === "ios" ? "iOS" : "Android")}
          onChange={(oneOf) => onChange({ ...node, oneOf })}
        />
      );
    case "age":
      return (
        <Range
          buckets={AGE_BUCKETS}
          gte={node.gte}
          lt={node.lt}
          fromLabel={(n) => t("age.from", { n })}
          toLabel={(n) => t("age.to", { n })}
          names={{ from: t("age.fromLabel"), to: t("age.toLabel"), any: t("noBound") }}
          onChange={(gte, lt) => onChange({ ...node, gte: gte as typeof node.gte, lt: lt as typeof node.lt })}
        />
      );
    case "subscriptionPeriod":
      return (
        <Range
          buckets={SUBSCRIPTION_BUCKETS}
          gte={node.gte}
          lt={node.lt}
          fromLabel={(n) => t("period.from", { n })}
          toLabel={(n) => t("period.to", { n })}
          names={{ from: t("period.fromLabel"), to: t("period.toLabel"), any: t("noBound") }}
          onChange={(gte, lt) => onChange({ ...node, gte: gte as typeof node.gte, lt: lt as typeof node.lt })}
        />
      );
    case "area":
      return <AreaPicker value={node.oneOf} onChange={(oneOf) => onChange({ ...node, oneOf })} />;
    case "audience":
      return (
        <Input
          type="number"
          min={1}
          className="w-48 font-mono"
          aria-label={t("audienceId")}
          placeholder={t("audienceId")}
          value={node.audienceGroupId ?? ""}
          onChange={(e) => onChange({ ...node, audienceGroupId: e.target.value ? Number(e.target.value) : null })}
        />
      );
    case "redelivery":
      return <RedeliveryPicker value={node.requestId} onChange={(requestId) => onChange({ ...node, requestId })} />;
  }
}

function Chips<V extends string>({
  options,
  value,
  label,
  onChange,
}: {
  options: readonly V[];
  value: V[];
  label: (v: V) => string;
  onChange: (v: V[]) => void;
}) {
  return (
    <div className="flex gap-1">
      {options.map((o) => {
        const on = value.includes(o);
        return (
          <button
            key={o}
            type="button"
            aria-pressed={on}
            onClick={() => onChange(on ? value.filter((v) => v !== o) : [...value, o])}
            className={cn(
              "h-7 rounded-full border px-3 text-xs font-medium transition-colors focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
              on ? "border-primary bg-primary text-primary-foreground" : "border-border bg-surface text-muted-foreground hover:bg-hover",
            )}
          >
            {label(o)}
          </button>
        );
      })}
    </div>
  );
}

interface RangeProps {
  buckets: readonly string[];
  gte?: string;
  lt?: string;
  fromLabel: (n: number) => string;
  toLabel: (n: number) => string;
  names: { from: string; to: string; any: string };
  onChange: (gte: string | undefined, lt: string | undefined) => void;
}

// LINE's buckets: "from" is inclusive (gte), "to" is exclusive (lt) and shown as "under N".
function Range({ buckets, gte, lt, fromLabel, toLabel, names, onChange }: RangeProps) {
  const n = (b: string) => Number(b.slice(4));
  return (
    <>
      <Select aria-label={names.from} value={gte ?? ""} onChange={(e) => onChange(e.target.value || undefined, lt)}>
        <option value="">{names.any}</option>
        {buckets.slice(0, -1).map((b) => (
          <option key={b} value={b} disabled={!!lt && buckets.indexOf(b) >= buckets.indexOf(lt)}>
            {fromLabel(n(b))}
          </option>
        ))}
      </Select>
      <span className="text-subtle-foreground">–</span>
      <Select aria-label={names.to} value={lt ?? ""} onChange={(e) => onChange(gte, e.target.value || undefined)}>
        <option value="">{names.any}</option>
        {buckets.slice(1).map((b) => (
          <option key={b} value={b} disabled={!!gte && buckets.indexOf(b) <= buckets.indexOf(gte)}>
            {toLabel(n(b))}
          </option>
        ))}
      </Select>
    </>
  );
}

/** Re-delivery goes to whoever received an earlier narrowcast: pick one from the history, or paste its request id. */
function RedeliveryPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const t = useTranslations("composer.builder");
  const format = useFormatter();
  const history = useInfiniteQuery(sendListQuery({ kind: "narrowcast", status: "sent" }));
  const earlier = (history.data?.pages.flatMap((p) => p.items) ?? []).filter((s) => s.lineRequestIds[0]);
  return (
    <>
      <Select
        aria-label={t("redeliveryPick")}
        value={earlier.some((s) => s.lineRequestIds[0] === value) ? value : ""}
        onChange={(e) => e.target.value && onChange(e.target.value)}
        className="max-w-64"
      >
        <option value="">{earlier.length ? t("redeliveryPick") : t("redeliveryNone")}</option>
        {earlier.map((s) => (
          <option key={s.id} value={s.lineRequestIds[0]}>
            {format.dateTime(new Date(s.createdAt), { dateStyle: "medium", timeStyle: "short" })} ·{" "}
            {String(
              (s.messages[0] as { text?: string; altText?: string } | undefined)?.text ?? (s.messages[0] as { altText?: string } | undefined)?.altText ?? "",
            ).slice(0, 24)}
          </option>
        ))}
      </Select>
      <Input
        className="w-72 font-mono text-xs"
        aria-label={t("requestId")}
        placeholder={t("requestId")}
        value={value}
        onChange={(e) => onChange(e.target.value.trim())}
      />
    </>
  );
}
