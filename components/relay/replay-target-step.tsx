"use client";

import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { FormField } from "@/components/ui/form-field";
import type { RelayDestination, ReplayBody } from "@/lib/client/relay";
import { cn } from "@/lib/utils/cn";
import { useIssueText, type FormIssues } from "./form-issues";

export interface TargetState {
  kind: "destination" | "url";
  destinationId: string;
  url: string;
  secret: string;
}

export function targetOf(state: TargetState): ReplayBody["target"] {
  if (state.kind === "destination") return { destinationId: Number(state.destinationId) };
  return state.secret.trim() ? { url: state.url.trim(), secret: state.secret } : { url: state.url.trim() };
}

/** Where a replay goes: one of the destinations, or a URL just this once (with a secret to sign with, or none). */
export function ReplayTargetStep({
  value,
  onChange,
  destinations,
  issues,
}: {
  value: TargetState;
  onChange: (value: TargetState) => void;
  destinations: RelayDestination[];
  issues: FormIssues;
}) {
  const t = useTranslations("relay.replay");
  const issueText = useIssueText();
  const choice = (kind: TargetState["kind"], label: string, children: React.ReactNode) => (
    <div
      className={cn(
        "rounded-lg border px-3 py-2.5 transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
        value.kind === kind ? "border-primary/60 bg-primary-soft/40" : "border-border",
      )}
    >
      <label className="flex cursor-pointer items-center gap-3 text-sm font-medium">
        <input
          type="radio"
          name="replay-target"
          value={kind}
          checked={value.kind === kind}
          onChange={() => onChange({ ...value, kind })}
          className="size-3.5 shrink-0 accent-[var(--color-primary)]"
        />
        {label}
      </label>
      {value.kind === kind && <div className="mt-2.5 space-y-3 pl-6.5">{children}</div>}
    </div>
  );

  return (
    <fieldset className="space-y-2">
      <legend className="mb-1.5 block text-sm font-medium text-foreground">{t("target")}</legend>
      {destinations.length > 0 &&
        choice(
          "destination",
          t("toDestination"),
          <Select
            aria-label={t("destination")}
            className="w-full"
            value={value.destinationId}
            onChange={(e) => onChange({ ...value, destinationId: e.target.value })}
          >
            {destinations.map((d) => (
              <option key={d.id} value={String(d.id)}>
                {d.name}
              </option>
            ))}
          </Select>,
        )}
      {choice(
        "url",
        t("toUrl"),
        <>
          <FormField id="replay-url" label={t("url")} error={issueText(issues.url)}>
            {(control) => (
              <Input
                {...control}
                type="url"
                inputMode="url"
                autoComplete="off"
                spellCheck={false}
                className="font-mono"
                placeholder="https://"
                value={value.url}
                onChange={(e) => onChange({ ...value, url: e.target.value })}
              />
            )}
          </FormField>
          <FormField id="replay-secret" label={t("secret")} error={issueText(issues.secret)} hint={t("secretHint")}>
            {(control) => (
              <Input
                {...control}
                type="password"
                autoComplete="new-password"
                spellCheck={false}
                className="font-mono"
                value={value.secret}
                onChange={(e) => onChange({ ...value, secret: e.target.value })}
              />
            )}
          </FormField>
        </>,
      )}
    </fieldset>
  );
}
