import { sql } from "drizzle-orm";
import type { Db } from "../client";

export interface Backlogs {
  /** Background jobs due and not done (profiles, media, audience uploads, …). */
  jobsDue: number;
  /** Requests of sends still to be made to LINE (chunks of up to 500 recipients). */
  sendRequestsPending: number;
  /** Per relay destination: deliveries still to forward, and the age of the oldest in seconds. */
  relay: Array<{ destination: string; pending: number; oldestSeconds: number | null }>;
}

/** What is waiting, read at each scrape from the partial indexes that list exactly that. */
export async function readBacklogs(db: Db): Promise<Backlogs> {
  const counts = await db.execute(sql`
    select
      (select count(*) from jobs where done_at is null and failed_at is null and run_at <= now())::int as jobs_due,
      (select count(*) from send_chunks where status = 'pending')::int as send_requests_pending`);
  const relay = await db.execute(sql`
    select d.name as destination, count(i.id)::int as pending,
      extract(epoch from now() - min(i.received_at))::float8 as oldest_seconds
    from relay_destinations d
    left join relay_items i on i.destination_id = d.id and i.state = 'pending'
    group by d.id, d.name order by d.id`);
  const row = (counts as unknown as { rows: Array<{ jobs_due: number; send_requests_pending: number }> }).rows[0]!;
  type RelayRow = { destination: string; pending: number; oldest_seconds: number | null };
  return {
    jobsDue: row.jobs_due,
    sendRequestsPending: row.send_requests_pending,
    relay: (relay as unknown as { rows: RelayRow[] }).rows.map((r) => ({
      destination: r.destination,
      pending: r.pending,
      oldestSeconds: r.oldest_seconds === null ? null : Number(r.oldest_seconds),
    })),
  };
}
