"use client";

import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import type { ComposeState, LimitState } from "@/lib/sends/composer/compose-state";
import { incompleteConditions } from "@/lib/sends/composer/targeting-tree";
import { PathErrors } from "../field";
import { BuilderGroup } from "./builder-group";
import { TargetingSentence } from "./targeting-sentence";

interface Props {
  state: ComposeState;
  body: Record<string, unknown>;
  update: (patch: Partial<ComposeState>) => void;
}

/** Narrowcast: who (audiences, re-delivery), which of them (demographics), and how many at most. */
export function NarrowcastTargeting({ state, body, update }: Props) {
  const t = useTranslations("composer.narrowcast");
  const setLimit = (patch: Partial<LimitState>) => update({ limit: { ...state.limit, ...patch } });
  return (
    <div className="space-y-5">
      <section className="space-y-2" aria-labelledby="nc-filter">
        <div>
          <h3 id="nc-filter" className="text-sm font-semibold">
            {t("filterTitle")}
          </h3>
          <p className="text-xs text-muted-foreground">{t("filterHint")}</p>
        </div>
        <BuilderGroup group={state.filter} mode="demographic" depth={0} onChange={(filter) => update({ filter })} />
        <PathErrors path="filter.demographic" />
      </section>
      <section className="space-y-2" aria-labelledby="nc-recipient">
        <div>
          <h3 id="nc-recipient" className="text-sm font-semibold">
            {t("recipientTitle")}
          </h3>
          <p className="text-xs text-muted-foreground">{t("recipientHint")}</p>
        </div>
        <BuilderGroup group={state.recipient} mode="recipient" depth={0} onChange={(recipient) => update({ recipient })} />
        <PathErrors path="recipient" />
      </section>
      <section className="space-y-3" aria-labelledby="nc-limit">
        <h3 id="nc-limit" className="text-sm font-semibold">
          {t("limitTitle")}
        </h3>
        <div className="grid gap-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
          <div className="space-y-1.5">
            <label htmlFor="nc-max" className="text-xs font-medium text-muted-foreground">
              {t("max")}
            </label>
            <Input
              id="nc-max"
              type="number"
              min={1}
              placeholder={t("noMax")}
              value={state.limit.max ?? ""}
              onChange={(e) => setLimit({ max: e.target.value ? Math.max(1, Math.floor(Number(e.target.value))) : null })}
            />
          </div>
          <div className="space-y-2 pt-1">
            <label className="flex items-center gap-2 text-sm">
              <Switch
                checked={state.limit.upToRemainingQuota}
                onCheckedChange={(v) => setLimit({ upToRemainingQuota: v, ...(v ? {} : { forbidPartialDelivery: false }) })}
                aria-label={t("upToQuota")}
              />
              {t("upToQuota")}
            </label>
            <label className="flex items-center gap-2 text-sm">
              <Switch
                checked={state.limit.forbidPartialDelivery}
                disabled={!state.limit.upToRemainingQuota}
                onCheckedChange={(v) => setLimit({ forbidPartialDelivery: v })}
                aria-label={t("forbidPartial")}
              />
              {t("forbidPartial")}
            </label>
            <p className="text-2xs text-subtle-foreground">{t("limitHint")}</p>
          </div>
        </div>
        <PathErrors path="limit" />
      </section>
      <TargetingSentence body={body} incomplete={incompleteConditions(state.filter).length + incompleteConditions(state.recipient).length} />
    </div>
  );
}
