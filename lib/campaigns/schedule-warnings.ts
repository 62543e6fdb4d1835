import { areaByCode } from "@/lib/line/areas";
import { friendDemographics, type ChannelLine } from "@/lib/line/insight";
import { areaCodeOf } from "@/lib/sends/estimate";
import { RECIPIENT_ZONES, zoneWarnings, type RecipientZone, type ScheduleWarnings } from "./quiet-hours";

/** The warnings shown for a send at `at`: each recipient zone's local time, night and holidays, and the likely zone. */
export async function scheduleWarnings(line: ChannelLine, at: Date): Promise<ScheduleWarnings> {
  return { zones: zoneWarnings(at), likelyZone: await likelyZone(line) };
}

/**
 * The zone of the country most of the channel's friends are in, by LINE's friend demographics (areas
 * named as people there write them; cached 15 minutes). Null when LINE has none (fewer than 20 friends
 * reached, an account outside Japan, Taiwan and Thailand) or cannot be asked now: it is a hint only.
 */
export async function likelyZone(line: ChannelLine): Promise<RecipientZone | null> {
  let areas: Array<{ area: string; percentage: number }> | undefined;
  try {
    const demographics = await friendDemographics(line);
    areas = demographics.available ? demographics.areas : undefined;
  } catch {
    return null;
  }
  const shares = new Map<string, number>();
  for (const { area, percentage } of areas ?? []) {
    const code = areaCodeOf(area);
    const country = code ? areaByCode(code)?.country : undefined;
    if (country) shares.set(country, (shares.get(country) ?? 0) + percentage);
  }
  const [top] = [...shares].sort((a, b) => b[1] - a[1]);
  // Indonesia's areas count too: an account mostly there has none of the three zones as its likely one.
  return (top && top[1] > 0 && RECIPIENT_ZONES.find((z) => z.country === top[0])?.zone) || null;
}
