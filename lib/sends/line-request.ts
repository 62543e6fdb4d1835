import type { messagingApi } from "@line/bot-sdk";
import type { ChunkRow, SendRow } from "@/db/schema/sends";
import type { LineClients } from "@/lib/line/clients";
import type { NarrowcastBody, PushBody, SendBody } from "@/lib/sends/send-schemas";
import { classifyError, type CallOutcome } from "./classify";

/** No LINE call may hang a worker: the SDK's fetch has no timeout of its own. */
export const CALL_TIMEOUT_MS = 30_000;

type SendOfRequest = Pick<SendRow, "kind" | "request" | "aggregationUnit">;

/**
 * The JSON body of the one LINE request a chunk stands for — exactly what LINE receives (undefined
 * fields are left out when it is sent), so the send's page can show it as sent. A push or multicast in
 * a measured campaign carries its one aggregation unit (the send row's, never the stored body's: the
 * unit is dropped there when LINE refuses it).
 */
export function lineRequestBody(send: SendOfRequest, chunk: Pick<ChunkRow, "recipients">): Record<string, unknown> {
  const body = send.request as SendBody & { replyToken?: string };
  const base = { messages: body.messages, notificationDisabled: body.notificationDisabled };
  const units = send.aggregationUnit ? [send.aggregationUnit] : undefined;
  switch (send.kind) {
    case "push":
      return { to: (body as PushBody).to, ...base, customAggregationUnits: units };
    case "multicast":
      return { to: chunk.recipients ?? [], ...base, customAggregationUnits: units };
    case "broadcast":
      return base;
    case "narrowcast": {
      const b = body as NarrowcastBody;
      return { ...base, recipient: b.recipient, filter: b.filter, limit: b.limit };
    }
    case "reply":
      return { replyToken: body.replyToken, ...base };
  }
}

/** Make the one LINE request a chunk stands for, with its retry key. */
export async function callLine(clients: LineClients, send: SendOfRequest, chunk: Pick<ChunkRow, "recipients" | "retryKey">): Promise<CallOutcome> {
  const body = lineRequestBody(send, chunk);
  try {
    const res = await withTimeout(() => {
      switch (send.kind) {
        case "push":
          return clients.api.pushMessageWithHttpInfo(body as unknown as messagingApi.PushMessageRequest, chunk.retryKey);
        case "multicast":
          return clients.api.multicastWithHttpInfo(body as unknown as messagingApi.MulticastRequest, chunk.retryKey);
        case "broadcast":
          return clients.api.broadcastWithHttpInfo(body as unknown as messagingApi.BroadcastRequest, chunk.retryKey);
        case "narrowcast":
          return clients.api.narrowcastWithHttpInfo(body as unknown as messagingApi.NarrowcastRequest, chunk.retryKey);
        case "reply":
          // LINE takes no retry key on reply; a reply token is single-use instead.
          return clients.api.replyMessageWithHttpInfo(body as unknown as messagingApi.ReplyMessageRequest);
      }
    });
    return { kind: "accepted", status: res.httpResponse.status, requestId: res.httpResponse.headers.get("x-line-request-id"), body: res.body };
  } catch (err) {
    return classifyError(err);
  }
}

async function withTimeout<T>(fn: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      fn(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`LINE did not answer within ${CALL_TIMEOUT_MS / 1000} s`)), CALL_TIMEOUT_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
