import { z } from "zod";
import { actionUri, custom, label } from "./common";

// Action objects (buttons, quick replies, imagemaps' message/uri areas). `label` is optional where a
// default action or image carousel column may omit it, so it is required by the callers that need it.

const datetime = /^\d{4}-\d{2}-\d{2}(t\d{2}:\d{2})?$|^\d{2}:\d{2}$/i;

export const postbackAction = z.object({
  type: z.literal("postback"),
  label: label.optional(),
  data: z.string().min(1).max(300),
  displayText: z.string().min(1).max(300).optional(),
  inputOption: z.enum(["closeRichMenu", "openRichMenu", "openKeyboard", "openVoice"]).optional(),
  fillInText: z.string().max(300).optional(),
});

export const messageAction = z.object({ type: z.literal("message"), label: label.optional(), text: z.string().min(1).max(300) });

export const uriAction = z.object({
  type: z.literal("uri"),
  label: label.optional(),
  uri: actionUri,
  altUri: z.object({ desktop: actionUri }).optional(),
});

export const datetimePickerAction = z
  .object({
    type: z.literal("datetimepicker"),
    label: label.optional(),
    data: z.string().min(1).max(300),
    mode: z.enum(["date", "time", "datetime"]),
    initial: z.string().regex(datetime).optional(),
    max: z.string().regex(datetime).optional(),
    min: z.string().regex(datetime).optional(),
  })
  .refine((a) => !a.min || !a.max || a.min < a.max, custom("min must be before max", "validation.minBeforeMax"));

export const cameraAction = z.object({ type: z.literal("camera"), label });
export const cameraRollAction = z.object({ type: z.literal("cameraRoll"), label });
export const locationAction = z.object({ type: z.literal("location"), label });
export const clipboardAction = z.object({ type: z.literal("clipboard"), label: label.optional(), clipboardText: z.string().min(1).max(1000) });

/** Actions allowed on template buttons, carousel columns and flex components. */
export const action = z.union([postbackAction, messageAction, uriAction, datetimePickerAction, clipboardAction]);

/** Quick reply buttons also offer camera, camera roll and location, and always show a label. */
export const quickReplyAction = z
  .union([postbackAction, messageAction, uriAction, datetimePickerAction, cameraAction, cameraRollAction, locationAction, clipboardAction])
  .refine((a) => "label" in a && !!a.label, custom("needs a label (at most 20 characters)", "validation.labelRequired"));
