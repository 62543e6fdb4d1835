"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { errorDescription } from "@/components/common/error-message";
import { useToast } from "@/components/ui/toaster";
import { sendJson } from "@/lib/client/api-client";
import { segmentKeys } from "@/lib/client/segments";

/** Upload a segment to LINE as an audience, or delete it; toasts say how it went. */
export function useSegmentActions() {
  const t = useTranslations("segments.actions");
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const refresh = () => queryClient.invalidateQueries({ queryKey: segmentKeys.all });
  const upload = useMutation({
    mutationFn: (id: string) => sendJson("POST", `/api/segments/${id}/audience`, {}),
    onSuccess: () => {
      toast({ tone: "success", title: t("uploadStarted"), description: t("uploadStartedHint") });
      void refresh();
    },
    onError: (err) => toast({ tone: "danger", title: t("uploadFailed"), description: errorDescription(err) }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => sendJson("DELETE", `/api/segments/${id}`),
    onSuccess: () => {
      toast({ tone: "success", title: t("deleted") });
      void refresh();
    },
    onError: (err) => toast({ tone: "danger", title: t("deleteFailed"), description: errorDescription(err) }),
  });
  return { upload, remove };
}
