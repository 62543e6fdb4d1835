import type { Db } from "@/db/client";
import { getSchedule, listSchedules } from "@/db/queries/schedules";
import { notFound } from "@/lib/platform/http/errors";
import { encodeScheduleCursor, type listSchedulesQuerySchema } from "./schedule-schemas";
import { serializeSchedule } from "./serialize-schedule";
import type { z } from "zod";

/** Upcoming schedules soonest first (the past ones latest first), a page at a time. */
export async function readSchedules(db: Db, params: { channelId: number; query: z.infer<typeof listSchedulesQuerySchema> }) {
  const { status, limit, cursor } = params.query;
  const page = await listSchedules(db, { channelId: params.channelId, status, limit, cursor });
  const last = page.items.at(-1);
  return { items: page.items.map(serializeSchedule), nextCursor: page.hasMore && last ? encodeScheduleCursor(last) : null };
}

export async function readSchedule(db: Db, params: { channelId: number; id: string }) {
  const row = await getSchedule(db, params);
  if (!row) throw notFound("Schedule");
  return { schedule: serializeSchedule(row) };
}
