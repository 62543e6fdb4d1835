import { z } from "zod";

// What LINE POSTs: { destination, events: [...] }. Events are kept whole (unknown types and fields are
// stored untouched), so only their outer shape is checked here.
export const callbackBodySchema = z.object({
  destination: z.string().min(1, "destination must be a non-empty string"),
  events: z.array(z.record(z.string(), z.unknown()), "events must be an array of event objects"),
});

export type CallbackBody = z.infer<typeof callbackBodySchema>;
export type RawEvent = CallbackBody["events"][number];
