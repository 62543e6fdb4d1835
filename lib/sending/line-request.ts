import type { messagingApi } from "@line/bot-sdk";
import type { ChunkRow, SendRow } from "@/db/schema/messages";
import type { LineClients } from "@/lib/line/clients";
import type { NarrowcastBody, PushBody, SendBody } from "@/lib/messages/send-schemas";
import { classifyError, type CallOutcome } from "./classify";

/** No LINE call may hang a worker: the SDK's fetch has no timeout of its own. */
export const CALL_TIMEOUT_MS = 30_000;

/** Make the one LINE request a chunk stands for, with its retry key. */
export async function callLine(clients: LineClients, send: Pick<SendRow, "kind" | "request">, chunk: Pick<ChunkRow, "recipients" | "retryKey">): Promise<CallOutcome> {
  const body = send.request as SendBody & { replyToken?: string };
  const messages = body.messages as messagingApi.Message[];
  const base = { messages, notificationDisabled: body.notificationDisabled };
  try {
    const res = await withTimeout(() => {
      switch (send.kind) {
        case "push": {
          const b = body as PushBody;
          return clients.api.pushMessageWithHttpInfo({ ...base, to: b.to, customAggregationUnits: b.customAggregationUnits }, chunk.retryKey);
        }
        case "multicast":
          return clients.api.multicastWithHttpInfo(
            { ...base, to: chunk.recipients ?? [], customAggregationUnits: (body as PushBody).customAggregationUnits },
            chunk.retryKey,
          );
        case "broadcast":
          return clients.api.broadcastWithHttpInfo(base, chunk.retryKey);
        case "narrowcast": {
          const b = body as NarrowcastBody;
          return clients.api.narrowcastWithHttpInfo(
            { ...base, recipient: b.recipient as messagingApi.Recipient, filter: b.filter as messagingApi.Filter, limit: b.limit },
            chunk.retryKey,
          );
        }
        case "reply":
          // LINE takes no retry key on reply; a reply token is single-use instead.
          return clients.api.replyMessageWithHttpInfo({ ...base, replyToken: body.replyToken! });
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
