"use client";

import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Field, PathErrors } from "../field";

export type ActionObject = { type: string } & Record<string, unknown>;

const VALUE_KEY: Record<string, string> = { message: "text", uri: "uri", postback: "data", clipboard: "clipboardText", datetimepicker: "data" };

interface ActionEditorProps {
  action: ActionObject;
  onChange: (a: ActionObject) => void;
  onRemove?: () => void;
  path: string;
  /** Quick replies may also open the camera, the camera roll or a location picker. */
  quickReply?: boolean;
  labelOptional?: boolean;
}

/** One action: what tapping does (send text, open a link, postback…) and its button label. */
export function ActionEditor({ action, onChange, onRemove, path, quickReply = false }: ActionEditorProps) {
  const t = useTranslations("composer.action");
  const types = ["message", "uri", "postback", "datetimepicker", "clipboard", ...(quickReply ? ["camera", "cameraRoll", "location"] : [])];
  const valueKey = VALUE_KEY[action.type];
  const label = String(action.label ?? "");
  return (
    <div className="grid gap-2 rounded-md border border-border bg-muted/30 p-2.5 sm:grid-cols-[8.5rem_minmax(0,1fr)_minmax(0,1.4fr)_auto]">
      <Field label={t("type")}>
        {(p) => (
          <Select {...p} value={action.type} onChange={(e) => onChange(blankAction(e.target.value, label))}>
            {types.map((ty) => (
              <option key={ty} value={ty}>
                {t(`types.${ty}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t("label")} path={`${path}.label`} count={{ used: label.length, max: 20 }}>
        {(p) => <Input {...p} value={label} onChange={(e) => onChange({ ...action, label: e.target.value })} />}
      </Field>
      {valueKey ? (
        <Field label={t(`values.${action.type}`)} path={`${path}.${valueKey}`}>
          {(p) => (
            <Input
              {...p}
              value={String(action[valueKey] ?? "")}
              placeholder={action.type === "uri" ? "https://" : undefined}
              onChange={(e) => onChange({ ...action, [valueKey]: e.target.value })}
            />
          )}
        </Field>
      ) : (
        <div />
      )}
      {onRemove ? (
        <Button variant="subtle" size="icon-sm" className="self-end" aria-label={t("remove")} onClick={onRemove}>
          <X aria-hidden />
        </Button>
      ) : (
        <div />
      )}
      <PathErrors path={path} className="sm:col-span-4" />
    </div>
  );
}

export function blankAction(type: string, label = ""): ActionObject {
  switch (type) {
    case "uri":
      return { type, label, uri: "https://" };
    case "postback":
      return { type, label, data: "" };
    case "datetimepicker":
      return { type, label, data: "", mode: "datetime" };
    case "clipboard":
      return { type, label, clipboardText: "" };
    case "camera":
    case "cameraRoll":
    case "location":
      return { type, label };
    default:
      return { type: "message", label, text: "" };
  }
}
