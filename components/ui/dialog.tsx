"use client";

import { cva, type VariantProps } from "class-variance-authority";
import { X } from "lucide-react";
import { useEffect, useState } from "react";
import { cn } from "@/lib/utils/cn";
import { LayerContainerContext } from "./layer-container";

// Built on the native <dialog> opened with showModal(): the browser provides the top layer, the focus
// trap, inert background and Escape, so there is no focus-management code to get wrong here.
const panelVariants = cva(
  "m-0 max-h-none max-w-none overflow-hidden border-0 bg-surface-raised p-0 text-foreground shadow-lg outline-none backdrop:bg-[oklch(0.15_0.02_260/0.45)] backdrop:backdrop-blur-[1px]",
  {
    variants: {
      variant: {
        center: "fixed top-1/2 left-1/2 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl border border-border open:animate-pop-in",
        palette: "fixed top-[12vh] left-1/2 w-[min(40rem,calc(100vw-2rem))] -translate-x-1/2 rounded-xl border border-border open:animate-pop-in",
        "sheet-right":
          "fixed inset-y-0 right-0 left-auto open:flex h-dvh max-h-dvh w-[min(44rem,100vw)] flex-col border-l border-border open:animate-slide-in-right",
        "sheet-left":
          "fixed inset-y-0 left-0 right-auto open:flex h-dvh max-h-dvh w-[min(18rem,85vw)] flex-col border-r border-border open:animate-slide-in-left",
      },
    },
    defaultVariants: { variant: "center" },
  },
);

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

type DialogProps = Omit<React.ComponentProps<"dialog">, "open"> &
  VariantProps<typeof panelVariants> & {
    open: boolean;
    onOpenChange: (open: boolean) => void;
  };

export function Dialog({ open, onOpenChange, variant, className, children, ...props }: DialogProps) {
  // State, not a ref: the menus and tooltips inside render into the element.
  const [dialog, setDialog] = useState<HTMLDialogElement | null>(null);
  // The content mounts once the dialog is open, not with the render that opens it: a control's
  // autoFocus is a focus() call as it mounts, and in a closed (display: none) dialog that did nothing,
  // so showModal() put focus on the first control instead (the header's Close button).
  const [shown, setShown] = useState(false);

  useEffect(() => {
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- follows showModal(), a DOM call only an effect can make
    setShown(open);
  }, [open, dialog]);

  // Content without an autoFocus control: focus its first control, as showModal() does, rather than
  // leave it on the dialog box itself.
  useEffect(() => {
    if (shown && dialog && document.activeElement === dialog) dialog.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  }, [shown, dialog]);

  return (
    <dialog
      ref={setDialog}
      data-slot="dialog"
      className={cn(panelVariants({ variant }), className)}
      onCancel={(e) => {
        e.preventDefault();
        onOpenChange(false);
      }}
      // The close event comes a task after close(): if the dialog was opened again meanwhile (a quick
      // Cancel, then Enter), that stale event must not close the new one.
      onClose={(e) => open && !e.currentTarget.open && onOpenChange(false)}
      // A click whose target is the <dialog> itself landed on the backdrop.
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onOpenChange(false);
      }}
      {...props}
    >
      <LayerContainerContext value={dialog}>{open && shown ? children : null}</LayerContainerContext>
    </dialog>
  );
}

export function DialogHeader({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="dialog-header" className={cn("flex items-start gap-3 border-b border-border px-5 py-4", className)} {...props} />;
}

export function DialogTitle({ className, ...props }: React.ComponentProps<"h2">) {
  return <h2 data-slot="dialog-title" className={cn("text-base font-semibold", className)} {...props} />;
}

export function DialogDescription({ className, ...props }: React.ComponentProps<"p">) {
  return <p data-slot="dialog-description" className={cn("text-sm text-muted-foreground", className)} {...props} />;
}

export function DialogBody({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="dialog-body" className={cn("min-h-0 flex-1 overflow-y-auto scrollbar-thin", className)} {...props} />;
}

export function DialogClose({ label, onClick, className }: { label: string; onClick: () => void; className?: string }) {
  return (
    <button
      type="button"
      aria-label={label}
      onClick={onClick}
      className={cn(
        "ml-auto inline-flex size-7 shrink-0 items-center justify-center rounded-md text-muted-foreground transition-colors hover:bg-hover hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
        className,
      )}
    >
      <X className="size-4" aria-hidden />
    </button>
  );
}
