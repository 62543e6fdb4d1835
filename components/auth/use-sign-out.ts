"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { useToast } from "@/components/ui/toaster";

/**
 * Sign out: the session ends on the server (better-auth deletes it), then a full page load of the
 * sign-in page drops everything this tab held in memory (cached lists, the live stream).
 */
export function useSignOut() {
  const t = useTranslations("userMenu");
  const { toast } = useToast();
  const [pending, setPending] = useState(false);
  const signOut = useCallback(async () => {
    setPending(true);
    try {
      const res = await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      window.location.replace("/sign-in");
    } catch {
      setPending(false);
      toast({ tone: "danger", title: t("signOutFailed") });
    }
  }, [t, toast]);
  return { signOut, pending };
}
