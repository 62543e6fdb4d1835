"use client";

import { Pause, Play } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useDemoTraffic } from "./use-demo-traffic";

/** Start or stop steady random activity from the fake's friends, so the timeline has life in it. */
export function TrafficControl() {
  const t = useTranslations("demo");
  const { status, toggle, running, events } = useDemoTraffic();
  return (
    <Button variant={running ? "secondary" : "primary"} onClick={() => toggle.mutate()} disabled={toggle.isPending || status.isPending}>
      {running ? <Pause /> : <Play />}
      {running ? t("stopTraffic", { count: events }) : t("startTraffic")}
    </Button>
  );
}
