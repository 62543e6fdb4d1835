"use client";

import { Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { DraftMessage } from "@/lib/sends/composer/compose-state";
import { setIn } from "@/lib/sends/composer/set-in";
import { Field, PathErrors } from "../field";

type Area = { x: number; y: number; width: number; height: number };
type MapAction = { type: string; area: Area } & Record<string, unknown>;

/** An image (1040 px wide) with tappable areas that open links or send text. */
export function ImagemapEditor({ message, onChange, path }: { message: DraftMessage; onChange: (m: DraftMessage) => void; path: string }) {
  const t = useTranslations("composer.imagemap");
  const set = (keys: Array<string | number>, value: unknown) => onChange(setIn(message, keys, value));
  const actions = (message.actions as MapAction[]) ?? [];
  const height = Number((message.baseSize as { height?: number })?.height ?? 1040);
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_8rem]">
        <Field label={t("baseUrl")} path={`${path}.baseUrl`} hint={t("baseUrlHint")}>
          {(p) => <Input {...p} placeholder="https://" value={String(message.baseUrl ?? "")} onChange={(e) => set(["baseUrl"], e.target.value.trim())} />}
        </Field>
        <Field label={t("height")} path={`${path}.baseSize.height`}>
          {(p) => <Input {...p} type="number" min={1} value={height} onChange={(e) => set(["baseSize"], { width: 1040, height: Number(e.target.value) })} />}
        </Field>
      </div>
      <Field label={t("altText")} path={`${path}.altText`} count={{ used: String(message.altText ?? "").length, max: 400 }}>
        {(p) => <Input {...p} value={String(message.altText ?? "")} onChange={(e) => set(["altText"], e.target.value)} />}
      </Field>
      <div className="flex items-center justify-between">
        <span className="text-xs font-medium text-muted-foreground">{t("areas", { count: actions.length })}</span>
        <Button
          size="xs"
          disabled={actions.length >= 50}
          onClick={() => set(["actions"], [...actions, { type: "uri", linkUri: "https://", area: { x: 0, y: 0, width: 1040, height } }])}
        >
          <Plus aria-hidden />
          {t("addArea")}
        </Button>
      </div>
      {actions.map((a, i) => (
        <div key={i} className="space-y-2 rounded-md border border-border bg-muted/30 p-2.5">
          <div className="grid gap-2 sm:grid-cols-[7.5rem_minmax(0,1fr)_auto]">
            <Field label={t("type")}>
              {(p) => (
                <Select
                  {...p}
                  value={a.type}
                  onChange={(e) =>
                    set(
                      ["actions", i],
                      e.target.value === "uri" ? { type: "uri", linkUri: "https://", area: a.area } : { type: "message", text: "", area: a.area },
                    )
                  }
                >
                  <option value="uri">{t("uri")}</option>
                  <option value="message">{t("message")}</option>
                </Select>
              )}
            </Field>
            <Field label={a.type === "uri" ? t("uri") : t("message")} path={`${path}.actions.${i}.${a.type === "uri" ? "linkUri" : "text"}`}>
              {(p) => (
                <Input
                  {...p}
                  value={String(a.type === "uri" ? (a.linkUri ?? "") : (a.text ?? ""))}
                  onChange={(e) => set(["actions", i, a.type === "uri" ? "linkUri" : "text"], e.target.value)}
                />
              )}
            </Field>
            <Button
              variant="subtle"
              size="icon-sm"
              className="self-end"
              aria-label={t("removeArea")}
              onClick={() =>
                set(
                  ["actions"],
                  actions.filter((_, j) => j !== i),
                )
              }
            >
              <X aria-hidden />
            </Button>
          </div>
          <div className="grid grid-cols-4 gap-2">
            {(["x", "y", "width", "height"] as const).map((k) => (
              <Field key={k} label={t(`area.${k}`)}>
                {(p) => <Input {...p} type="number" min={0} value={a.area[k]} onChange={(e) => set(["actions", i, "area", k], Number(e.target.value))} />}
              </Field>
            ))}
          </div>
          <PathErrors path={`${path}.actions.${i}.area`} />
        </div>
      ))}
      <PathErrors path={`${path}.actions`} />
    </div>
  );
}
