import { z } from "zod";

/** `/api/messages/:id`: a send's id. */
export const sendParams = z.object({ id: z.string().uuid("must be a send id") });
