// Simulated recipient behaviour, stable per request and user, shared by the message-event insight
// and click/impression audiences so the two agree: ~60 % open a message, ~20 % of them click a link.
import { hashString } from "../core/prng";

export function opened(requestId: string, userId: string): boolean {
  return hashString(`${requestId}:imp:${userId}`) % 100 < 60;
}

export function clicked(requestId: string, userId: string): boolean {
  return opened(requestId, userId) && hashString(`${requestId}:click:${userId}`) % 100 < 20;
}
