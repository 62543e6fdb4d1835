"use client";

import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import type { DraftMessage } from "@/lib/sends/composer/compose-state";
import { setIn } from "@/lib/sends/composer/set-in";
import { Field } from "../field";

interface Props {
  message: DraftMessage;
  onChange: (m: DraftMessage) => void;
  path: string;
}

/** Image, video and audio: HTTPS URLs (LINE fetches them), audio length, video tracking id. */
export function MediaEditor({ message, onChange, path }: Props) {
  const t = useTranslations("composer.media");
  const set = (key: string, value: unknown) => onChange(setIn(message, [key], value));
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field
        label={t(message.type === "audio" ? "audioUrl" : message.type === "video" ? "videoUrl" : "imageUrl")}
        path={`${path}.originalContentUrl`}
        className="sm:col-span-2"
      >
        {(p) => (
          <Input
            {...p}
            type="url"
            placeholder="https://"
            value={String(message.originalContentUrl ?? "")}
            onChange={(e) => set("originalContentUrl", e.target.value.trim())}
          />
        )}
      </Field>
      {message.type !== "audio" && (
        <Field label={t("previewUrl")} path={`${path}.previewImageUrl`} className="sm:col-span-2" hint={t("previewHint")}>
          {(p) => (
            <Input
              {...p}
              type="url"
              placeholder="https://"
              value={String(message.previewImageUrl ?? "")}
              onChange={(e) => set("previewImageUrl", e.target.value.trim())}
            />
          )}
        </Field>
      )}
      {message.type === "audio" && (
        <Field label={t("duration")} path={`${path}.duration`}>
          {(p) => (
            <Input
              {...p}
              type="number"
              min={1}
              step={1}
              value={Math.round(Number(message.duration ?? 0) / 1000)}
              onChange={(e) => set("duration", Math.max(0, Number(e.target.value)) * 1000)}
            />
          )}
        </Field>
      )}
      {message.type === "video" && (
        <Field label={t("trackingId")} path={`${path}.trackingId`} hint={t("trackingHint")}>
          {(p) => <Input {...p} value={String(message.trackingId ?? "")} onChange={(e) => set("trackingId", e.target.value.trim() || undefined)} />}
        </Field>
      )}
    </div>
  );
}

/** A place on the map: title, address and coordinates. */
export function LocationEditor({ message, onChange, path }: Props) {
  const t = useTranslations("composer.location");
  const set = (key: string, value: unknown) => onChange(setIn(message, [key], value));
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field label={t("title")} path={`${path}.title`} count={{ used: String(message.title ?? "").length, max: 100 }}>
        {(p) => <Input {...p} value={String(message.title ?? "")} onChange={(e) => set("title", e.target.value)} />}
      </Field>
      <Field label={t("address")} path={`${path}.address`} count={{ used: String(message.address ?? "").length, max: 100 }}>
        {(p) => <Input {...p} value={String(message.address ?? "")} onChange={(e) => set("address", e.target.value)} />}
      </Field>
      <Field label={t("latitude")} path={`${path}.latitude`}>
        {(p) => <Input {...p} type="number" step="any" value={String(message.latitude ?? "")} onChange={(e) => set("latitude", Number(e.target.value))} />}
      </Field>
      <Field label={t("longitude")} path={`${path}.longitude`}>
        {(p) => <Input {...p} type="number" step="any" value={String(message.longitude ?? "")} onChange={(e) => set("longitude", Number(e.target.value))} />}
      </Field>
    </div>
  );
}
