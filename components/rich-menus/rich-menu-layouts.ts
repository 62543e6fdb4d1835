import { RICH_MENU_IMAGE, type RichMenuArea, type RichMenuBody, type RichMenuBounds } from "@/lib/rich-menus/rich-menu-schema";

// The layouts LINE Official Account Manager offers (full 2500×1686 and half 2500×843, 1–6 areas), the
// areas a tabbed menu's tab bar needs, and the browser-side checks of an image before it is uploaded.

export const FULL_SIZE = { width: 2500, height: 1686 } as const;
export const HALF_SIZE = { width: 2500, height: 843 } as const;
export type MenuSize = { width: number; height: number };

/** Rows of columns, as fractions: [[1,1,1],[1,1,1]] is three over three. */
type Grid = number[][];

export const LAYOUTS: { id: string; size: "full" | "half"; grid: Grid }[] = [
  {
    id: "full-6",
    size: "full",
    grid: [
      [1, 1, 1],
      [1, 1, 1],
    ],
  },
  {
    id: "full-4",
    size: "full",
    grid: [
      [1, 1],
      [1, 1],
    ],
  },
  { id: "full-4b", size: "full", grid: [[1], [1, 1, 1]] },
  { id: "full-3", size: "full", grid: [[1], [1, 1]] },
  { id: "full-2", size: "full", grid: [[1, 1]] },
  { id: "full-2b", size: "full", grid: [[1], [1]] },
  { id: "full-1", size: "full", grid: [[1]] },
  { id: "half-3", size: "half", grid: [[1, 1, 1]] },
  { id: "half-2", size: "half", grid: [[1, 1]] },
  { id: "half-2b", size: "half", grid: [[2, 1]] },
  { id: "half-1", size: "half", grid: [[1]] },
];

export function layoutSize(size: "full" | "half"): MenuSize {
  return size === "full" ? { ...FULL_SIZE } : { ...HALF_SIZE };
}

/** A grid's cells as bounds inside a box, the edges rounded so neighbours share them exactly. */
export function gridBounds(grid: Grid, box: RichMenuBounds): RichMenuBounds[] {
  const out: RichMenuBounds[] = [];
  grid.forEach((row, r) => {
    const y0 = box.y + Math.round((box.height * r) / grid.length);
    const y1 = box.y + Math.round((box.height * (r + 1)) / grid.length);
    const total = row.reduce((a, b) => a + b, 0);
    let acc = 0;
    for (const share of row) {
      const x0 = box.x + Math.round((box.width * acc) / total);
      acc += share;
      const x1 = box.x + Math.round((box.width * acc) / total);
      out.push({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
    }
  });
  return out;
}

export function defaultAction(n: number): RichMenuArea["action"] {
  return { type: "postback", label: `Area ${n}`, data: `area-${n}` };
}

export function layoutAreas(layoutId: string): { size: MenuSize; areas: RichMenuArea[] } {
  const layout = LAYOUTS.find((l) => l.id === layoutId) ?? LAYOUTS[0]!;
  const size = layoutSize(layout.size);
  const areas = gridBounds(layout.grid, { x: 0, y: 0, ...size }).map((bounds, i) => ({ bounds, action: defaultAction(i + 1) }));
  return { size, areas };
}

/** A tab bar's height: a sixth of a full menu, as LINE's own tab samples draw it. */
export const TAB_BAR_HEIGHT = 280;

/**
 * The menus of a new tabbed menu: each tab has the tab bar on top (its other tabs' cells switch to their
 * aliases; its own cell does nothing) and one area under it, to be redrawn.
 */
export function tabbedDrafts(name: string, count: number, baseAlias: string): { body: RichMenuBody; aliasId: string }[] {
  const size = { ...FULL_SIZE };
  const aliases = Array.from({ length: count }, (_, i) => `${baseAlias}-${i + 1}`.slice(-32));
  const bar = gridBounds([Array.from({ length: count }, () => 1)], { x: 0, y: 0, width: size.width, height: TAB_BAR_HEIGHT });
  return aliases.map((aliasId, tab) => {
    const switches: RichMenuArea[] = bar.flatMap((bounds, other) =>
      other === tab
        ? []
        : [{ bounds, action: { type: "richmenuswitch" as const, label: `Tab ${other + 1}`, richMenuAliasId: aliases[other]!, data: `tab-${other + 1}` } }],
    );
    const body: RichMenuArea = {
      bounds: { x: 0, y: TAB_BAR_HEIGHT, width: size.width, height: size.height - TAB_BAR_HEIGHT },
      action: { type: "postback", label: `Tab ${tab + 1}`, data: `tab-${tab + 1}-area-1` },
    };
    return { aliasId, body: { name: `${name} — ${tab + 1}`, chatBarText: "Menu", selected: tab === 0, size, areas: [...switches, body] } };
  });
}

/** A name as an alias: lower-case letters, digits, _ and -. */
export function aliasFromName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 24);
  return slug || "menu";
}

export type ImageProblem =
  | { key: "type" }
  | { key: "bytes"; bytes: number }
  | { key: "width"; width: number }
  | { key: "height"; height: number }
  | { key: "aspect"; width: number; height: number }
  | { key: "exact"; width: number; height: number }
  | { key: "unreadable" };

/** What LINE would refuse in an image, found before the upload (type, bytes, pixel size, shape). */
export function imageProblem(file: { type: string; size: number }, pixels: MenuSize | null): ImageProblem | null {
  if (!(RICH_MENU_IMAGE.types as readonly string[]).includes(file.type)) return { key: "type" };
  if (file.size > RICH_MENU_IMAGE.maxBytes) return { key: "bytes", bytes: file.size };
  if (!pixels) return { key: "unreadable" };
  if (pixels.width < RICH_MENU_IMAGE.minWidth || pixels.width > RICH_MENU_IMAGE.maxWidth) return { key: "width", width: pixels.width };
  if (pixels.height < RICH_MENU_IMAGE.minHeight) return { key: "height", height: pixels.height };
  if (pixels.width / pixels.height < RICH_MENU_IMAGE.minAspect) return { key: "aspect", ...pixels };
  return null;
}

export function readImagePixels(file: Blob): Promise<MenuSize | null> {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.onload = () => {
      resolve({ width: img.naturalWidth, height: img.naturalHeight });
      URL.revokeObjectURL(url);
    };
    img.onerror = () => {
      resolve(null);
      URL.revokeObjectURL(url);
    };
    img.src = url;
  });
}

/** Areas kept where they were on an image of another size (each edge scaled, kept inside). */
export function scaleAreas(areas: RichMenuArea[], from: MenuSize, to: MenuSize): RichMenuArea[] {
  const sx = to.width / from.width;
  const sy = to.height / from.height;
  return areas.map((a) => {
    const x = Math.min(to.width - 1, Math.round(a.bounds.x * sx));
    const y = Math.min(to.height - 1, Math.round(a.bounds.y * sy));
    return {
      ...a,
      bounds: {
        x,
        y,
        width: Math.max(1, Math.min(to.width - x, Math.round(a.bounds.width * sx))),
        height: Math.max(1, Math.min(to.height - y, Math.round(a.bounds.height * sy))),
      },
    };
  });
}

/** Pairs of areas that overlap (LINE allows it, but a tap then lands on one of them only). */
export function overlappingPairs(areas: RichMenuArea[]): [number, number][] {
  const pairs: [number, number][] = [];
  areas.forEach((a, i) =>
    areas.slice(i + 1).forEach((b, k) => {
      const A = a.bounds;
      const B = b.bounds;
      if (A.x < B.x + B.width && B.x < A.x + A.width && A.y < B.y + B.height && B.y < A.y + A.height) pairs.push([i, i + 1 + k]);
    }),
  );
  return pairs;
}

/** What an area says on a generated image and in lists: its label, else what it sends. */
export function areaTitle(area: RichMenuArea, index: number): string {
  const a = area.action;
  if (a.label) return a.label;
  if (a.type === "message") return a.text;
  if (a.type === "postback") return a.displayText ?? a.data;
  return `${index + 1}`;
}

const PALETTE = ["#06c755", "#2f80ed", "#f2994a", "#9b51e0", "#eb5757", "#219653"];

/** A plain image from the area labels (canvas → PNG), so a menu can be published before a designer draws one. */
export async function generateImage(size: MenuSize, areas: RichMenuArea[], activeTab?: number): Promise<Blob> {
  const canvas = document.createElement("canvas");
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("canvas unavailable");
  ctx.fillStyle = "#f4f5f7";
  ctx.fillRect(0, 0, size.width, size.height);
  areas.forEach((area, i) => {
    const { x, y, width, height } = area.bounds;
    const tab = area.action.type === "richmenuswitch";
    ctx.fillStyle = tab ? "#dfe3e8" : PALETTE[i % PALETTE.length]!;
    ctx.fillRect(x + 6, y + 6, width - 12, height - 12);
    ctx.fillStyle = tab ? "#333a44" : "#ffffff";
    const fontSize = Math.max(28, Math.min(120, Math.floor(Math.min(height / 4, width / 8))));
    ctx.font = `600 ${fontSize}px system-ui, sans-serif`;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.fillText(areaTitle(area, i), x + width / 2, y + height / 2, width - 40);
  });
  if (activeTab !== undefined) drawActiveTab(ctx, size, areas, activeTab);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("toBlob failed"))), "image/png"));
}

// A tabbed menu's own tab has no area (tapping it does nothing): draw it as the selected one in the gap.
function drawActiveTab(ctx: CanvasRenderingContext2D, size: MenuSize, areas: RichMenuArea[], activeTab: number) {
  const tabs = areas.filter((a) => a.action.type === "richmenuswitch").length + 1;
  const [cell] = gridBounds([Array.from({ length: tabs }, () => 1)], { x: 0, y: 0, width: size.width, height: TAB_BAR_HEIGHT }).slice(activeTab, activeTab + 1);
  if (!cell) return;
  ctx.fillStyle = "#06c755";
  ctx.fillRect(cell.x + 6, cell.y + 6, cell.width - 12, cell.height - 12);
  ctx.fillStyle = "#ffffff";
  ctx.font = "700 96px system-ui, sans-serif";
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(`Tab ${activeTab + 1}`, cell.x + cell.width / 2, cell.y + cell.height / 2, cell.width - 40);
}
