"use client";

import { Check } from "lucide-react";
import { createContext, use, useCallback, useEffect, useId, useRef, useState } from "react";
import { cn } from "@/lib/utils/cn";

const MenuContext = createContext<{ close: () => void } | null>(null);

interface TriggerProps {
  id: string;
  "aria-haspopup": "menu";
  "aria-expanded": boolean;
  "aria-controls": string;
  onClick: () => void;
  onKeyDown: (e: React.KeyboardEvent) => void;
  ref: React.Ref<HTMLButtonElement>;
}

interface DropdownMenuProps {
  trigger: (props: TriggerProps) => React.ReactNode;
  children: React.ReactNode;
  align?: "start" | "end";
  side?: "bottom" | "top";
  className?: string;
  label?: string;
}

/** A menu button (WAI-ARIA menu pattern): arrows move, Enter/Space choose, Escape and Tab close. */
export function DropdownMenu({ trigger, children, align = "start", side = "bottom", className, label }: DropdownMenuProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const focusOnOpen = useRef<"first" | "last" | null>(null);

  const close = useCallback((refocus = true) => {
    setOpen(false);
    if (refocus) triggerRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const items = menuItems(menuRef.current);
    const target = focusOnOpen.current === "last" ? items.at(-1) : (items.find((i) => i.getAttribute("aria-checked") === "true") ?? items[0]);
    target?.focus();
    const onPointerDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open, close]);

  const onMenuKeyDown = (e: React.KeyboardEvent) => {
    const items = menuItems(menuRef.current);
    const index = items.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (e.key === "ArrowDown") move(index + 1);
    else if (e.key === "ArrowUp") move(index - 1);
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(items.length - 1);
    else if (e.key === "Escape") close();
    else if (e.key === "Tab") close(false);
    else return;
    if (e.key !== "Tab") e.preventDefault();
  };

  return (
    <MenuContext value={{ close: () => close() }}>
      <div ref={rootRef} data-slot="dropdown-menu" className="relative inline-flex">
        {trigger({
          id: `${id}-trigger`,
          "aria-haspopup": "menu",
          "aria-expanded": open,
          "aria-controls": `${id}-menu`,
          ref: triggerRef,
          onClick: () => {
            focusOnOpen.current = "first";
            setOpen((o) => !o);
          },
          onKeyDown: (e) => {
            if (e.key === "ArrowDown" || e.key === "ArrowUp") {
              e.preventDefault();
              focusOnOpen.current = e.key === "ArrowUp" ? "last" : "first";
              setOpen(true);
            }
          },
        })}
        {open && (
          <div
            ref={menuRef}
            id={`${id}-menu`}
            role="menu"
            aria-label={label}
            aria-labelledby={label ? undefined : `${id}-trigger`}
            onKeyDown={onMenuKeyDown}
            className={cn(
              "absolute z-50 min-w-44 animate-pop-in rounded-lg border border-border bg-surface-raised p-1 shadow-md",
              side === "bottom" ? "top-full mt-1" : "bottom-full mb-1",
              align === "end" ? "right-0" : "left-0",
              className,
            )}
          >
            {children}
          </div>
        )}
      </div>
    </MenuContext>
  );
}

const itemClassName =
  "flex w-full cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm text-foreground outline-none select-none hover:bg-hover focus-visible:bg-hover [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-muted-foreground";

export function DropdownMenuItem({ onSelect, className, children, ...props }: Omit<React.ComponentProps<"button">, "onSelect"> & { onSelect?: () => void }) {
  const menu = use(MenuContext);
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      data-slot="dropdown-menu-item"
      className={cn(itemClassName, className)}
      onClick={() => {
        onSelect?.();
        menu?.close();
      }}
      {...props}
    >
      {children}
    </button>
  );
}

export function DropdownMenuRadioItem({
  checked,
  onSelect,
  children,
  ...props
}: Omit<React.ComponentProps<"button">, "onSelect"> & { checked: boolean; onSelect: () => void }) {
  const menu = use(MenuContext);
  return (
    <button
      type="button"
      role="menuitemradio"
      aria-checked={checked}
      tabIndex={-1}
      data-slot="dropdown-menu-radio-item"
      className={itemClassName}
      onClick={() => {
        onSelect();
        menu?.close();
      }}
      {...props}
    >
      <span className="flex min-w-0 flex-1 items-center gap-2">{children}</span>
      <Check aria-hidden className={cn("ml-auto size-4 text-primary!", checked ? "opacity-100" : "opacity-0")} />
    </button>
  );
}

export function DropdownMenuLabel({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="dropdown-menu-label"
      className={cn("px-2 pt-1.5 pb-1 text-2xs font-medium tracking-wide text-subtle-foreground uppercase", className)}
      {...props}
    />
  );
}

export function DropdownMenuSeparator() {
  return <div role="separator" data-slot="dropdown-menu-separator" className="-mx-1 my-1 h-px bg-border" />;
}

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return menu ? Array.from(menu.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([disabled])')) : [];
}
