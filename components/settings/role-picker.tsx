"use client";

import { useTranslations } from "next-intl";
import { RoleBadge } from "@/components/auth/role-badge";
import { ROLES, type Role } from "@/lib/auth/roles";
import { cn } from "@/lib/utils/cn";

/** The three roles as radio cards, each saying what it allows (inviting a member, creating a key). */
export function RolePicker({ name, value, onChange, label }: { name: string; value: Role; onChange: (role: Role) => void; label: string }) {
  const t = useTranslations("roles");
  return (
    <fieldset className="space-y-1.5">
      <legend className="mb-1.5 block text-sm font-medium text-foreground">{label}</legend>
      <div className="grid gap-1.5">
        {ROLES.map((role) => (
          <label
            key={role}
            className={cn(
              "flex cursor-pointer items-start gap-3 rounded-lg border px-3 py-2.5 transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
              value === role ? "border-primary/60 bg-primary-soft/40" : "border-border hover:bg-hover",
            )}
          >
            <input
              type="radio"
              name={name}
              value={role}
              checked={value === role}
              onChange={() => onChange(role)}
              className="mt-1 size-3.5 shrink-0 accent-[var(--color-primary)]"
            />
            <span className="min-w-0 space-y-1">
              <RoleBadge role={role} />
              <span className="block text-xs text-muted-foreground">{t(`descriptions.${role}`)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
