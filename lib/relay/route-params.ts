import { z } from "zod";

export const relayIdParams = z.object({
  id: z.coerce
    .number("must be a number")
    .int()
    .positive("must be a positive number")
    .max(2 ** 31 - 1),
});
export const relayItemIdParams = z.object({ id: z.coerce.number("must be a number").int().positive("must be a positive number") });
