"use client";

import { CircleAlert, CircleCheck, Info, X } from "lucide-react";
import { createContext, use, useCallback, useMemo, useRef, useState } from "react";
import { cn } from "@/lib/utils/cn";

type ToastTone = "success" | "danger" | "info";
interface Toast {
  id: number;
  title: React.ReactNode;
  description?: React.ReactNode;
  tone: ToastTone;
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

/** Provides toast() and renders the stack in a polite live region, bottom right. */
export function Toaster({ children, dismissLabel }: { children: React.ReactNode; dismissLabel: string }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const api = useMemo<ToastApi>(
    () => ({
      // Failures stay longer: they carry an explanation (and sometimes LINE's words) worth reading.
      toast: ({ title, description, tone = "info", durationMs = tone === "danger" ? 8000 : 3500 }) => {
        const id = nextId.current++;
        setToasts((all) => [...all.slice(-3), { id, title, description, tone }]);
        setTimeout(() => dismiss(id), durationMs);
      },
    }),
    [dismiss],
  );
  return (
    <ToastContext value={api}>
      {children}
      <div
        aria-live="polite"
        role="status"
        data-slot="toaster"
        className="pointer-events-none fixed right-4 bottom-4 z-[90] flex w-[min(22rem,calc(100vw-2rem))] flex-col gap-2"
      >
        {toasts.map((t) => {
          const Icon = t.tone === "success" ? CircleCheck : t.tone === "danger" ? CircleAlert : Info;
          return (
            <div
              key={t.id}
              className="pointer-events-auto flex animate-pop-in items-start gap-2.5 rounded-lg border border-border bg-surface-raised p-3 shadow-lg"
            >
              <Icon
                aria-hidden
                className={cn("mt-0.5 size-4 shrink-0", t.tone === "success" ? "text-success" : t.tone === "danger" ? "text-danger" : "text-muted-foreground")}
              />
              <div className="min-w-0 flex-1">
                <p className="text-sm font-medium">{t.title}</p>
                {t.description && <div className="mt-0.5 text-xs text-muted-foreground">{t.description}</div>}
              </div>
              <button
                type="button"
                aria-label={dismissLabel}
                onClick={() => dismiss(t.id)}
                className="rounded p-0.5 text-subtle-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
              >
                <X className="size-3.5" aria-hidden />
              </button>
            </div>
          );
        })}
      </div>
    </ToastContext>
  );
}
