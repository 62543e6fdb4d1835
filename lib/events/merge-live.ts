import type { InfiniteData } from "@tanstack/react-query";
import type { EventItem } from "./serialize";

export interface EventPageLike {
  items: EventItem[];
  nextCursor: string | null;
}

/** The timeline's order: newest event time first, then the higher id (the later stored) first. */
export function compareEvents(a: Pick<EventItem, "timestamp" | "id">, b: Pick<EventItem, "timestamp" | "id">): number {
  const ta = Date.parse(a.timestamp);
  const tb = Date.parse(b.timestamp);
  if (ta !== tb) return tb - ta;
  const ia = BigInt(a.id);
  const ib = BigInt(b.id);
  return ia === ib ? 0 : ia > ib ? -1 : 1;
}

/**
 * Put live events into the loaded pages at their sorted place, skipping ids already shown. An event
 * that sorts below everything loaded is left out while older pages remain to be fetched: the keyset
 * cursor will bring it with the page it belongs to, and inserting it now would show it twice.
 */
export function mergeLiveEvents<P extends EventPageLike>(
  data: InfiniteData<P, string | null>,
  incoming: readonly EventItem[],
): { data: InfiniteData<P, string | null>; added: string[] } {
  const seen = new Set<string>();
  for (const page of data.pages) for (const item of page.items) seen.add(item.id);
  const fresh = incoming.filter((e) => !seen.has(e.id) && (seen.add(e.id), true)).sort(compareEvents);
  if (fresh.length === 0) return { data, added: [] };

  const pages = data.pages.map((p) => ({ ...p, items: [...p.items] }));
  const added: string[] = [];
  for (const event of fresh) {
    const target = pages.findIndex((p) => {
      const last = p.items.at(-1);
      return last !== undefined && compareEvents(event, last) <= 0;
    });
    if (target >= 0) {
      insertSorted(pages[target]!.items, event);
      added.push(event.id);
      continue;
    }
    const lastPage = pages.at(-1);
    if (lastPage && lastPage.nextCursor === null) {
      insertSorted(lastPage.items, event);
      added.push(event.id);
    }
  }
  return added.length > 0 ? { data: { ...data, pages }, added } : { data, added };
}

/** Add events to a held-back buffer (live tail paused), newest first, without duplicates. */
export function bufferLiveEvents(buffer: readonly EventItem[], incoming: readonly EventItem[]): EventItem[] {
  const byId = new Map(buffer.map((e) => [e.id, e]));
  for (const e of incoming) byId.set(e.id, e);
  return [...byId.values()].sort(compareEvents);
}

function insertSorted(items: EventItem[], event: EventItem) {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareEvents(items[mid]!, event) <= 0) lo = mid + 1;
    else hi = mid;
  }
  items.splice(lo, 0, event);
}
