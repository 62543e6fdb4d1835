"use client";

import { Play, Square } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCan } from "@/components/auth/member-context";
import { Button } from "@/components/ui/button";
import { StatusDot } from "@/components/ui/badge";
import { useDemoTraffic } from "./use-demo-traffic";

/** The banner's part: whether the simulated friends are writing, and how to stop (or restart) them. */
export function BannerTraffic() {
  const t = useTranslations("demo");
  const canToggle = useCan("operator");
  const { status, toggle, running, events } = useDemoTraffic();
  if (status.isPending || status.isError) return null;
  return (
    <span className="flex items-center gap-2" data-testid="demo-traffic" data-running={running}>
      <StatusDot tone={running ? "success" : "neutral"} pulse={running} />
      <span className="text-muted-foreground">{running ? t("bannerTrafficOn", { count: events }) : t("bannerTrafficOff")}</span>
      {canToggle && (
        <Button size="xs" variant="secondary" onClick={() => toggle.mutate()} disabled={toggle.isPending}>
          {running ? <Square aria-hidden /> : <Play aria-hidden />}
          {running ? t("bannerStop") : t("bannerStart")}
        </Button>
      )}
    </span>
  );
}
