"use client";

import { cloneElement, createContext, use, useState } from "react";
import type { DropdownMenuProps, ItemProps, RadioItemProps } from "./dropdown-menu-radix";

// Radix's menu (with its focus scope, roving focus, scroll lock and positioning) is about 11 kB compressed,
// and the top bar has three menus on every page. Until one is used, a menu is its trigger alone, marked as
// a menu button; pointing at it starts loading the menu, and pressing it (pointer, Enter, Space, arrow)
// opens the Radix menu as soon as it is there. Menus mounted after that are Radix from the start.

type Impl = typeof import("./dropdown-menu-radix");

let loaded: Impl | null = null;
let loading: Promise<Impl> | null = null;

function loadImpl(): Promise<Impl> {
  loading ??= import("./dropdown-menu-radix").then((m) => (loaded = m));
  return loading;
}

const ImplContext = createContext<Impl | null>(null);

const OPENING_KEYS = new Set(["Enter", " ", "ArrowDown", "ArrowUp"]);

/** A menu button (WAI-ARIA menu pattern: arrows, Home/End, type-ahead, Escape returns focus), portalled. */
export function DropdownMenu(props: DropdownMenuProps) {
  const [impl, setImpl] = useState<Impl | null>(loaded);
  // How the menu was first opened: from the keyboard, Radix (mounted only now, after the key) would not know.
  const [openOnLoad, setOpenOnLoad] = useState<false | "pointer" | "first" | "last">(false);
  if (impl)
    return (
      <ImplContext value={impl}>
        <impl.RadixDropdownMenu
          {...props}
          defaultOpen={openOnLoad !== false}
          focusOnOpen={openOnLoad === "first" || openOnLoad === "last" ? openOnLoad : null}
        />
      </ImplContext>
    );

  const open = (e: React.SyntheticEvent, how: "pointer" | "first" | "last") => {
    e.preventDefault();
    setOpenOnLoad(how);
    void loadImpl().then(setImpl);
  };
  const trigger = props.trigger as React.ReactElement<React.HTMLAttributes<HTMLElement>>;
  const own = trigger.props;
  return cloneElement(trigger, {
    "aria-haspopup": "menu",
    "aria-expanded": false,
    onPointerEnter: (e: React.PointerEvent<HTMLElement>) => {
      own.onPointerEnter?.(e);
      void loadImpl();
    },
    onFocus: (e: React.FocusEvent<HTMLElement>) => {
      own.onFocus?.(e);
      void loadImpl();
    },
    // Radix opens a menu on pointer down (left button, no Ctrl), and from the keyboard on these keys.
    onPointerDown: (e: React.PointerEvent<HTMLElement>) => {
      own.onPointerDown?.(e);
      if (e.button === 0 && !e.ctrlKey) open(e, "pointer");
    },
    onKeyDown: (e: React.KeyboardEvent<HTMLElement>) => {
      own.onKeyDown?.(e);
      if (OPENING_KEYS.has(e.key)) open(e, e.key === "ArrowUp" ? "last" : "first");
    },
  });
}

// The parts render only inside an open menu, so Radix is loaded by the time they do.

export function DropdownMenuItem(props: ItemProps) {
  const impl = use(ImplContext);
  return impl ? <impl.RadixMenuItem {...props} /> : null;
}

export function DropdownMenuRadioItem(props: RadioItemProps) {
  const impl = use(ImplContext);
  return impl ? <impl.RadixMenuRadioItem {...props} /> : null;
}

export function DropdownMenuLabel(props: React.ComponentProps<Impl["RadixMenuLabel"]>) {
  const impl = use(ImplContext);
  return impl ? <impl.RadixMenuLabel {...props} /> : null;
}

export function DropdownMenuSeparator() {
  const impl = use(ImplContext);
  return impl ? <impl.RadixMenuSeparator /> : null;
}
