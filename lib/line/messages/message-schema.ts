import { z } from "zod";
import { quickReplyAction } from "./actions";
import { audioMessage, imageMessage, locationMessage, stickerMessage, textMessage, textV2Message, videoMessage } from "./basic";
import { customCheck, httpsUrl } from "./common";
import { flexMessage } from "./flex";
import { imagemapMessage } from "./imagemap";
import { templateMessage } from "./template";

// One LINE message object, as the Messaging API takes it: shared by the composer (checked as the
// operator types) and the send routes (checked again before anything is stored or sent).

const quickReply = z.object({
  items: z
    .array(z.object({ type: z.literal("action"), imageUrl: httpsUrl().optional(), action: quickReplyAction }))
    .min(1)
    .max(13),
});

const sender = z.object({ name: z.string().min(1).max(20).optional(), iconUrl: httpsUrl().optional() });

const extras = { quickReply: quickReply.optional(), sender: sender.optional() };

export const messageSchema = z.discriminatedUnion("type", [
  textMessage.extend(extras),
  textV2Message.extend(extras),
  stickerMessage.extend(extras),
  imageMessage.extend(extras),
  videoMessage.extend(extras),
  audioMessage.extend(extras),
  locationMessage.extend(extras),
  imagemapMessage.extend(extras),
  templateMessage.extend(extras),
  flexMessage.extend(extras),
]);

export type Message = z.infer<typeof messageSchema>;

/** 1 to 5 messages, sent together. Only the last one's quick reply is shown by LINE. */
export const messagesSchema = z
  .array(messageSchema)
  .min(1, customCheck("add at least one message", "validation.messagesMin"))
  .max(5, customCheck("at most 5 messages per send", "validation.messagesMax"));
