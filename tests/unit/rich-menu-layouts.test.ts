import { describe, expect, it } from "vitest";
import { imageProblem, LAYOUTS, layoutAreas, overlappingPairs, scaleAreas, tabbedDrafts } from "@/components/rich-menus/rich-menu-layouts";
import { richMenuBodySchema } from "@/lib/rich-menus/rich-menu-schema";

// The editor's starting points and its checks before an upload: what an operator gets from a layout or a
// new tabbed menu must be a menu LINE accepts, and an image LINE would refuse is refused with its reason.

describe("layouts", () => {
  it.each(LAYOUTS.map((l) => l.id))("%s tiles its image exactly and is a valid menu", (id) => {
    const { size, areas } = layoutAreas(id);
    const covered = areas.reduce((sum, a) => sum + a.bounds.width * a.bounds.height, 0);
    expect(covered).toBe(size.width * size.height);
    expect(overlappingPairs(areas)).toEqual([]);
    expect(richMenuBodySchema.safeParse({ name: id, chatBarText: "Menu", selected: true, size, areas }).success).toBe(true);
  });

  it("a tabbed menu's tabs each switch to the others' aliases, and its own tab cell is free", () => {
    const tabs = tabbedDrafts("Shop", 3, "shop");
    expect(tabs.map((t) => t.aliasId)).toEqual(["shop-1", "shop-2", "shop-3"]);
    tabs.forEach((tab, i) => {
      const switches = tab.body.areas.flatMap((a) => (a.action.type === "richmenuswitch" ? [a.action.richMenuAliasId] : []));
      expect(switches).toEqual(tabs.map((t) => t.aliasId).filter((_, k) => k !== i));
      expect(richMenuBodySchema.safeParse(tab.body).success).toBe(true);
      expect(overlappingPairs(tab.body.areas)).toEqual([]);
    });
  });

  it("areas keep their place on an image of another size", () => {
    const { areas } = layoutAreas("half-2");
    const scaled = scaleAreas(areas, { width: 2500, height: 843 }, { width: 1200, height: 405 });
    expect(scaled.map((a) => a.bounds)).toEqual([
      { x: 0, y: 0, width: 600, height: 405 },
      { x: 600, y: 0, width: 600, height: 405 },
    ]);
  });
});

describe("an image checked before upload", () => {
  const png = (size: number) => ({ type: "image/png", size });
  it("accepts LINE's sizes", () => {
    expect(imageProblem(png(200_000), { width: 2500, height: 1686 })).toBeNull();
    expect(imageProblem({ type: "image/jpeg", size: 1024 * 1024 }, { width: 800, height: 250 })).toBeNull();
  });
  it("refuses with the reason LINE would give", () => {
    expect(imageProblem({ type: "image/gif", size: 10 }, null)).toEqual({ key: "type" });
    expect(imageProblem(png(1024 * 1024 + 1), { width: 2500, height: 1686 })).toEqual({ key: "bytes", bytes: 1024 * 1024 + 1 });
    expect(imageProblem(png(10), { width: 2600, height: 1686 })).toEqual({ key: "width", width: 2600 });
    expect(imageProblem(png(10), { width: 800, height: 249 })).toEqual({ key: "height", height: 249 });
    expect(imageProblem(png(10), { width: 1000, height: 700 })).toEqual({ key: "aspect", width: 1000, height: 700 });
    expect(imageProblem(png(10), null)).toEqual({ key: "unreadable" });
  });
});
