"use client";

import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import type { FieldIssue, IssueMap } from "@/lib/sends/composer/issues";
import { fieldError } from "./use-menu-issues";
import type { Draft } from "./use-menu-actions";

/** The menu's own fields: name (only the console and LINE's list see it), chat bar text, open by default, alias. */
export function MenuSettings({
  draft,
  onChange,
  issues,
  text,
  readOnly,
}: {
  draft: Draft;
  onChange: (draft: Draft) => void;
  issues: IssueMap;
  text: (i: FieldIssue) => string;
  readOnly?: boolean;
}) {
  const t = useTranslations("richMenus.settings");
  const set = (patch: Partial<Draft["body"]>) => onChange({ ...draft, body: { ...draft.body, ...patch } });
  return (
    <fieldset disabled={readOnly} className="grid gap-3 sm:grid-cols-2">
      <legend className="sr-only">{t("legend")}</legend>
      <FormField id="menu-name" label={t("name")} error={fieldError(issues, "name", text)} hint={t("nameHint")}>
        {(c) => <Input {...c} value={draft.body.name} maxLength={300} onChange={(e) => set({ name: e.target.value })} />}
      </FormField>
      <FormField
        id="menu-chat-bar"
        label={t("chatBarText")}
        error={fieldError(issues, "chatBarText", text)}
        hint={t("chatBarHint", { count: draft.body.chatBarText.length })}
      >
        {(c) => <Input {...c} value={draft.body.chatBarText} onChange={(e) => set({ chatBarText: e.target.value })} />}
      </FormField>
      <FormField id="menu-alias" label={t("alias")} error={fieldError(issues, "aliasId", text)} hint={t("aliasHint")}>
        {(c) => <Input {...c} value={draft.aliasId} placeholder="main-menu" onChange={(e) => onChange({ ...draft, aliasId: e.target.value })} />}
      </FormField>
      <div className="flex items-start gap-2 sm:pt-7">
        <Switch
          id="menu-selected"
          checked={draft.body.selected}
          onCheckedChange={(selected) => set({ selected })}
          aria-describedby="menu-selected-hint"
          className="mt-0.5"
        />
        <div className="min-w-0">
          <label htmlFor="menu-selected" className="block text-sm font-medium">
            {t("selected")}
          </label>
          <p id="menu-selected-hint" className="text-xs text-muted-foreground">
            {t("selectedHint")}
          </p>
        </div>
      </div>
    </fieldset>
  );
}
