"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { errorDescription } from "@/components/common/error-message";
import { useToast } from "@/components/ui/toaster";
import { DEMO_TRAFFIC, type TrafficStatus } from "@/lib/demo/traffic-settings";
import { browserFetch, getJson, sendJson } from "@/lib/client/api-client";

const KEY = ["demo", "traffic"] as const;

/** The fake's simulated activity (shared by the banner and the simulator): its state, and a toggle. */
export function useDemoTraffic() {
  const t = useTranslations("demo");
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const status = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => getJson<TrafficStatus>(browserFetch, "/api/demo/traffic", signal),
    // While it runs, the count moves; once it stops by itself the banner should say so.
    refetchInterval: (q) => (q.state.data?.running ? 3_000 : 30_000),
  });
  const toggle = useMutation({
    mutationFn: () => (status.data?.running ? sendJson("DELETE", "/api/demo/traffic") : sendJson("POST", "/api/demo/traffic", DEMO_TRAFFIC)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: KEY }),
    onError: (err) => toast({ tone: "danger", title: t("trafficFailed"), description: errorDescription(err) }),
  });
  return { status, toggle, running: status.data?.running ?? false, events: status.data?.generatedEvents ?? 0 };
}
