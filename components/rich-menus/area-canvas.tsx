"use client";

import { useTranslations } from "next-intl";
import { Fragment, useRef } from "react";
import type { RichMenuArea, RichMenuBounds } from "@/lib/rich-menus/rich-menu-schema";
import { cn } from "@/lib/utils/cn";
import { areaTitle, defaultAction, type MenuSize } from "./rich-menu-layouts";

/** The keyboard's step in image pixels (arrows move, Shift+arrows resize; with Alt, one pixel). */
export const KEY_STEP = 10;
const MIN_SIDE = 20;
const HANDLES = ["nw", "n", "ne", "e", "se", "s", "sw", "w"] as const;
type Handle = (typeof HANDLES)[number];

type Drag =
  | { mode: "draw"; index: number; x: number; y: number; last: RichMenuBounds | null }
  | { mode: "move"; index: number; x: number; y: number; from: RichMenuBounds }
  | { mode: "resize"; index: number; handle: Handle; from: RichMenuBounds };

interface AreaCanvasProps {
  size: MenuSize;
  imageUrl: string | null;
  areas: RichMenuArea[];
  selected: number | null;
  onSelect: (index: number | null) => void;
  /** An update of the areas as they are when it applies (pointer moves may come faster than renders). */
  onChange: (update: (areas: RichMenuArea[]) => RichMenuArea[]) => void;
  invalid: Set<number>;
  readOnly?: boolean;
}

/**
 * The image with its tap areas: drag on the image to draw one, drag an area to move it, its handles to
 * resize it. The keyboard does the same on a focused area (each area is a Tab stop): arrows move it,
 * Shift+arrows resize it, Delete removes it; a live region says which area is selected and where.
 */
export function AreaCanvas({ size, imageUrl, areas, selected, onSelect, onChange, invalid, readOnly }: AreaCanvasProps) {
  const t = useTranslations("richMenus.canvas");
  const surface = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);

  const point = (e: React.PointerEvent) => {
    const r = surface.current!.getBoundingClientRect();
    return {
      x: clamp(Math.round(((e.clientX - r.left) / r.width) * size.width), 0, size.width),
      y: clamp(Math.round(((e.clientY - r.top) / r.height) * size.height), 0, size.height),
    };
  };
  const setBounds = (index: number, bounds: RichMenuBounds) => onChange((list) => list.map((a, i) => (i === index ? { ...a, bounds } : a)));

  const onPointerDown = (e: React.PointerEvent) => {
    if (readOnly || e.button !== 0) return;
    const target = e.target as HTMLElement;
    const handle = target.dataset.handle as Handle | undefined;
    const areaIndex = target.closest<HTMLElement>("[data-area-index]")?.dataset.areaIndex;
    const p = point(e);
    surface.current!.setPointerCapture(e.pointerId);
    if (areaIndex !== undefined) {
      const index = Number(areaIndex);
      onSelect(index);
      const from = areas[index]!.bounds;
      drag.current = handle ? { mode: "resize", index, handle, from } : { mode: "move", index, x: p.x, y: p.y, from };
      return;
    }
    const index = areas.length;
    drag.current = { mode: "draw", index, x: p.x, y: p.y, last: null };
    onChange((list) => [...list, { bounds: { x: p.x, y: p.y, width: 1, height: 1 }, action: defaultAction(index + 1) }]);
    onSelect(index);
  };

  const onPointerMove = (e: React.PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const p = point(e);
    if (d.mode === "draw") setBounds(d.index, (d.last = fromCorners(d.x, d.y, p.x, p.y)));
    else if (d.mode === "move") setBounds(d.index, moveInside(d.from, p.x - d.x, p.y - d.y, size));
    else setBounds(d.index, resizeByHandle(d.from, d.handle, p, size));
  };

  const onPointerUp = () => {
    const d = drag.current;
    drag.current = null;
    if (d?.mode !== "draw") return;
    // A click on the image (no drag) draws nothing: it just clears the selection.
    if (!d.last || d.last.width < MIN_SIDE || d.last.height < MIN_SIDE) {
      onChange((list) => list.filter((_, i) => i !== d.index));
      onSelect(null);
    }
  };

  const onKeyDown = (index: number) => (e: React.KeyboardEvent) => {
    if (readOnly) return;
    const step = e.altKey ? 1 : KEY_STEP;
    const dx = e.key === "ArrowLeft" ? -step : e.key === "ArrowRight" ? step : 0;
    const dy = e.key === "ArrowUp" ? -step : e.key === "ArrowDown" ? step : 0;
    const b = areas[index]!.bounds;
    if (dx || dy) {
      e.preventDefault();
      if (e.shiftKey) {
        const width = clamp(b.width + dx, MIN_SIDE, size.width - b.x);
        const height = clamp(b.height + dy, MIN_SIDE, size.height - b.y);
        setBounds(index, { ...b, width, height });
      } else setBounds(index, moveInside(b, dx, dy, size));
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      onChange((list) => list.filter((_, i) => i !== index));
      onSelect(null);
    } else if (e.key === "Escape") onSelect(null);
  };

  const current = selected !== null ? areas[selected] : undefined;
  return (
    <div className="space-y-2">
      <div
        ref={surface}
        data-testid="area-canvas"
        role="group"
        aria-label={t("label")}
        aria-describedby="area-canvas-help"
        className={cn(
          "relative w-full max-w-3xl touch-none overflow-hidden rounded-md border border-border bg-muted select-none",
          !readOnly && "cursor-crosshair",
        )}
        style={{ aspectRatio: `${size.width} / ${size.height}` }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        {imageUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- a blob: or our own image route, drawn at the surface's size
          <img src={imageUrl} alt="" draggable={false} className="pointer-events-none absolute inset-0 size-full object-fill" />
        ) : (
          <div
            aria-hidden
            className="pointer-events-none absolute inset-0 bg-[linear-gradient(45deg,var(--color-border)_25%,transparent_25%,transparent_75%,var(--color-border)_75%)] bg-[length:24px_24px] opacity-40"
          />
        )}
        {areas.map((area, i) => (
          <Fragment key={i}>
            <button
              type="button"
              data-area-index={i}
              data-testid={`area-${i}`}
              aria-pressed={selected === i}
              aria-label={t("area", { n: i + 1, title: areaTitle(area, i), ...area.bounds })}
              onFocus={() => onSelect(i)}
              onKeyDown={onKeyDown(i)}
              className={cn(
                "absolute border-2 outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-1",
                selected === i ? "z-10 border-primary bg-primary/25 text-foreground" : "border-white/90 bg-black/20",
                invalid.has(i) && "border-danger bg-danger/25",
                !readOnly && "cursor-move",
              )}
              style={pct(area.bounds, size)}
            >
              {selected === i &&
                !readOnly &&
                HANDLES.map((h) => (
                  <span key={h} data-handle={h} aria-hidden className={cn("absolute size-3 rounded-sm border border-white bg-primary", HANDLE_POS[h])} />
                ))}
            </button>
            {/* Beside the button, not in it: its name is the label above (a number and a title inside would have to be part of it). */}
            <div
              aria-hidden
              className="pointer-events-none absolute z-20 flex items-center justify-center text-xs font-semibold"
              style={pct(area.bounds, size)}
            >
              <span className="absolute top-1 left-1 rounded bg-black/70 px-1.5 py-0.5 text-white">{i + 1}</span>
              {!imageUrl && <span className="truncate px-2 text-foreground">{areaTitle(area, i)}</span>}
            </div>
          </Fragment>
        ))}
      </div>
      <p id="area-canvas-help" className="text-xs text-muted-foreground">
        {t("help", { step: KEY_STEP })}
      </p>
      <p aria-live="polite" className="sr-only" data-testid="area-announcer">
        {current && selected !== null ? t("selected", { n: selected + 1, ...current.bounds }) : ""}
      </p>
    </div>
  );
}

const HANDLE_POS: Record<Handle, string> = {
  nw: "-top-1.5 -left-1.5 cursor-nwse-resize",
  n: "-top-1.5 left-1/2 -translate-x-1/2 cursor-ns-resize",
  ne: "-top-1.5 -right-1.5 cursor-nesw-resize",
  e: "top-1/2 -right-1.5 -translate-y-1/2 cursor-ew-resize",
  se: "-right-1.5 -bottom-1.5 cursor-nwse-resize",
  s: "-bottom-1.5 left-1/2 -translate-x-1/2 cursor-ns-resize",
  sw: "-bottom-1.5 -left-1.5 cursor-nesw-resize",
  w: "top-1/2 -left-1.5 -translate-y-1/2 cursor-ew-resize",
};

function pct(b: RichMenuBounds, size: MenuSize): React.CSSProperties {
  return {
    left: `${(b.x / size.width) * 100}%`,
    top: `${(b.y / size.height) * 100}%`,
    width: `${(b.width / size.width) * 100}%`,
    height: `${(b.height / size.height) * 100}%`,
  };
}

function clamp(v: number, min: number, max: number) {
  return Math.max(min, Math.min(max, v));
}

function fromCorners(x0: number, y0: number, x1: number, y1: number): RichMenuBounds {
  return { x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) };
}

function moveInside(b: RichMenuBounds, dx: number, dy: number, size: MenuSize): RichMenuBounds {
  return { ...b, x: clamp(b.x + dx, 0, size.width - b.width), y: clamp(b.y + dy, 0, size.height - b.height) };
}

function resizeByHandle(b: RichMenuBounds, handle: Handle, p: { x: number; y: number }, size: MenuSize): RichMenuBounds {
  let left = b.x;
  let top = b.y;
  let right = b.x + b.width;
  let bottom = b.y + b.height;
  if (handle.includes("w")) left = clamp(p.x, 0, right - MIN_SIDE);
  if (handle.includes("e")) right = clamp(p.x, left + MIN_SIDE, size.width);
  if (handle.includes("n")) top = clamp(p.y, 0, bottom - MIN_SIDE);
  if (handle.includes("s")) bottom = clamp(p.y, top + MIN_SIDE, size.height);
  return { x: left, y: top, width: right - left, height: bottom - top };
}
