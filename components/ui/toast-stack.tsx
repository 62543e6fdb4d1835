"use client";

import * as ToastPrimitive from "@radix-ui/react-toast";
import { CircleAlert, CircleCheck, Info, X } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import type { Toast, ToasterLabels } from "./toaster";

/**
 * The toasts, bottom right, on Radix Toast: each is announced, its timer pauses while the pointer is over
 * the stack or focus is in it (a LINE error is never taken away while being read), F8 moves focus to the
 * stack, and a swipe to the right dismisses one. Loaded by toaster.tsx with the first toast.
 */
export function ToastStack({ toasts, labels, onDismiss }: { toasts: Toast[]; labels: ToasterLabels; onDismiss: (id: number) => void }) {
  return (
    <ToastPrimitive.Provider label={labels.toast} swipeDirection="right">
      {toasts.map((t) => {
        const Icon = t.tone === "success" ? CircleCheck : t.tone === "danger" ? CircleAlert : Info;
        return (
          <ToastPrimitive.Root
            key={t.id}
            duration={t.durationMs}
            // A failure interrupts (assertive); a confirmation waits its turn (polite).
            type={t.tone === "danger" ? "foreground" : "background"}
            onOpenChange={(open) => !open && onDismiss(t.id)}
            data-slot="toast"
            className="flex animate-pop-in items-start gap-2.5 rounded-lg border border-border bg-surface-raised p-3 shadow-lg outline-none focus-visible:ring-2 focus-visible:ring-ring data-[swipe=end]:translate-x-[var(--radix-toast-swipe-end-x)] data-[swipe=move]:translate-x-[var(--radix-toast-swipe-move-x)] data-[swipe=move]:transition-none"
          >
            <Icon
              aria-hidden
              className={cn("mt-0.5 size-4 shrink-0", t.tone === "success" ? "text-success" : t.tone === "danger" ? "text-danger" : "text-muted-foreground")}
            />
            <div className="min-w-0 flex-1">
              <ToastPrimitive.Title className="text-sm font-medium">{t.title}</ToastPrimitive.Title>
              {t.description && <ToastPrimitive.Description className="mt-0.5 text-xs text-muted-foreground">{t.description}</ToastPrimitive.Description>}
            </div>
            <ToastPrimitive.Close
              aria-label={labels.dismiss}
              className="rounded p-0.5 text-subtle-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            >
              <X className="size-3.5" aria-hidden />
            </ToastPrimitive.Close>
          </ToastPrimitive.Root>
        );
      })}
      <ToastPrimitive.Viewport
        label={labels.region}
        data-slot="toaster"
        className="fixed right-4 bottom-4 z-[90] flex w-[min(22rem,calc(100vw-2rem))] flex-col gap-2 outline-none"
      />
    </ToastPrimitive.Provider>
  );
}
