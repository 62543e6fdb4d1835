// A channel's rich menus as LINE keeps them: the menus (immutable once created; one image each), the
// API default, per-user links, aliases, batch requests and their progress; plus what the phone shows
// (a tapped richmenuswitch replaces the menu on screen without linking), and the views and taps the
// fake has seen (for the insight endpoints and tests). Routes check requests; this holds the state.
import { randomBytes } from "node:crypto";
import type { RichMenuObject } from "../validation/rich-menu";

export type StoredRichMenu = RichMenuObject & {
  richMenuId: string;
  createdAt: number;
  image: { bytes: Buffer; contentType: string } | null;
};

export type BatchOperation = { type: "link"; from: string; to: string } | { type: "unlink"; from: string } | { type: "unlinkAll" };

type Batch = { requestId: string; acceptedAt: number; failed: boolean; resumeRequestKey?: string };

export type ShownSource = "user" | "default" | "switched" | "none";

const TOUCH_LIMIT = 200_000;
/** How long a phone looking at the same menu counts as one chat opening (one impression). */
const VIEW_WINDOW_MS = 10 * 60_000;

type Touch = { richMenuId: string; userId: string; at: number; areaIndex: number | null };

export class RichMenus {
  readonly menus = new Map<string, StoredRichMenu>();
  defaultId: string | null = null;
  /** userId → richMenuId linked with the API. */
  readonly links = new Map<string, string>();
  /** aliasId → richMenuId; an alias outlives its menu (a switch to it then fails RICHMENU_NOTFOUND). */
  readonly aliases = new Map<string, string>();
  /** userId → the menu a tapped richmenuswitch put on the phone (not a link). */
  readonly switched = new Map<string, string>();
  /** userId → how many times the user was linked to a menu (single, bulk and batch links). */
  readonly linkCounts = new Map<string, number>();
  readonly #batches = new Map<string, Batch>();
  readonly #resumeKeys = new Map<string, string>();
  /** Phone views (areaIndex null) and taps, for the insight endpoints. */
  readonly touches: Touch[] = [];
  readonly #lastView = new Map<string, number>();

  create(menu: RichMenuObject, now: number): StoredRichMenu {
    const stored: StoredRichMenu = { ...menu, richMenuId: newRichMenuId(), createdAt: now, image: null };
    this.menus.set(stored.richMenuId, stored);
    return stored;
  }

  get(richMenuId: string): StoredRichMenu | undefined {
    return this.menus.get(richMenuId);
  }

  /** Deleting a menu unlinks its users, cancels it as default and takes it off phones; aliases stay. */
  delete(richMenuId: string): void {
    this.menus.delete(richMenuId);
    if (this.defaultId === richMenuId) this.defaultId = null;
    for (const [userId, id] of this.links) if (id === richMenuId) this.links.delete(userId);
    for (const [userId, id] of this.switched) if (id === richMenuId) this.switched.delete(userId);
  }

  link(userId: string, richMenuId: string): void {
    this.links.set(userId, richMenuId);
    this.linkCounts.set(userId, (this.linkCounts.get(userId) ?? 0) + 1);
    // The phone shows the newly linked menu, whatever tab was switched to before.
    this.switched.delete(userId);
  }

  unlink(userId: string): void {
    this.links.delete(userId);
    this.switched.delete(userId);
  }

  setDefault(richMenuId: string | null): void {
    this.defaultId = richMenuId;
    // Friends without a link of their own now see the new default.
    for (const userId of [...this.switched.keys()]) if (!this.links.has(userId)) this.switched.delete(userId);
  }

  /** What the phone shows this friend now, and why. */
  shown(userId: string): { menu: StoredRichMenu | null; source: ShownSource } {
    const switched = this.switched.get(userId);
    const switchedMenu = switched ? this.menus.get(switched) : undefined;
    if (switchedMenu) return { menu: switchedMenu, source: "switched" };
    const linked = this.links.get(userId);
    const linkedMenu = linked ? this.menus.get(linked) : undefined;
    if (linkedMenu) return { menu: linkedMenu, source: "user" };
    const def = this.defaultId ? this.menus.get(this.defaultId) : undefined;
    if (def) return { menu: def, source: "default" };
    return { menu: null, source: "none" };
  }

  /** A richmenuswitch tap: LINE's status for the postback, and the menu now on the phone. */
  switchTo(userId: string, aliasId: string): { status: "SUCCESS" | "RICHMENU_ALIAS_ID_NOTFOUND" | "RICHMENU_NOTFOUND"; menu?: StoredRichMenu } {
    const target = this.aliases.get(aliasId);
    if (target === undefined) return { status: "RICHMENU_ALIAS_ID_NOTFOUND" };
    const menu = this.menus.get(target);
    if (!menu) return { status: "RICHMENU_NOTFOUND" };
    this.switched.set(userId, menu.richMenuId);
    return { status: "SUCCESS", menu };
  }

  /** Runs a batch at once (its progress still reads `ongoing` for a while); failed if a menu is missing. */
  runBatch(operations: BatchOperation[], requestId: string, now: number, resumeRequestKey?: string): void {
    let failed = false;
    for (const op of operations) {
      if (op.type === "unlinkAll") {
        for (const userId of [...this.links.keys()]) this.unlink(userId);
        continue;
      }
      if (!this.menus.has(op.from) || (op.type === "link" && !this.menus.get(op.to)?.image)) {
        failed = true;
        continue;
      }
      for (const [userId, id] of [...this.links]) {
        if (id !== op.from) continue;
        if (op.type === "link") this.link(userId, op.to);
        else this.unlink(userId);
      }
    }
    this.#batches.set(requestId, { requestId, acceptedAt: now, failed, resumeRequestKey });
    if (resumeRequestKey !== undefined) this.#resumeKeys.set(resumeRequestKey, requestId);
  }

  /** Whether a resume key may be used again: only after its request failed. */
  resumeKeyState(key: string, now: number, ongoingMs: number): "free" | "ongoing" | "succeeded" {
    const requestId = this.#resumeKeys.get(key);
    const batch = requestId ? this.#batches.get(requestId) : undefined;
    if (!batch) return "free";
    const phase = this.#phase(batch, now, ongoingMs);
    return phase === "failed" ? "free" : phase;
  }

  batchProgress(requestId: string, now: number, ongoingMs: number): { phase: string; acceptedTime: string; completedTime?: string } | undefined {
    const batch = this.#batches.get(requestId);
    if (!batch) return undefined;
    const phase = this.#phase(batch, now, ongoingMs);
    const acceptedTime = new Date(batch.acceptedAt).toISOString();
    if (phase === "ongoing") return { phase, acceptedTime };
    return { phase, acceptedTime, completedTime: new Date(batch.acceptedAt + ongoingMs).toISOString() };
  }

  /**
   * The phone showed the menu. One look is one impression per friend and menu per chat opening: a phone
   * that keeps asking (the simulator polls) within VIEW_WINDOW_MS of its last counted look adds none.
   */
  recordView(richMenuId: string, userId: string, at: number): void {
    const key = `${userId} ${richMenuId}`;
    const last = this.#lastView.get(key);
    if (last !== undefined && at - last < VIEW_WINDOW_MS) return;
    if (this.#lastView.size >= TOUCH_LIMIT) this.#lastView.clear();
    this.#lastView.set(key, at);
    this.#touch({ richMenuId, userId, at, areaIndex: null });
  }

  recordTap(richMenuId: string, userId: string, at: number, areaIndex: number): void {
    this.#touch({ richMenuId, userId, at, areaIndex });
  }

  #touch(touch: Touch): void {
    // A simulator left polling for days must not grow without bound: the oldest half goes.
    if (this.touches.length >= TOUCH_LIMIT) this.touches.splice(0, TOUCH_LIMIT / 2);
    this.touches.push(touch);
  }

  #phase(batch: Batch, now: number, ongoingMs: number): "ongoing" | "succeeded" | "failed" {
    if (now < batch.acceptedAt + ongoingMs) return "ongoing";
    return batch.failed ? "failed" : "succeeded";
  }
}

/** A menu as LINE's get/list return it (no image, no internal fields). */
export function richMenuJson(menu: StoredRichMenu): Record<string, unknown> {
  return { richMenuId: menu.richMenuId, size: menu.size, selected: menu.selected, name: menu.name, chatBarText: menu.chatBarText, areas: menu.areas };
}

// Random, not seeded: a console whose database outlives a restarted fake must not find its old menu ids
// pointing at new menus.
function newRichMenuId(): string {
  return `richmenu-${randomBytes(16).toString("hex")}`;
}
