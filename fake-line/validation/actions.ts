// Action objects (used by quick replies, templates, flex and imagemaps) — required fields and limits
// from messaging-api.yml `Action` and the Messaging API reference.
import { Checker, join, type Obj } from "./checker";

export const ACTION_TYPES = ["postback", "message", "uri", "datetimepicker", "camera", "cameraRoll", "location", "richmenuswitch", "clipboard"] as const;

export type ActionRule = {
  allowed: readonly string[];
  labelRequired: boolean;
  labelMax: number;
};

export function checkAction(c: Checker, value: unknown, path: string, rule: ActionRule): void {
  const action = c.object(value, path);
  if (!action) return;
  const type = c.str(action, "type", path, { required: true });
  if (!type || !c.oneOf(type, rule.allowed, join(path, "type"))) return;
  // camera / cameraRoll / location have nothing but a label, which they always need.
  const needsLabel = rule.labelRequired || type === "camera" || type === "cameraRoll" || type === "location";
  c.str(action, "label", path, { required: needsLabel, max: rule.labelMax });
  checkActionFields(c, action, type, path);
}

function checkActionFields(c: Checker, action: Obj, type: string, path: string): void {
  switch (type) {
    case "postback":
      c.str(action, "data", path, { required: true, max: 300 });
      c.str(action, "displayText", path, { max: 300 });
      c.str(action, "fillInText", path, { max: 300 });
      if (action.inputOption !== undefined) {
        c.oneOf(c.str(action, "inputOption", path), ["closeRichMenu", "openRichMenu", "openKeyboard", "openVoice"], join(path, "inputOption"));
      }
      return;
    case "message":
      c.str(action, "text", path, { required: true, max: 300 });
      return;
    case "uri": {
      const uri = c.str(action, "uri", path, { required: true, max: 1000 });
      if (uri && !/^(https?|line|tel):/i.test(uri)) c.error(join(path, "uri"), "Must be a valid URI (http, https, line or tel)");
      return;
    }
    case "datetimepicker":
      c.str(action, "data", path, { required: true, max: 300 });
      c.oneOf(c.str(action, "mode", path, { required: true }), ["date", "time", "datetime"], join(path, "mode"));
      return;
    case "richmenuswitch":
      c.str(action, "richMenuAliasId", path, { required: true, max: 32 });
      c.str(action, "data", path, { required: true, max: 300 });
      return;
    case "clipboard":
      c.str(action, "clipboardText", path, { required: true, min: 1, max: 1000 });
      return;
    default:
      return;
  }
}
