"use client";

import { TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { Callout } from "@/components/ui/callout";
import { CopyButton } from "@/components/ui/copy-button";

/**
 * A secret the server answers only once (an invitation link, an API key): shown, copyable, warned about.
 * It takes focus as it replaces the form (whose submit button had it), selected, ready to copy.
 */
export function ShownOnceSecret({ value, label, warning, testId }: { value: string; label: string; warning: React.ReactNode; testId?: string }) {
  const tc = useTranslations("common");
  return (
    <div className="space-y-3">
      <div className="space-y-1.5">
        <p className="text-xs font-medium text-muted-foreground">{label}</p>
        <div className="flex items-center gap-1 rounded-md border border-border bg-muted/40 py-1 pr-1 pl-3 has-[input:focus-visible]:border-ring has-[input:focus-visible]:ring-2 has-[input:focus-visible]:ring-ring/30">
          <input
            readOnly
            autoFocus
            value={value}
            aria-label={label}
            data-testid={testId}
            onFocus={(e) => e.currentTarget.select()}
            className="min-w-0 flex-1 bg-transparent font-mono text-sm text-foreground outline-none"
          />
          <CopyButton value={value} label={tc("copy")} copiedLabel={tc("copied")} showLabel />
        </div>
      </div>
      <Callout tone="warning">
        <TriangleAlert aria-hidden />
        <p>{warning}</p>
      </Callout>
    </div>
  );
}
