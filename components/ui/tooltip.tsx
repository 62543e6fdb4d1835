"use client";

import * as TooltipPrimitive from "@radix-ui/react-tooltip";
import { cn } from "@/lib/utils/cn";
import { useLayerContainer } from "./layer-container";

interface TooltipProps {
  content: React.ReactNode;
  /** The trigger: one element that takes a ref and event handlers (Radix merges its own into it). */
  children: React.ReactElement;
  side?: "top" | "bottom" | "right";
  delay?: number;
  className?: string;
}

/** Delays shared by every tooltip: once one is open, moving to the next shows it at once. Mounted once, at the app root. */
export function TooltipProvider({ children }: { children: React.ReactNode }) {
  return (
    <TooltipPrimitive.Provider delayDuration={350} skipDelayDuration={300}>
      {children}
    </TooltipPrimitive.Provider>
  );
}

/**
 * Shows on hover and keyboard focus, hides on Escape. It stays open while the pointer moves onto it (WCAG
 * 1.4.13, content on hover must be hoverable), flips and shifts to stay on screen, and is portalled so no
 * scroll container clips it.
 */
export function Tooltip({ content, children, side = "top", delay, className }: TooltipProps) {
  const { container, collisionBoundary } = useLayerContainer();
  return (
    <TooltipPrimitive.Root delayDuration={delay}>
      <TooltipPrimitive.Trigger asChild>{children}</TooltipPrimitive.Trigger>
      <TooltipPrimitive.Portal container={container}>
        <TooltipPrimitive.Content
          collisionBoundary={collisionBoundary}
          side={side}
          sideOffset={side === "right" ? 8 : 6}
          collisionPadding={8}
          data-slot="tooltip"
          className={cn(
            "z-[100] max-w-[min(20rem,var(--radix-tooltip-content-available-width))] animate-fade-in rounded-md bg-foreground px-2 py-1 text-xs font-medium break-words text-background shadow-md",
            className,
          )}
        >
          {content}
        </TooltipPrimitive.Content>
      </TooltipPrimitive.Portal>
    </TooltipPrimitive.Root>
  );
}
