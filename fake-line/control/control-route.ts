// Control API plumbing (/__fake/…): no bearer token, JSON in and out. Handlers return a body (200) or
// a ControlReply; ControlError, ActionError and zod errors become 4xx answers with a message.
import type { IncomingMessage } from "node:http";
import { z } from "zod";
import type { Channels } from "../channels/channels";
import type { Platform } from "../platform";

export type ControlContext = {
  /** The addressed channel (the first one unless a prefix or `channel` parameter names another). */
  platform: Platform;
  channels: Channels;
  /** A channel was named explicitly (then whole-fake operations such as reset act on it alone). */
  scoped: boolean;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  req: IncomingMessage;
};

export type ControlReply = { status: number; body?: unknown; bytes?: Buffer; contentType?: string };

export type ControlRoute = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  handle(ctx: ControlContext): unknown;
};

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function isControlReply(value: unknown): value is ControlReply {
  return (
    typeof value === "object" &&
    value !== null &&
    "status" in value &&
    typeof (value as { status: unknown }).status === "number" &&
    ("body" in value || "bytes" in value)
  );
}

/** Parses a request body with a zod schema, answering 400 with the issues when it does not fit. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    throw new ControlError(400, result.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  }
  return result.data;
}

export function intParam(query: URLSearchParams, name: string, fallback?: number): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new ControlError(400, `${name} must be a number`);
  return n;
}

/** `since` as epoch ms or an ISO date. */
export function sinceParam(query: URLSearchParams): number | undefined {
  const raw = query.get("since");
  if (raw === null || raw === "") return undefined;
  const n = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(n)) throw new ControlError(400, "since must be epoch milliseconds or an ISO date");
  return n;
}
