"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Pause, Play } from "lucide-react";
import { useTranslations } from "next-intl";
import { errorDescription } from "@/components/common/error-message";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toaster";
import { browserFetch, getJson, sendJson } from "@/lib/queries/api-client";

/** Start or stop steady random activity from the fake's friends, so the timeline has life in it. */
export function TrafficControl() {
  const t = useTranslations("demo");
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const status = useQuery({
    queryKey: ["demo", "traffic"],
    queryFn: ({ signal }) => getJson<{ running: boolean; generatedEvents: number }>(browserFetch, "/api/demo/traffic", signal),
    refetchInterval: (q) => (q.state.data?.running ? 2_000 : false),
  });
  const toggle = useMutation({
    mutationFn: () => (status.data?.running ? sendJson("DELETE", "/api/demo/traffic") : sendJson("POST", "/api/demo/traffic", { ratePerSecond: 2, durationMs: 120_000 })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["demo", "traffic"] }),
    onError: (err) => toast({ tone: "danger", title: t("trafficFailed"), description: errorDescription(err) }),
  });
  const running = status.data?.running ?? false;
  return (
    <Button variant={running ? "secondary" : "primary"} onClick={() => toggle.mutate()} disabled={toggle.isPending || status.isPending}>
      {running ? <Pause /> : <Play />}
      {running ? t("stopTraffic", { count: status.data?.generatedEvents ?? 0 }) : t("startTraffic")}
    </Button>
  );
}
