// Flex messages: container and component structure (types, required fields, nesting), not layout.
import { ACTION_TYPES, checkAction } from "./actions";
import { Checker, join, type Obj } from "./checker";

const FLEX_ACTIONS = ACTION_TYPES.filter((t) => !["camera", "cameraRoll", "location", "richmenuswitch"].includes(t));
const COMPONENTS = ["box", "button", "image", "video", "icon", "text", "span", "separator", "filler"];

export function checkFlexMessage(c: Checker, message: Obj, path: string): void {
  c.str(message, "altText", path, { required: true, max: 400 });
  const contents = c.child(message, "contents", path, true);
  if (!contents) return;
  const cPath = join(path, "contents");
  const type = c.str(contents, "type", cPath, { required: true });
  if (!type || !c.oneOf(type, ["bubble", "carousel"], join(cPath, "type"))) return;
  if (type === "bubble") {
    checkBubble(c, contents, cPath);
    return;
  }
  const bubbles = c.arr(contents, "contents", cPath, { required: true, min: 1, max: 12 });
  bubbles?.forEach((value, i) => {
    const bPath = join(join(cPath, "contents"), i);
    const bubble = c.object(value, bPath);
    if (!bubble) return;
    if (c.oneOf(c.str(bubble, "type", bPath, { required: true }), ["bubble"], join(bPath, "type"))) checkBubble(c, bubble, bPath);
  });
}

function checkBubble(c: Checker, bubble: Obj, path: string): void {
  for (const block of ["header", "body", "footer"]) {
    const box = c.child(bubble, block, path);
    if (box) checkComponent(c, box, join(path, block), ["box"], 0);
  }
  const hero = c.child(bubble, "hero", path);
  if (hero) checkComponent(c, hero, join(path, "hero"), ["box", "image", "video"], 0);
  if (bubble.size !== undefined) c.oneOf(c.str(bubble, "size", path), ["nano", "micro", "deca", "hecto", "kilo", "mega", "giga"], join(path, "size"));
  if (bubble.direction !== undefined) c.oneOf(c.str(bubble, "direction", path), ["ltr", "rtl"], join(path, "direction"));
  if (bubble.action !== undefined) checkAction(c, bubble.action, join(path, "action"), { allowed: FLEX_ACTIONS, labelRequired: false, labelMax: 40 });
}

function checkComponent(c: Checker, component: Obj, path: string, allowed: readonly string[], depth: number): void {
  const type = c.str(component, "type", path, { required: true });
  if (!type || !c.oneOf(type, allowed, join(path, "type"))) return;
  if (depth > 20) {
    c.error(path, "Nesting is too deep");
    return;
  }
  if (component.action !== undefined) checkAction(c, component.action, join(path, "action"), { allowed: FLEX_ACTIONS, labelRequired: false, labelMax: 40 });
  switch (type) {
    case "box": {
      c.oneOf(c.str(component, "layout", path, { required: true }), ["horizontal", "vertical", "baseline"], join(path, "layout"));
      const children = c.arr(component, "contents", path, { required: true });
      children?.forEach((child, i) => {
        const chPath = join(join(path, "contents"), i);
        const obj = c.object(child, chPath);
        if (obj)
          checkComponent(
            c,
            obj,
            chPath,
            COMPONENTS.filter((t) => t !== "span"),
            depth + 1,
          );
      });
      return;
    }
    case "button":
      if (component.action === undefined) c.error(join(path, "action"), "must be specified");
      return;
    case "image":
    case "icon":
      c.str(component, "url", path, { required: true, max: 2000, https: true });
      return;
    case "video":
      c.str(component, "url", path, { required: true, max: 2000, https: true });
      c.str(component, "previewUrl", path, { required: true, max: 2000, https: true });
      if (c.child(component, "altContent", path, true)) checkComponent(c, component.altContent as Obj, join(path, "altContent"), ["box", "image"], depth + 1);
      return;
    case "text": {
      const spans = c.arr(component, "contents", path);
      if (spans && spans.length > 0) {
        spans.forEach((span, i) => {
          const sPath = join(join(path, "contents"), i);
          const obj = c.object(span, sPath);
          if (obj) checkComponent(c, obj, sPath, ["span"], depth + 1);
        });
      } else {
        c.str(component, "text", path, { required: true });
      }
      return;
    }
    case "span":
      c.str(component, "text", path, { required: true });
      return;
    default:
      return;
  }
}
