"use client";

import { cloneElement, isValidElement, useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { cn } from "@/lib/utils/cn";

interface TooltipProps {
  content: React.ReactNode;
  children: React.ReactElement<{ "aria-describedby"?: string }>;
  side?: "top" | "bottom" | "right";
  delay?: number;
  className?: string;
  /** Classes for the wrapper around the trigger (e.g. "flex w-full" for a full-width trigger). */
  anchorClassName?: string;
}

/** Shows on hover and keyboard focus, hides on Escape; fixed-positioned in a portal so no scroll container clips it. */
export function Tooltip({ content, children, side = "top", delay = 350, className, anchorClassName }: TooltipProps) {
  const id = useId();
  const anchorRef = useRef<HTMLSpanElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [pos, setPos] = useState<{ x: number; y: number; side: "top" | "bottom" | "right" } | null>(null);

  const show = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const r = anchorRef.current?.firstElementChild?.getBoundingClientRect() ?? anchorRef.current?.getBoundingClientRect();
      if (!r) return;
      if (side === "right") return setPos({ x: r.right + 8, y: r.top + r.height / 2, side });
      const flip = side === "top" && r.top < 48;
      setPos({ x: r.left + r.width / 2, y: flip || side === "bottom" ? r.bottom + 6 : r.top - 6, side: flip ? "bottom" : side });
    }, delay);
  };
  const hide = () => {
    clearTimeout(timer.current);
    setPos(null);
  };

  useEffect(() => {
    if (!pos) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && hide();
    window.addEventListener("keydown", onKey);
    window.addEventListener("scroll", hide, true);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("scroll", hide, true);
    };
  }, [pos]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const child = isValidElement(children) ? cloneElement(children, { "aria-describedby": pos ? id : undefined }) : children;

  return (
    <span
      ref={anchorRef}
      data-slot="tooltip-anchor"
      className={cn("inline-flex max-w-full min-w-0", anchorClassName)}
      onPointerEnter={show}
      onPointerLeave={hide}
      onFocus={show}
      onBlur={hide}
    >
      {child}
      {pos &&
        createPortal(
          <span
            id={id}
            role="tooltip"
            style={{ left: pos.x, top: pos.y }}
            className={cn(
              "pointer-events-none fixed z-[100] max-w-80 animate-fade-in rounded-md bg-foreground px-2 py-1 text-xs font-medium break-words text-background shadow-md",
              pos.side === "top" && "-translate-x-1/2 -translate-y-full",
              pos.side === "bottom" && "-translate-x-1/2",
              pos.side === "right" && "-translate-y-1/2",
              className,
            )}
          >
            {content}
          </span>,
          document.body,
        )}
    </span>
  );
}
