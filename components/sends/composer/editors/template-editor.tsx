"use client";

import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { ToggleGroup } from "@/components/ui/toggle-group";
import { Textarea } from "@/components/ui/textarea";
import type { DraftMessage } from "@/lib/sends/composer/compose-state";
import { setIn } from "@/lib/sends/composer/set-in";
import { Field, PathErrors } from "../field";
import { blankAction, type ActionObject } from "./action-editor";
import { ActionList } from "./action-list";
import { TemplateColumns } from "./template-columns";

type Template = { type: string } & Record<string, unknown>;
const TYPES = ["buttons", "confirm", "carousel", "image_carousel"] as const;

/** Buttons, confirm, carousel and image carousel templates, with LINE's limits per field. */
export function TemplateEditor({ message, onChange, path }: { message: DraftMessage; onChange: (m: DraftMessage) => void; path: string }) {
  const t = useTranslations("composer.template");
  const template = (message.template as Template) ?? { type: "buttons" };
  const setTemplate = (next: Template) => onChange({ ...message, template: next });
  const set = (keys: Array<string | number>, value: unknown) => setTemplate(setIn(template, keys, value));
  const tp = `${path}.template`;
  const hasMedia = Boolean(template.thumbnailImageUrl || template.title);

  return (
    <div className="space-y-3">
      <ToggleGroup
        size="sm"
        label={t("kind")}
        value={template.type as (typeof TYPES)[number]}
        onValueChange={(type) => setTemplate(starter(type, template))}
        items={TYPES.map((value) => ({ value, label: t(`types.${value}`) }))}
      />
      <Field label={t("altText")} path={`${path}.altText`} hint={t("altTextHint")} count={{ used: String(message.altText ?? "").length, max: 400 }}>
        {(p) => <Input {...p} value={String(message.altText ?? "")} onChange={(e) => onChange({ ...message, altText: e.target.value })} />}
      </Field>
      {template.type === "buttons" && (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("imageUrl")} path={`${tp}.thumbnailImageUrl`}>
            {(p) => (
              <Input
                {...p}
                placeholder="https://"
                value={String(template.thumbnailImageUrl ?? "")}
                onChange={(e) => set(["thumbnailImageUrl"], e.target.value.trim())}
              />
            )}
          </Field>
          <Field label={t("title")} path={`${tp}.title`} count={{ used: String(template.title ?? "").length, max: 40 }}>
            {(p) => <Input {...p} value={String(template.title ?? "")} onChange={(e) => set(["title"], e.target.value)} />}
          </Field>
        </div>
      )}
      {(template.type === "buttons" || template.type === "confirm") && (
        <Field
          label={t("text")}
          path={`${tp}.text`}
          count={{ used: String(template.text ?? "").length, max: template.type === "confirm" ? 240 : hasMedia ? 60 : 160 }}
        >
          {(p) => <Textarea {...p} rows={2} value={String(template.text ?? "")} onChange={(e) => set(["text"], e.target.value)} />}
        </Field>
      )}
      {(template.type === "buttons" || template.type === "confirm") && (
        <ActionList
          actions={(template.actions as ActionObject[]) ?? []}
          onChange={(actions) => set(["actions"], actions)}
          path={`${tp}.actions`}
          max={template.type === "confirm" ? 2 : 4}
          fixed={template.type === "confirm"}
        />
      )}
      {(template.type === "carousel" || template.type === "image_carousel") && <TemplateColumns template={template} onChange={setTemplate} path={tp} />}
      <PathErrors path={tp} />
    </div>
  );
}

// Switching template type keeps what still fits (text, actions) so the operator does not start over.
function starter(type: string, from: Template): Template {
  const actions = ((from.actions as ActionObject[]) ?? (from.columns as Array<{ actions?: ActionObject[] }> | undefined)?.[0]?.actions ?? []).slice(0, 3);
  const text = String(from.text ?? (from.columns as Array<{ text?: string }> | undefined)?.[0]?.text ?? "");
  switch (type) {
    case "confirm":
      return { type, text, actions: [actions[0] ?? blankAction("message", "Yes"), actions[1] ?? blankAction("message", "No")] };
    case "carousel":
      return { type, columns: [{ text, actions: actions.length ? actions : [blankAction("message")] }] };
    case "image_carousel":
      return { type, columns: [{ imageUrl: "", action: actions[0] ?? blankAction("uri") }] };
    default:
      return { type: "buttons", text, actions: actions.length ? actions : [blankAction("message")] };
  }
}
