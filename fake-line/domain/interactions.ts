// What recipients did with a send, as statistics count it: when they displayed it, which links they
// opened, which videos or audio they played and how far. Two sources feed it: the simulator's explicit
// actions (recorded here, counted at once) and the background behaviour of engagement.ts.

export type LinkClick = { seq: number; url: string; at: number };
/** A play of the video/audio in bubble `seq` that got `percent` (0–100) of the way through. */
export type MediaPlay = { seq: number; percent: number; at: number };

export type Interaction = {
  /** Each time the recipient displayed the message (every bubble once); the first one is the open. */
  views: number[];
  clicks: LinkClick[];
  plays: MediaPlay[];
};

export const NO_INTERACTION: Interaction = Object.freeze({ views: [], clicks: [], plays: [] }) as Interaction;

export class Interactions {
  #byRequest = new Map<string, Map<string, Interaction>>();

  of(requestId: string, userId: string): Interaction {
    return this.#byRequest.get(requestId)?.get(userId) ?? NO_INTERACTION;
  }

  view(requestId: string, userId: string, at: number): void {
    this.#entry(requestId, userId).views.push(at);
  }

  click(requestId: string, userId: string, click: LinkClick): void {
    this.#entry(requestId, userId).clicks.push(click);
  }

  play(requestId: string, userId: string, play: MediaPlay): void {
    this.#entry(requestId, userId).plays.push(play);
  }

  #entry(requestId: string, userId: string): Interaction {
    let users = this.#byRequest.get(requestId);
    if (!users) {
      users = new Map();
      this.#byRequest.set(requestId, users);
    }
    let entry = users.get(userId);
    if (!entry) {
      entry = { views: [], clicks: [], plays: [] };
      users.set(userId, entry);
    }
    return entry;
  }
}

/** Both sources together (background behaviour and explicit actions). */
export function merged(a: Interaction, b: Interaction): Interaction {
  if (b.views.length === 0 && b.clicks.length === 0 && b.plays.length === 0) return a;
  if (a.views.length === 0 && a.clicks.length === 0 && a.plays.length === 0) return b;
  return { views: [...a.views, ...b.views], clicks: [...a.clicks, ...b.clicks], plays: [...a.plays, ...b.plays] };
}
