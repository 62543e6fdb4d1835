"use client";

import { CircleAlert } from "lucide-react";
import { Button } from "./button";
import { Dialog, DialogDescription, DialogTitle } from "./dialog";

interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: React.ReactNode;
  description?: React.ReactNode;
  confirmLabel: React.ReactNode;
  cancelLabel: React.ReactNode;
  onConfirm: () => void;
  /** "danger" for what cannot be undone (revoke, disable). */
  tone?: "danger" | "primary";
  pending?: boolean;
  /** Why the last attempt failed (the server's refusal), shown above the buttons. */
  error?: React.ReactNode;
  children?: React.ReactNode;
}

/** Asks before doing something consequential; stays open while it runs and shows why it failed. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel,
  onConfirm,
  tone = "danger",
  pending = false,
  error,
  children,
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} onOpenChange={(o) => !pending && onOpenChange(o)} role="alertdialog" aria-label={typeof title === "string" ? title : undefined}>
      <div className="space-y-2 px-5 pt-5 pb-4">
        <DialogTitle>{title}</DialogTitle>
        {description && <DialogDescription>{description}</DialogDescription>}
        {children}
        {error && (
          <div role="alert" className="flex items-start gap-2 rounded-md border border-danger/30 bg-danger/5 px-3 py-2 text-sm text-danger">
            <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
            <div className="min-w-0 flex-1">{error}</div>
          </div>
        )}
      </div>
      <div className="flex flex-wrap justify-end gap-2 border-t border-border bg-muted/40 px-5 py-3">
        {/* Focus starts on the safe choice when the action cannot be undone. */}
        <Button onClick={() => onOpenChange(false)} disabled={pending} autoFocus={tone === "danger"}>
          {cancelLabel}
        </Button>
        <Button variant={tone} onClick={onConfirm} disabled={pending} autoFocus={tone !== "danger"}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
