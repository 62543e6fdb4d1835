"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { Check } from "lucide-react";
import { useRef } from "react";
import { cn } from "@/lib/utils/cn";
import { useLayerContainer } from "./layer-container";

export interface DropdownMenuProps {
  /** The button that opens the menu; Radix adds aria-haspopup/expanded/controls and the open handlers to it. */
  trigger: React.ReactElement;
  children: React.ReactNode;
  align?: "start" | "end";
  side?: "bottom" | "top";
  className?: string;
  label?: string;
}

/**
 * A menu button on Radix DropdownMenu (WAI-ARIA menu pattern: arrows, Home/End, type-ahead, Escape returns
 * focus). The content is portalled so a table's scroll box never clips a menu opened from its last rows.
 * Loaded by dropdown-menu.tsx when a first menu is used; `defaultOpen`: it was loaded by opening one.
 */
export function RadixDropdownMenu({
  trigger,
  children,
  align = "start",
  side = "bottom",
  className,
  label,
  defaultOpen,
  focusOnOpen,
}: DropdownMenuProps & { defaultOpen: boolean; focusOnOpen: "first" | "last" | null }) {
  const { container, collisionBoundary } = useLayerContainer();
  // Opened from the keyboard before Radix was loaded: Radix, which tells keyboard from pointer by the
  // keys it hears, heard none, and focuses the menu itself (no item highlighted, no focus shown). As it
  // does, an item takes the focus, as Radix gives it when it hears the key. Once: later opens are Radix's.
  const pendingFocus = useRef(focusOnOpen);
  const focusItem = (e: React.FocusEvent<HTMLDivElement>) => {
    if (!pendingFocus.current || e.target !== e.currentTarget) return;
    const items = e.currentTarget.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([data-disabled])');
    const item = pendingFocus.current === "last" ? items[items.length - 1] : items[0];
    pendingFocus.current = null;
    item?.focus({ preventScroll: true });
  };
  return (
    <Menu.Root modal={false} defaultOpen={defaultOpen}>
      <Menu.Trigger asChild>{trigger}</Menu.Trigger>
      <Menu.Portal container={container}>
        <Menu.Content
          // Radix names the menu after its trigger (aria-labelledby), which would win over a label given here.
          {...(label ? { "aria-label": label, "aria-labelledby": undefined } : {})}
          onFocus={focusItem}
          collisionBoundary={collisionBoundary}
          align={align}
          side={side}
          sideOffset={4}
          collisionPadding={8}
          data-slot="dropdown-menu"
          className={cn(
            "z-50 max-h-[var(--radix-dropdown-menu-content-available-height)] min-w-44 animate-pop-in overflow-y-auto rounded-lg border border-border bg-surface-raised p-1 shadow-md",
            className,
          )}
        >
          {children}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

const itemClassName =
  "flex w-full cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm text-foreground outline-none select-none hover:bg-hover data-[disabled]:pointer-events-none data-[disabled]:opacity-50 data-[highlighted]:bg-hover [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-muted-foreground";

export type ItemProps = Omit<React.ComponentProps<typeof Menu.Item>, "onSelect" | "asChild"> & { onSelect?: () => void };

export function RadixMenuItem({ onSelect, className, ...props }: ItemProps) {
  return <Menu.Item data-slot="dropdown-menu-item" className={cn(itemClassName, className)} onSelect={() => onSelect?.()} {...props} />;
}

export type RadioItemProps = Omit<React.ComponentProps<typeof Menu.CheckboxItem>, "onSelect" | "checked" | "asChild"> & {
  checked: boolean;
  onSelect: () => void;
};

/**
 * One choice of a set (language, theme). A checkbox item with role menuitemradio rather than a Radix RadioGroup:
 * the callers' choices are spread among other items, and the role is what assistive technology reads.
 */
export function RadixMenuRadioItem({ checked, onSelect, children, className, ...props }: RadioItemProps) {
  return (
    <Menu.CheckboxItem
      role="menuitemradio"
      checked={checked}
      data-slot="dropdown-menu-radio-item"
      className={cn(itemClassName, className)}
      onSelect={() => onSelect()}
      {...props}
    >
      <span className="flex min-w-0 flex-1 items-center gap-2">{children}</span>
      <Check aria-hidden className={cn("ml-auto size-4 text-primary!", checked ? "opacity-100" : "opacity-0")} />
    </Menu.CheckboxItem>
  );
}

export function RadixMenuLabel({ className, ...props }: React.ComponentProps<typeof Menu.Label>) {
  return (
    <Menu.Label
      data-slot="dropdown-menu-label"
      className={cn("px-2 pt-1.5 pb-1 text-2xs font-medium tracking-wide text-subtle-foreground uppercase", className)}
      {...props}
    />
  );
}

export function RadixMenuSeparator() {
  return <Menu.Separator data-slot="dropdown-menu-separator" className="-mx-1 my-1 h-px bg-border" />;
}
