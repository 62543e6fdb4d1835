"use client";

import { useTranslations } from "next-intl";
import { RoleBadge } from "@/components/auth/role-badge";
import { ROLES, type ApiKeyRole } from "@/lib/auth/roles";
import { cn } from "@/lib/utils/cn";

/** The roles as radio cards, each saying what it allows: a member's three, or an API key's four (`roles`). */
export function RolePicker<R extends ApiKeyRole>({
  name,
  value,
  onChange,
  label,
  roles = ROLES as unknown as readonly R[],
}: {
  name: string;
  value: R;
  onChange: (role: R) => void;
  label: string;
  roles?: readonly R[];
}) {
  const t = useTranslations("roles");
  return (
    <fieldset className="space-y-1.5">
      <legend className="mb-1.5 block text-sm font-medium text-foreground">{label}</legend>
      <div className="grid gap-1.5">
        {roles.map((role) => (
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
              <span className="block text-xs text-muted-foreground">{t(`descriptions.${role as ApiKeyRole}`)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
