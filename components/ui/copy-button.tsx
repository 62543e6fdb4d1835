"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { cn } from "@/lib/utils/cn";
import { buttonVariants } from "./button";

interface CopyButtonProps {
  value: string;
  label: string;
  copiedLabel: string;
  /** Show the label next to the icon (otherwise icon only, label for assistive tech). */
  showLabel?: boolean;
  className?: string;
}

export function CopyButton({ value, label, copiedLabel, showLabel = false, className }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 1600);
    return () => clearTimeout(t);
  }, [copied]);

  return (
    <button
      type="button"
      data-slot="copy-button"
      aria-label={showLabel ? undefined : copied ? copiedLabel : label}
      onClick={async () => {
        await copyText(value);
        setCopied(true);
      }}
      className={cn(buttonVariants({ variant: showLabel ? "secondary" : "subtle", size: showLabel ? "sm" : "icon-sm" }), className)}
    >
      {copied ? <Check aria-hidden className="text-success" /> : <Copy aria-hidden />}
      {showLabel && <span aria-live="polite">{copied ? copiedLabel : label}</span>}
    </button>
  );
}

// The Clipboard API needs a secure context; a console reached over plain http on a LAN address is not one.
async function copyText(text: string) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}
