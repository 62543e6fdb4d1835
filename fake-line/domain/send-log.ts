// Every accepted send request and who it reached: the basis for /__fake/sends, narrowcast redelivery
// recipients, click/impression audiences, message insight and per-day delivery counts.
import { jstDate } from "../core/jst";
import type { DeliveredMessage, SendKind } from "./inboxes";

export type SendRecord = {
  requestId: string;
  kind: SendKind;
  at: number;
  /** Chat ids (users, groups, rooms) that received the messages. */
  deliveredTo: string[];
  /** Recipients that were addressed but not delivered to (blocked, not friends, unknown). */
  notDelivered: number;
  messages: DeliveredMessage[];
};

export class SendLog {
  #records = new Map<string, SendRecord>();
  #daily = new Map<string, number>();

  constructor(private readonly limit: () => number) {}

  add(record: SendRecord): void {
    this.#records.set(record.requestId, record);
    const max = this.limit();
    for (const key of this.#records.keys()) {
      if (this.#records.size <= max) break;
      this.#records.delete(key);
    }
  }

  /** Per-day delivery statistics count recipients, on the UTC+9 date of delivery. */
  countDelivered(kind: SendKind, at: number, recipients: number): void {
    if (recipients <= 0) return;
    const day = `${kind}:${jstDate(at)}`;
    this.#daily.set(day, (this.#daily.get(day) ?? 0) + recipients);
  }

  get(requestId: string): SendRecord | undefined {
    return this.#records.get(requestId);
  }

  list(): SendRecord[] {
    return [...this.#records.values()];
  }

  /** Messages of one kind delivered on a UTC+9 date (counted per recipient). */
  dailyCount(kind: SendKind, yyyymmdd: string): number {
    return this.#daily.get(`${kind}:${yyyymmdd}`) ?? 0;
  }
}
