// What a simulated friend does with the account's messages in their one-to-one chat, from the phone
// simulator: display them, tap a link, play a video or audio. Each is recorded at the fake clock's now
// and counted in LINE's statistics at once (after `statisticsDelayMs`, 0 unless configured).
import { bubblesOf, type Bubble } from "../domain/bubbles";
import type { InboxEntry } from "../domain/inboxes";
import { interactionOf, sourcesOf } from "../domain/statistics";
import type { Platform } from "../platform";
import { ActionError, requireUser } from "./user-actions";

/**
 * The friend opens their chat: every send they received and have not looked at yet is displayed (one
 * impression of each of its bubbles). With a request id, that send is displayed again (one more
 * impression), whether or not it was seen before.
 */
export function openMessages(p: Platform, userId: string, requestId?: string): { opened: string[]; at: string } {
  requireUser(p, userId);
  const now = p.clock.now();
  const received = [...new Set(p.inboxes.get(userId).map((e) => e.requestId))];
  if (requestId !== undefined && !received.includes(requestId)) throw new ActionError(404, `${userId} received no message of request ${requestId}`);
  const opened = requestId !== undefined ? [requestId] : received.filter((id) => !seen(p, id, userId, now));
  for (const id of opened) p.interactions.view(id, userId, now);
  return { opened, at: new Date(now).toISOString() };
}

/** The friend taps a link in one message (`url`, or its first link); the message is displayed first if need be. */
export function tapLink(p: Platform, userId: string, messageId: string, url?: string) {
  const { entry, seq, bubble } = receivedMessage(p, userId, messageId);
  const target = url ?? bubble.urls[0];
  if (target === undefined) throw new ActionError(400, `Message ${messageId} has no link`);
  if (!bubble.urls.includes(target)) throw new ActionError(400, `Message ${messageId} has no link to ${target}`);
  const now = displayed(p, entry.requestId, userId);
  p.interactions.click(entry.requestId, userId, { seq, url: target, at: now });
  return { requestId: entry.requestId, messageId, seq, url: target, at: new Date(now).toISOString() };
}

/** The friend plays the video or audio of one message and stops `percent` (0–100) of the way through. */
export function playMedia(p: Platform, userId: string, messageId: string, percent: number) {
  const { entry, seq, bubble } = receivedMessage(p, userId, messageId);
  if (!bubble.media) throw new ActionError(400, `Message ${messageId} is not a video or audio message`);
  const now = displayed(p, entry.requestId, userId);
  p.interactions.play(entry.requestId, userId, { seq, percent, at: now });
  return { requestId: entry.requestId, messageId, seq, percent, at: new Date(now).toISOString() };
}

function receivedMessage(p: Platform, userId: string, messageId: string): { entry: InboxEntry; seq: number; bubble: Bubble } {
  requireUser(p, userId);
  for (const entry of p.inboxes.get(userId)) {
    const i = entry.messages.findIndex((m) => m.id === messageId);
    const message = entry.messages[i]?.message;
    if (message) return { entry, seq: i + 1, bubble: bubblesOf([message])[0] as Bubble };
  }
  throw new ActionError(404, `${userId} received no message ${messageId}`);
}

/** A bubble is on screen before anything in it can be tapped: a first look counts as an open. */
function displayed(p: Platform, requestId: string, userId: string): number {
  const now = p.clock.now();
  if (!seen(p, requestId, userId, now)) p.interactions.view(requestId, userId, now);
  return now;
}

function seen(p: Platform, requestId: string, userId: string, now: number): boolean {
  const send = p.trackedSends.get(requestId);
  const act = send ? interactionOf(send, userId, sourcesOf(p), now) : p.interactions.of(requestId, userId);
  return act.views.some((t) => t <= now);
}
