"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ThemeProvider } from "next-themes";
import { useEffect } from "react";
import { Toaster } from "@/components/ui/toaster";
import { TooltipProvider } from "@/components/ui/tooltip";
import { getQueryClient } from "@/lib/client/query-client";
import { TimeZoneSync } from "./time-zone-sync";

/** `nonce`: this request's Content-Security-Policy nonce, for the theme script next-themes inlines. */
export function AppProviders({ children, nonce }: { children: React.ReactNode; nonce?: string }) {
  const t = useTranslations("common");
  const queryClient = getQueryClient();
  // Marks the page interactive (hydrated), for end-to-end tests and anyone scripting the console.
  useEffect(() => {
    document.documentElement.dataset.ready = "true";
  }, []);
  return (
    <QueryClientProvider client={queryClient}>
      <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
        <Toaster labels={{ dismiss: t("dismiss"), toast: t("notification"), region: t("notifications", { hotkey: "F8" }) }}>
          <TooltipProvider>
            <TimeZoneSync />
            {children}
          </TooltipProvider>
        </Toaster>
      </ThemeProvider>
    </QueryClientProvider>
  );
}
