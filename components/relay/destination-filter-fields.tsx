"use client";

import { useTranslations } from "next-intl";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { KNOWN_EVENT_TYPES, RELAY_MODES, RELAY_SOURCE_TYPES } from "@/lib/relay/schemas";

export interface FilterState {
  eventTypes: string[];
  /** Types LINE adds later, typed by the admin (comma or space separated). */
  otherTypes: string;
  sourceTypes: string[];
  modes: string[];
}

/** The event types a destination gets: the ticked known ones and the typed ones; null (all) when none. */
export function eventTypesOf(state: FilterState): string[] | null {
  const typed = state.otherTypes.split(/[\s,、，]+/).filter(Boolean);
  const all = [...state.eventTypes, ...typed];
  return all.length ? all : null;
}

export function filterStateOf(d: { eventTypes: string[] | null; sourceTypes: string[] | null; modes: string[] | null } | null): FilterState {
  const known = (d?.eventTypes ?? []).filter((t) => (KNOWN_EVENT_TYPES as readonly string[]).includes(t));
  const other = (d?.eventTypes ?? []).filter((t) => !(KNOWN_EVENT_TYPES as readonly string[]).includes(t));
  return { eventTypes: known, otherTypes: other.join(", "), sourceTypes: d?.sourceTypes ?? [], modes: d?.modes ?? [] };
}

/** Which events go to a destination: types, sources and mode; nothing ticked means all of them. */
export function DestinationFilterFields({
  value,
  onChange,
  eventTypesError,
}: {
  value: FilterState;
  onChange: (value: FilterState) => void;
  eventTypesError?: string;
}) {
  const t = useTranslations("relay.form");
  const te = useTranslations("eventTypes");
  const ts = useTranslations("sourceTypes");
  const toggle = (list: string[], item: string, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

  return (
    <fieldset className="space-y-3 rounded-lg border border-border px-3 pt-1 pb-3">
      <legend className="px-1 text-sm font-medium text-foreground">{t("filters")}</legend>
      <p className="text-xs text-muted-foreground">{t("filtersHint")}</p>
      <fieldset>
        <legend className="mb-1.5 text-xs font-medium text-muted-foreground">{t("eventTypes")}</legend>
        <div className="grid grid-cols-2 gap-x-3 gap-y-1.5 sm:grid-cols-3">
          {KNOWN_EVENT_TYPES.map((type) => (
            <label key={type} className="flex min-w-0 cursor-pointer items-center gap-2 text-sm">
              <Checkbox
                checked={value.eventTypes.includes(type)}
                onChange={(e) => onChange({ ...value, eventTypes: toggle(value.eventTypes, type, e.target.checked) })}
              />
              <span className="truncate">{te.has(type) ? te(type) : type}</span>
            </label>
          ))}
        </div>
        <label htmlFor="relay-other-types" className="mt-2.5 block text-xs font-medium text-muted-foreground">
          {t("otherTypes")}
        </label>
        <Input
          id="relay-other-types"
          className="mt-1 font-mono"
          autoComplete="off"
          value={value.otherTypes}
          onChange={(e) => onChange({ ...value, otherTypes: e.target.value })}
          aria-invalid={eventTypesError ? true : undefined}
          aria-describedby={eventTypesError ? "relay-other-types-error" : "relay-other-types-hint"}
        />
        {eventTypesError ? (
          <p id="relay-other-types-error" className="mt-1 text-xs text-danger">
            {eventTypesError}
          </p>
        ) : (
          <p id="relay-other-types-hint" className="mt-1 text-xs text-muted-foreground">
            {t("otherTypesHint")}
          </p>
        )}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <fieldset>
          <legend className="mb-1.5 text-xs font-medium text-muted-foreground">{t("sourceTypes")}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1.5">
            {RELAY_SOURCE_TYPES.map((type) => (
              <label key={type} className="flex cursor-pointer items-center gap-2 text-sm">
                <Checkbox
                  checked={value.sourceTypes.includes(type)}
                  onChange={(e) => onChange({ ...value, sourceTypes: toggle(value.sourceTypes, type, e.target.checked) })}
                />
                {ts(type)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="mb-1.5 text-xs font-medium text-muted-foreground">{t("modes")}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1.5">
            {RELAY_MODES.map((mode) => (
              <label key={mode} className="flex cursor-pointer items-center gap-2 text-sm">
                <Checkbox checked={value.modes.includes(mode)} onChange={(e) => onChange({ ...value, modes: toggle(value.modes, mode, e.target.checked) })} />
                {t(`mode.${mode}`)}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
    </fieldset>
  );
}
