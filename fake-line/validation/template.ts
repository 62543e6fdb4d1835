// Template messages: buttons, confirm, carousel and image carousel (required fields and limits).
import { ACTION_TYPES, checkAction } from "./actions";
import { Checker, join, type Obj } from "./checker";

const TEMPLATE_ACTIONS = ACTION_TYPES.filter((t) => !["camera", "cameraRoll", "location", "richmenuswitch"].includes(t));

export function checkTemplateMessage(c: Checker, message: Obj, path: string): void {
  c.str(message, "altText", path, { required: true, max: 400 });
  const template = c.child(message, "template", path, true);
  if (!template) return;
  const tPath = join(path, "template");
  const type = c.str(template, "type", tPath, { required: true });
  if (!type || !c.oneOf(type, ["buttons", "confirm", "carousel", "image_carousel"], join(tPath, "type"))) return;
  if (type === "buttons") checkButtons(c, template, tPath);
  if (type === "confirm") {
    c.str(template, "text", tPath, { required: true, max: 240 });
    checkActions(c, template, tPath, 2, 2);
  }
  if (type === "carousel") checkCarousel(c, template, tPath);
  if (type === "image_carousel") checkImageCarousel(c, template, tPath);
}

function checkButtons(c: Checker, t: Obj, path: string): void {
  const hasImageOrTitle = t.thumbnailImageUrl !== undefined || t.title !== undefined;
  c.str(t, "text", path, { required: true, max: hasImageOrTitle ? 60 : 160 });
  c.str(t, "title", path, { max: 40 });
  c.str(t, "thumbnailImageUrl", path, { max: 2000, https: true });
  if (t.imageAspectRatio !== undefined) c.oneOf(c.str(t, "imageAspectRatio", path), ["rectangle", "square"], join(path, "imageAspectRatio"));
  if (t.imageSize !== undefined) c.oneOf(c.str(t, "imageSize", path), ["cover", "contain"], join(path, "imageSize"));
  c.str(t, "imageBackgroundColor", path, { pattern: /^#[0-9a-fA-F]{6}$/, patternMessage: "Must be a hex colour like #FFFFFF" });
  if (t.defaultAction !== undefined)
    checkAction(c, t.defaultAction, join(path, "defaultAction"), { allowed: TEMPLATE_ACTIONS, labelRequired: false, labelMax: 20 });
  checkActions(c, t, path, 1, 4);
}

function checkCarousel(c: Checker, t: Obj, path: string): void {
  if (t.imageAspectRatio !== undefined) c.oneOf(c.str(t, "imageAspectRatio", path), ["rectangle", "square"], join(path, "imageAspectRatio"));
  if (t.imageSize !== undefined) c.oneOf(c.str(t, "imageSize", path), ["cover", "contain"], join(path, "imageSize"));
  const columns = c.arr(t, "columns", path, { required: true, min: 1, max: 10 });
  if (!columns) return;
  const counts = new Set<number>();
  columns.forEach((value, i) => {
    const cPath = join(join(path, "columns"), i);
    const column = c.object(value, cPath);
    if (!column) return;
    const hasImageOrTitle = column.thumbnailImageUrl !== undefined || column.title !== undefined;
    c.str(column, "text", cPath, { required: true, max: hasImageOrTitle ? 60 : 120 });
    c.str(column, "title", cPath, { max: 40 });
    c.str(column, "thumbnailImageUrl", cPath, { max: 2000, https: true });
    if (column.defaultAction !== undefined)
      checkAction(c, column.defaultAction, join(cPath, "defaultAction"), { allowed: TEMPLATE_ACTIONS, labelRequired: false, labelMax: 20 });
    const actions = checkActions(c, column, cPath, 1, 3);
    if (actions) counts.add(actions.length);
  });
  // LINE requires every column of a carousel to have the same number of actions.
  if (counts.size > 1) c.error(join(path, "columns"), "All columns must have the same number of actions");
}

function checkImageCarousel(c: Checker, t: Obj, path: string): void {
  const columns = c.arr(t, "columns", path, { required: true, min: 1, max: 10 });
  columns?.forEach((value, i) => {
    const cPath = join(join(path, "columns"), i);
    const column = c.object(value, cPath);
    if (!column) return;
    c.str(column, "imageUrl", cPath, { required: true, max: 2000, https: true });
    if (column.action === undefined) c.error(join(cPath, "action"), "must be specified");
    else checkAction(c, column.action, join(cPath, "action"), { allowed: TEMPLATE_ACTIONS, labelRequired: false, labelMax: 12 });
  });
}

function checkActions(c: Checker, owner: Obj, path: string, min: number, max: number): unknown[] | undefined {
  const actions = c.arr(owner, "actions", path, { required: true, min, max });
  actions?.forEach((a, i) => checkAction(c, a, join(join(path, "actions"), i), { allowed: TEMPLATE_ACTIONS, labelRequired: true, labelMax: 20 }));
  return actions;
}
