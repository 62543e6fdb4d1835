// Message objects (request side): 1–5 per request, per-type required fields and limits, quick replies
// and sender. Property paths are LINE's: `messages[0].text`, `messages[1].quickReply.items`…
import { ACTION_TYPES, checkAction } from "./actions";
import { Checker, join, type Obj } from "./checker";
import { checkFlexMessage } from "./flex";
import { checkImagemapMessage } from "./imagemap";
import { checkTemplateMessage } from "./template";

export const MESSAGE_TYPES = ["text", "textV2", "sticker", "image", "video", "audio", "location", "imagemap", "template", "flex", "coupon"] as const;

const QUICK_REPLY_ACTIONS = ACTION_TYPES.filter((t) => t !== "richmenuswitch");

/** Checks `body.messages`; returns the messages when they are at least an array of objects. */
export function checkMessages(c: Checker, body: Obj): Obj[] | undefined {
  const messages = c.arr(body, "messages", "", { required: true, min: 1, max: 5 });
  if (!messages) return undefined;
  const out: Obj[] = [];
  messages.forEach((value, i) => {
    const path = join("messages", i);
    const message = c.object(value, path);
    if (!message) return;
    checkMessage(c, message, path);
    out.push(message);
  });
  return out;
}

export function checkMessage(c: Checker, message: Obj, path: string): void {
  const type = c.str(message, "type", path, { required: true });
  if (type && c.oneOf(type, MESSAGE_TYPES, join(path, "type"))) checkByType(c, message, type, path);
  checkQuickReply(c, message, path);
  const sender = c.child(message, "sender", path);
  if (sender) {
    c.str(sender, "name", join(path, "sender"), { max: 20 });
    c.str(sender, "iconUrl", join(path, "sender"), { max: 2000, https: true });
  }
}

function checkByType(c: Checker, m: Obj, type: string, path: string): void {
  switch (type) {
    case "text":
      return checkText(c, m, path);
    case "textV2":
      return checkTextV2(c, m, path);
    case "sticker":
      c.str(m, "packageId", path, { required: true });
      c.str(m, "stickerId", path, { required: true });
      c.str(m, "quoteToken", path);
      return;
    case "image":
      c.str(m, "originalContentUrl", path, { required: true, max: 2000, https: true });
      c.str(m, "previewImageUrl", path, { required: true, max: 2000, https: true });
      return;
    case "video":
      c.str(m, "originalContentUrl", path, { required: true, max: 2000, https: true });
      c.str(m, "previewImageUrl", path, { required: true, max: 2000, https: true });
      c.str(m, "trackingId", path, { max: 100 });
      return;
    case "audio":
      c.str(m, "originalContentUrl", path, { required: true, max: 2000, https: true });
      c.num(m, "duration", path, { required: true, integer: true, min: 1 });
      return;
    case "location":
      c.str(m, "title", path, { required: true, max: 100 });
      c.str(m, "address", path, { required: true, max: 100 });
      c.num(m, "latitude", path, { required: true, min: -90, max: 90 });
      c.num(m, "longitude", path, { required: true, min: -180, max: 180 });
      return;
    case "imagemap":
      return checkImagemapMessage(c, m, path);
    case "template":
      return checkTemplateMessage(c, m, path);
    case "flex":
      return checkFlexMessage(c, m, path);
    case "coupon":
      c.str(m, "couponId", path, { required: true });
      c.str(m, "deliveryTag", path, { max: 30 });
      return;
  }
}

function checkText(c: Checker, m: Obj, path: string): void {
  const text = c.str(m, "text", path, { required: true, max: 5000 });
  c.str(m, "quoteToken", path);
  const emojis = c.arr(m, "emojis", path, { max: 20 });
  emojis?.forEach((value, i) => {
    const ePath = join(join(path, "emojis"), i);
    const emoji = c.object(value, ePath);
    if (!emoji) return;
    const index = c.num(emoji, "index", ePath, { required: true, integer: true, min: 0 });
    c.str(emoji, "productId", ePath, { required: true });
    c.str(emoji, "emojiId", ePath, { required: true });
    // Each emoji replaces a `$` placeholder in the text at `index` (UTF-16 offset).
    if (index !== undefined && text !== undefined && text.charAt(index) !== "$") c.error(join(ePath, "index"), "Must point at a $ placeholder in text");
  });
}

function checkTextV2(c: Checker, m: Obj, path: string): void {
  c.str(m, "text", path, { required: true, max: 5000 });
  c.str(m, "quoteToken", path);
  const substitution = c.child(m, "substitution", path);
  if (!substitution) return;
  const sPath = join(path, "substitution");
  const keys = Object.keys(substitution);
  if (keys.length > 100) c.error(sPath, "Size must be between 0 and 100");
  for (const key of keys) {
    const kPath = join(sPath, key);
    if (!/^[a-zA-Z0-9_]{1,20}$/.test(key)) c.error(kPath, "Key must match [a-zA-Z0-9_]{1,20}");
    const sub = c.object(substitution[key], kPath);
    if (!sub) continue;
    const type = c.str(sub, "type", kPath, { required: true });
    if (!type || !c.oneOf(type, ["mention", "emoji"], join(kPath, "type"))) continue;
    if (type === "emoji") {
      c.str(sub, "productId", kPath, { required: true });
      c.str(sub, "emojiId", kPath, { required: true });
      continue;
    }
    const mentionee = c.child(sub, "mentionee", kPath, true);
    if (!mentionee) continue;
    const mPath = join(kPath, "mentionee");
    const mType = c.str(mentionee, "type", mPath, { required: true });
    if (c.oneOf(mType, ["user", "all"], join(mPath, "type")) && mType === "user") c.str(mentionee, "userId", mPath, { required: true });
  }
}

function checkQuickReply(c: Checker, m: Obj, path: string): void {
  const quickReply = c.child(m, "quickReply", path);
  if (!quickReply) return;
  const qPath = join(path, "quickReply");
  const items = c.arr(quickReply, "items", qPath, { required: true, max: 13 });
  items?.forEach((value, i) => {
    const iPath = join(join(qPath, "items"), i);
    const item = c.object(value, iPath);
    if (!item) return;
    if (item.type !== undefined) c.oneOf(c.str(item, "type", iPath), ["action"], join(iPath, "type"));
    c.str(item, "imageUrl", iPath, { max: 2000, https: true });
    if (item.action === undefined) c.error(join(iPath, "action"), "must be specified");
    else checkAction(c, item.action, join(iPath, "action"), { allowed: QUICK_REPLY_ACTIONS, labelRequired: true, labelMax: 20 });
  });
}
