"use client";

import { createContext, use } from "react";

// A modal <dialog> sits in the browser's top layer and makes the rest of the page inert: a menu, tooltip
// or popover portalled to <body> from inside it would be drawn beneath it and could not be clicked. The
// dialog offers itself here; floating primitives portal into it and stay within its edges (it clips).
export const LayerContainerContext = createContext<HTMLElement | null>(null);

/** Where a floating primitive portals to and what it must fit inside: the open dialog around it, else the page. */
export function useLayerContainer(): { container?: HTMLElement; collisionBoundary?: HTMLElement } {
  const dialog = use(LayerContainerContext);
  return dialog ? { container: dialog, collisionBoundary: dialog } : {};
}
