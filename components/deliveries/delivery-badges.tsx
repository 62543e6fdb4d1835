"use client";

import { ShieldAlert, ShieldCheck, ShieldQuestion, ShieldX, Stethoscope } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { DeliveryItem } from "@/lib/webhook/serialize-delivery";

/** HTTP status as LINE received it: green for 2xx, red otherwise. */
export function StatusBadge({ status }: { status: number }) {
  const t = useTranslations("deliveries.status");
  const ok = status >= 200 && status < 300;
  return (
    <Badge tone={ok ? "success" : "danger"} className="font-mono tabular" title={ok ? t("accepted") : t("rejected")}>
      {status}
    </Badge>
  );
}

const signatureIcon = { valid: ShieldCheck, invalid: ShieldX, missing: ShieldAlert, unchecked: ShieldQuestion } as const;
const signatureTone = { valid: "success", invalid: "danger", missing: "danger", unchecked: "neutral" } as const;

export function SignatureBadge({ signature }: { signature: DeliveryItem["signature"] }) {
  const t = useTranslations("deliveries.signature");
  const Icon = signatureIcon[signature] ?? ShieldQuestion;
  return (
    <Badge tone={signatureTone[signature] ?? "neutral"} title={t(`${signature}Hint`)}>
      <Icon aria-hidden />
      {t(signature)}
    </Badge>
  );
}

export function VerifyBadge() {
  const t = useTranslations("deliveries");
  return (
    <Badge tone="info" title={t("verifyHint")}>
      <Stethoscope aria-hidden />
      {t("verify")}
    </Badge>
  );
}

/** Why a delivery was refused: the code translated, the detail exactly as it was recorded. */
export function RejectionReason({ reason, detail, className }: { reason: DeliveryItem["reason"]; detail: string | null; className?: string }) {
  const t = useTranslations("deliveries.reasons");
  if (!reason) return null;
  return (
    <span className={className}>
      <span className="font-medium text-danger-soft-foreground">{t.has(reason) ? t(reason) : reason}</span>
      {detail && <span className="ml-1.5 font-mono text-xs break-all text-muted-foreground">{detail}</span>}
    </span>
  );
}
