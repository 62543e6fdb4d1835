"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { errorDescription } from "@/components/common/error-message";
import { useToast } from "@/components/ui/toaster";
import { sendJson } from "@/lib/client/api-client";
import { demoKeys } from "@/lib/client/demo";
import type { FriendAction } from "@/lib/demo/schemas";

/** Make a fake friend act; what they did reaches the console as a webhook, and their phone refreshes. */
export function useFriendAction(userId: string) {
  const t = useTranslations("demo");
  const queryClient = useQueryClient();
  const { toast } = useToast();
  return useMutation({
    mutationFn: ({ action, body }: { action: FriendAction; body?: Record<string, unknown> }) =>
      sendJson("POST", `/api/demo/friends/${userId}/${action}`, body ?? {}),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["demo"] });
      void queryClient.invalidateQueries({ queryKey: demoKeys.sent(userId) });
    },
    onError: (err) => toast({ tone: "danger", title: t("actionFailed"), description: errorDescription(err) }),
  });
}
