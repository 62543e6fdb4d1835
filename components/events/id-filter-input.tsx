"use client";

import { Fingerprint } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { InputWithIcon } from "@/components/ui/input";
import { idFilterKey } from "@/lib/events/event-filters";
import type { FilterPatch } from "./use-event-filters";

/** One box for user, group and room ids: LINE's prefix (U, C, R) says which filter it is. */
export function IdFilterInput({ onApply }: { onApply: (patch: FilterPatch) => void }) {
  const t = useTranslations("events.filters");
  const id = useId();
  const [value, setValue] = useState("");
  const [invalid, setInvalid] = useState(false);

  const apply = () => {
    const v = value.trim();
    if (!v) return setInvalid(false);
    const key = idFilterKey(v);
    if (!key) return setInvalid(true);
    onApply({ [key]: v });
    setValue("");
    setInvalid(false);
  };

  return (
    <div className="relative w-full sm:w-52">
      <InputWithIcon
        icon={<Fingerprint />}
        aria-label={t("idLabel")}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        placeholder={t("idPlaceholder")}
        value={value}
        spellCheck={false}
        onChange={(e) => {
          setValue(e.target.value);
          if (invalid) setInvalid(false);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            apply();
          }
        }}
        onBlur={apply}
        className="[&_input]:font-mono [&_input]:text-xs [&_input::placeholder]:font-sans [&_input::placeholder]:text-sm"
      />
      {invalid && (
        <p id={`${id}-error`} role="alert" className="absolute top-full left-0 z-10 mt-1 w-72 rounded-md border border-danger/30 bg-danger-soft px-2 py-1 text-xs text-danger-soft-foreground shadow-sm">
          {t("idInvalid")}
        </p>
      )}
    </div>
  );
}
