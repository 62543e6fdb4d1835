import { z } from "zod";
import { relayDestinationPatchSchema, relayDestinationSchema, type RelayDestinationPatch } from "@/lib/relay/schemas";
import { eventTypesOf, type FilterState } from "./destination-filter-fields";

/**
 * The destination form's values, turned into the route's body and checked by the route's own schema
 * (create or patch). The form asks for seconds and for event types as ticks plus typed words; the
 * body counts milliseconds and lists types. Field names are the body's, so an issue lands on its field.
 */
export function destinationFormSchema(existing: { secretSet: boolean } | null) {
  // Either schema reads the same body; a created destination is a complete patch, so one type serves.
  const body = (existing
    ? relayDestinationPatchSchema.superRefine((v, ctx) => {
        // Left empty, a stored secret stays; re-signing without one stored needs a new one.
        if (v.signing === "own" && !v.secret && !existing.secretSet) ctx.addIssue({ code: "custom", path: ["secret"], message: "is required" });
      })
    : relayDestinationSchema) as unknown as z.ZodType<RelayDestinationPatch, z.input<typeof relayDestinationPatchSchema>>;
  return z
    .object({
      name: z.string(),
      url: z.string(),
      signing: z.enum(["line", "own"]),
      secret: z.string(),
      filters: z.custom<FilterState>(),
      unseenOnly: z.boolean(),
      timeoutMs: z.string(),
    })
    .transform((v): z.input<typeof relayDestinationPatchSchema> => {
      const seconds = Number(v.timeoutMs.replace(",", "."));
      return {
        name: v.name,
        url: v.url,
        signing: v.signing,
        ...(v.signing === "own" && v.secret.trim() ? { secret: v.secret } : {}),
        eventTypes: eventTypesOf(v.filters),
        sourceTypes: (v.filters.sourceTypes.length ? v.filters.sourceTypes : null) as RelayDestinationPatch["sourceTypes"],
        modes: (v.filters.modes.length ? v.filters.modes : null) as RelayDestinationPatch["modes"],
        unseenOnly: v.unseenOnly,
        timeoutMs: Number.isFinite(seconds) && v.timeoutMs.trim() ? Math.round(seconds * 1000) : Number.NaN,
      };
    })
    .pipe(body);
}
