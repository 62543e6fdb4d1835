"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { createContext, use, useEffect, useMemo, useState } from "react";
import { Dialog } from "@/components/ui/dialog";

// The palette's commands, people search and filters load when it is first opened (or the pointer comes
// near its button): every page of the console carries this provider, few visits open the palette.
const loadPalette = () => import("./command-palette").then((m) => m.Palette);
const Palette = dynamic(loadPalette, { ssr: false });

const PaletteContext = createContext<{ open: () => void; prefetch: () => void } | null>(null);

export function useCommandPalette() {
  return use(PaletteContext) ?? { open: () => {}, prefetch: () => {} };
}

/** Ctrl/⌘+K anywhere opens the palette. */
export function CommandPaletteProvider({ children }: { children: React.ReactNode }) {
  const t = useTranslations("palette");
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && !e.altKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  const [opened, setOpened] = useState(false);
  if (open && !opened) setOpened(true);
  const value = useMemo(() => ({ open: () => setOpen(true), prefetch: () => void loadPalette() }), []);
  return (
    <PaletteContext value={value}>
      {children}
      <Dialog open={open} onOpenChange={setOpen} variant="palette" aria-label={t("label")}>
        {opened && <Palette onClose={() => setOpen(false)} />}
      </Dialog>
    </PaletteContext>
  );
}
