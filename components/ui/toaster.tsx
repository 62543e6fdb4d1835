"use client";

import * as ToastPrimitive from "@radix-ui/react-toast";
import { CircleAlert, CircleCheck, Info, X } from "lucide-react";
import { createContext, use, useCallback, useMemo, useRef, useState } from "react";
import { cn } from "@/lib/utils/cn";

type ToastTone = "success" | "danger" | "info";
interface Toast {
  id: number;
  title: React.ReactNode;
  description?: React.ReactNode;
  tone: ToastTone;
  durationMs: number;
}
interface ToastApi {
  toast: (t: { title: React.ReactNode; description?: React.ReactNode; tone?: ToastTone; durationMs?: number }) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function useToast(): ToastApi {
  const api = use(ToastContext);
  if (!api) throw new Error("useToast needs a <Toaster> above it");
  return api;
}

interface ToasterLabels {
  dismiss: string;
  /** Read before each toast's text, e.g. "Notification". */
  toast: string;
  /** The region's name, with the key that reaches it, e.g. "Notifications (F8)". */
  region: string;
}

/**
 * Provides toast() and renders the stack bottom right, on Radix Toast: each toast is announced, its timer
 * pauses while the pointer is over the stack or focus is in it (a LINE error is never taken away while
 * being read), F8 moves focus to the stack, and a swipe to the right dismisses one.
 */
export function Toaster({ children, labels }: { children: React.ReactNode; labels: ToasterLabels }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const api = useMemo<ToastApi>(
    () => ({
      // Failures stay longer: they carry an explanation (and sometimes LINE's words) worth reading.
      toast: ({ title, description, tone = "info", durationMs = tone === "danger" ? 8000 : 3500 }) => {
        const id = nextId.current++;
        setToasts((all) => [...all.slice(-3), { id, title, description, tone, durationMs }]);
      },
    }),
    [],
  );
  return (
    <ToastPrimitive.Provider label={labels.toast} swipeDirection="right">
      <ToastContext value={api}>{children}</ToastContext>
      {toasts.map((t) => {
        const Icon = t.tone === "success" ? CircleCheck : t.tone === "danger" ? CircleAlert : Info;
        return (
          <ToastPrimitive.Root
            key={t.id}
            duration={t.durationMs}
            // A failure interrupts (assertive); a confirmation waits its turn (polite).
            type={t.tone === "danger" ? "foreground" : "background"}
            onOpenChange={(open) => !open && dismiss(t.id)}
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
