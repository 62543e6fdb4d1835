"use client";

import dynamic from "next/dynamic";
import { createContext, use, useCallback, useMemo, useRef, useState } from "react";

// Radix Toast and the stack load with the first toast: most page views show none, and every page
// carries this provider.
const ToastStack = dynamic(() => import("./toast-stack").then((m) => m.ToastStack), { ssr: false });

export type ToastTone = "success" | "danger" | "info";
export interface Toast {
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

export interface ToasterLabels {
  dismiss: string;
  /** Read before each toast's text, e.g. "Notification". */
  toast: string;
  /** The region's name, with the key that reaches it, e.g. "Notifications (F8)". */
  region: string;
}

/** Provides toast(); the stack itself (toast-stack.tsx, on Radix Toast) loads with the first toast. */
export function Toaster({ children, labels }: { children: React.ReactNode; labels: ToasterLabels }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  // Once the stack has loaded it stays mounted, so its region and F8 shortcut stay in place.
  const [stackShown, setStackShown] = useState(false);
  if (toasts.length > 0 && !stackShown) setStackShown(true);
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
    <>
      <ToastContext value={api}>{children}</ToastContext>
      {stackShown && <ToastStack toasts={toasts} labels={labels} onDismiss={dismiss} />}
    </>
  );
}
