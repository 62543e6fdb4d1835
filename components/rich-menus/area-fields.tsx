"use client";

import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { RichMenuArea, RichMenuAreaAction, RichMenuBounds } from "@/lib/rich-menus/rich-menu-schema";
import type { FieldIssue, IssueMap } from "@/lib/sends/composer/issues";
import { cn } from "@/lib/utils/cn";
import { fieldError } from "./use-menu-issues";

const ACTION_TYPES = ["postback", "message", "uri", "datetimepicker", "richmenuswitch"] as const;
const PICKER_MODES = ["date", "time", "datetime"] as const;

interface AreaFieldsProps {
  area: RichMenuArea;
  index: number;
  selected: boolean;
  onSelect: () => void;
  onChange: (area: RichMenuArea) => void;
  onRemove: () => void;
  issues: IssueMap;
  text: (issue: FieldIssue) => string;
  /** The aliases a switch can go to: the channel's menus' and this tabbed menu's. */
  aliases: string[];
  overlapsWith: number[];
  readOnly?: boolean;
}

/** One area: where it is (x, y, width, height in image pixels) and what tapping it does. */
export function AreaFields({ area, index, selected, onSelect, onChange, onRemove, issues, text, aliases, overlapsWith, readOnly }: AreaFieldsProps) {
  const t = useTranslations("richMenus.area");
  const base = `areas.${index}`;
  const err = (p: string) => fieldError(issues, `${base}.${p}`, text);
  const id = (p: string) => `area-${index}-${p}`;
  const setBound = (k: keyof RichMenuBounds, v: string) => onChange({ ...area, bounds: { ...area.bounds, [k]: Math.round(Number(v) || 0) } });
  const setAction = (patch: Partial<Record<string, unknown>>) => onChange({ ...area, action: { ...area.action, ...patch } as RichMenuAreaAction });
  const a = area.action;

  return (
    <fieldset
      data-testid={`area-fields-${index}`}
      className={cn("space-y-3 rounded-md border p-3", selected ? "border-primary bg-primary-soft/30" : "border-border")}
      onFocus={onSelect}
      disabled={readOnly}
    >
      <legend className="sr-only">{t("legend", { n: index + 1 })}</legend>
      <div className="flex items-center justify-between gap-2">
        <button
          type="button"
          onClick={onSelect}
          className="rounded text-sm font-semibold focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        >
          {t("title", { n: index + 1 })}
        </button>
        <Button size="xs" variant="subtle" onClick={onRemove} aria-label={t("remove", { n: index + 1 })}>
          <Trash2 aria-hidden />
        </Button>
      </div>
      <div className="grid grid-cols-4 gap-2">
        {(["x", "y", "width", "height"] as const).map((k) => (
          <FormField key={k} id={id(k)} label={t(`bounds.${k}`)} className="space-y-1 [&_label]:text-xs">
            {(c) => <Input {...c} type="number" min={0} value={area.bounds[k]} onChange={(e) => setBound(k, e.target.value)} />}
          </FormField>
        ))}
      </div>
      {err("bounds") && (
        <p role="alert" className="text-xs text-danger">
          {err("bounds")}
        </p>
      )}
      {overlapsWith.length > 0 && <p className="text-xs text-warning-soft-foreground">{t("overlap", { areas: overlapsWith.map((n) => n + 1).join(", ") })}</p>}
      <div className="grid gap-2 sm:grid-cols-2">
        <FormField id={id("type")} label={t("action")} className="space-y-1 [&_label]:text-xs">
          {(c) => (
            <Select
              {...c}
              value={a.type}
              onChange={(e) => onChange({ ...area, action: switchType(a, e.target.value as RichMenuAreaAction["type"], index, aliases) })}
            >
              {ACTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`types.${type}`)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField id={id("label")} label={t("label")} error={err("action.label")} className="space-y-1 [&_label]:text-xs">
          {(c) => <Input {...c} value={a.label ?? ""} maxLength={40} onChange={(e) => setAction({ label: e.target.value || undefined })} />}
        </FormField>
      </div>
      {a.type === "postback" && (
        <div className="grid gap-2 sm:grid-cols-2">
          <Text id={id("data")} label={t("data")} error={err("action.data")} value={a.data} onChange={(v) => setAction({ data: v })} />
          <Text
            id={id("displayText")}
            label={t("displayText")}
            error={err("action.displayText")}
            value={a.displayText ?? ""}
            onChange={(v) => setAction({ displayText: v || undefined })}
          />
        </div>
      )}
      {a.type === "message" && <Text id={id("text")} label={t("text")} error={err("action.text")} value={a.text} onChange={(v) => setAction({ text: v })} />}
      {a.type === "uri" && (
        <Text id={id("uri")} label={t("uri")} error={err("action.uri")} value={a.uri} onChange={(v) => setAction({ uri: v })} placeholder="https://" />
      )}
      {a.type === "datetimepicker" && (
        <div className="grid gap-2 sm:grid-cols-2">
          <FormField id={id("mode")} label={t("mode")} className="space-y-1 [&_label]:text-xs">
            {(c) => (
              <Select {...c} value={a.mode} onChange={(e) => setAction({ mode: e.target.value })}>
                {PICKER_MODES.map((m) => (
                  <option key={m} value={m}>
                    {t(`modes.${m}`)}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <Text id={id("data")} label={t("data")} error={err("action.data")} value={a.data} onChange={(v) => setAction({ data: v })} />
        </div>
      )}
      {a.type === "richmenuswitch" && (
        <div className="grid gap-2 sm:grid-cols-2">
          <FormField id={id("alias")} label={t("alias")} error={err("action.richMenuAliasId")} hint={t("aliasHint")} className="space-y-1 [&_label]:text-xs">
            {(c) => (
              <>
                <Input {...c} list={`${id("alias")}-options`} value={a.richMenuAliasId} onChange={(e) => setAction({ richMenuAliasId: e.target.value })} />
                <datalist id={`${id("alias")}-options`}>
                  {aliases.map((al) => (
                    <option key={al} value={al} />
                  ))}
                </datalist>
              </>
            )}
          </FormField>
          <Text id={id("data")} label={t("data")} error={err("action.data")} value={a.data} onChange={(v) => setAction({ data: v })} />
        </div>
      )}
    </fieldset>
  );
}

function Text(props: { id: string; label: string; error: string | null; value: string; onChange: (v: string) => void; placeholder?: string }) {
  return (
    <FormField id={props.id} label={props.label} error={props.error} className="space-y-1 [&_label]:text-xs">
      {(c) => <Input {...c} value={props.value} placeholder={props.placeholder} onChange={(e) => props.onChange(e.target.value)} />}
    </FormField>
  );
}

// A new type keeps the label and the data where both have one, and starts the rest empty (the schema says so).
function switchType(a: RichMenuAreaAction, type: RichMenuAreaAction["type"], index: number, aliases: string[]): RichMenuAreaAction {
  const label = a.label;
  const data = "data" in a ? a.data : `area-${index + 1}`;
  switch (type) {
    case "postback":
      return { type, label, data };
    case "message":
      return { type, label, text: label ?? "" };
    case "uri":
      return { type, label, uri: "https://" };
    case "datetimepicker":
      return { type, label, data, mode: "datetime" };
    case "richmenuswitch":
      return { type, label, data, richMenuAliasId: aliases[0] ?? "" };
  }
}
