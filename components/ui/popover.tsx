"use client";

import * as PopoverPrimitive from "@radix-ui/react-popover";
import { cn } from "@/lib/utils/cn";
import { useLayerContainer } from "./layer-container";

export const Popover = PopoverPrimitive.Root;
export const PopoverTrigger = PopoverPrimitive.Trigger;

/**
 * A non-modal panel next to its trigger: focus moves into it on open and back to the trigger on close;
 * Escape and a click outside close it. Portalled, and it flips to stay on screen.
 */
export function PopoverContent({ className, sideOffset = 4, ...props }: React.ComponentProps<typeof PopoverPrimitive.Content>) {
  const { container, collisionBoundary } = useLayerContainer();
  return (
    <PopoverPrimitive.Portal container={container}>
      <PopoverPrimitive.Content
        collisionBoundary={collisionBoundary}
        data-slot="popover"
        sideOffset={sideOffset}
        collisionPadding={8}
        className={cn("z-50 animate-pop-in rounded-lg border border-border bg-surface-raised p-3 shadow-lg outline-none", className)}
        {...props}
      />
    </PopoverPrimitive.Portal>
  );
}
