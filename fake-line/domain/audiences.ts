// Audiences (manage-audience.yml): uploaded user-id audiences and click/impression retargeting
// audiences. They are IN_PROGRESS for `audienceReadyMs` after creation, then READY; added ids become
// members when their upload job finishes. Status is computed from the clock when read.
import { DAY } from "../core/jst";
import type { Rng } from "../core/prng";

export type AudienceType = "UPLOAD" | "CLICK" | "IMP";

export type AudienceJob = {
  audienceGroupJobId: number;
  description: string | undefined;
  createdAt: number;
  readyAt: number;
  /** Ids still to be applied when the job finishes (emptied then). */
  ids: string[];
  /** Number of accounts the job adds. */
  count: number;
};

export type Audience = {
  audienceGroupId: number;
  type: AudienceType;
  description: string;
  createdAt: number;
  readyAt: number;
  isIfaAudience: boolean;
  requestId?: string;
  clickUrl?: string;
  members: Set<string>;
  jobs: AudienceJob[];
};

export type AudienceStatus = "IN_PROGRESS" | "READY" | "EXPIRED";

const EXPIRY_MS = 180 * DAY;

export class Audiences {
  #audiences = new Map<number, Audience>();
  #nextId: number;
  #nextJobId: number;

  constructor(rng: Rng) {
    this.#nextId = 1_000_000_000_000 + rng.int(0, 899_999) * 1_000_000;
    this.#nextJobId = 10_000_000 + rng.int(0, 8_999_999);
  }

  create(input: {
    type: AudienceType;
    description: string;
    isIfaAudience: boolean;
    ids: string[];
    uploadDescription?: string;
    requestId?: string;
    clickUrl?: string;
    now: number;
    readyMs: number;
  }): Audience {
    const audience: Audience = {
      audienceGroupId: this.#nextId++,
      type: input.type,
      description: input.description,
      createdAt: input.now,
      readyAt: input.now + input.readyMs,
      isIfaAudience: input.isIfaAudience,
      requestId: input.requestId,
      clickUrl: input.clickUrl,
      members: new Set(),
      jobs: [],
    };
    this.#audiences.set(audience.audienceGroupId, audience);
    if (input.type === "UPLOAD") this.addJob(audience, input.ids, input.uploadDescription, input.now, input.readyMs);
    else
      audience.jobs.push({
        audienceGroupJobId: 0,
        description: undefined,
        createdAt: input.now,
        readyAt: audience.readyAt,
        ids: input.ids,
        count: input.ids.length,
      });
    return audience;
  }

  addJob(audience: Audience, ids: string[], description: string | undefined, now: number, readyMs: number): AudienceJob {
    const unique = [...new Set(ids)];
    const job: AudienceJob = { audienceGroupJobId: this.#nextJobId++, description, createdAt: now, readyAt: now + readyMs, ids: unique, count: unique.length };
    audience.jobs.push(job);
    return job;
  }

  get(id: number, now: number): Audience | undefined {
    const audience = this.#audiences.get(id);
    if (audience) settle(audience, now);
    return audience;
  }

  list(now: number): Audience[] {
    const all = [...this.#audiences.values()];
    for (const a of all) settle(a, now);
    return all.sort((a, b) => b.createdAt - a.createdAt || b.audienceGroupId - a.audienceGroupId);
  }

  delete(id: number): boolean {
    return this.#audiences.delete(id);
  }
}

export function audienceStatus(audience: Audience, now: number): AudienceStatus {
  if (now < audience.readyAt) return "IN_PROGRESS";
  if (audience.type === "UPLOAD" && now >= audience.createdAt + EXPIRY_MS) return "EXPIRED";
  return "READY";
}

export function expireTimestamp(audience: Audience): number {
  return Math.floor((audience.createdAt + EXPIRY_MS) / 1000);
}

function settle(audience: Audience, now: number): void {
  for (const job of audience.jobs) {
    if (job.readyAt <= now && job.ids.length > 0) {
      for (const id of job.ids) audience.members.add(id);
      job.ids = [];
    }
  }
}
