// The sends LINE keeps statistics for: broadcasts and narrowcasts (per request id) and push/multicast
// messages that named a custom aggregation unit (per unit). Kept apart from the send log, which keeps
// fewer records for the control API, so statistics of a month of one-to-one pushes survive.
import { hashString } from "../core/prng";
import { bubblesOf, type Bubble } from "./bubbles";
import type { SendRecord } from "./send-log";

export type TrackedSend = {
  /** The send's record; a narrowcast's `deliveredTo` grows while it is sending. */
  record: SendRecord;
  unit: string | null;
  bubbles: Bubble[];
  /**
   * How appealing the content is to the simulated friends (0.8–1.2, from the messages themselves), so
   * two variants of an A/B test do not perform exactly alike.
   */
  appeal: number;
};

export class TrackedSends {
  #byRequest = new Map<string, TrackedSend>();
  #byUnit = new Map<string, TrackedSend[]>();

  constructor(private readonly limit: () => number) {}

  track(record: SendRecord, unit: string | null): TrackedSend {
    const messages = record.messages.map((m) => m.message);
    const send: TrackedSend = { record, unit, bubbles: bubblesOf(messages), appeal: 0.8 + (hashString(JSON.stringify(messages)) % 401) / 1000 };
    this.#byRequest.set(record.requestId, send);
    if (unit !== null) {
      const sends = this.#byUnit.get(unit);
      if (sends) sends.push(send);
      else this.#byUnit.set(unit, [send]);
    }
    this.#prune();
    return send;
  }

  get(requestId: string): TrackedSend | undefined {
    return this.#byRequest.get(requestId);
  }

  /** Sends that named `unit` (case-sensitive), oldest first. */
  ofUnit(unit: string): readonly TrackedSend[] {
    return this.#byUnit.get(unit) ?? [];
  }

  #prune(): void {
    const max = this.limit();
    for (const [requestId, send] of this.#byRequest) {
      if (this.#byRequest.size <= max) break;
      this.#byRequest.delete(requestId);
      // The oldest tracked send is also the oldest of its unit.
      if (send.unit !== null) this.#byUnit.get(send.unit)?.shift();
    }
  }
}
