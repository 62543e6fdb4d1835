// Imagemap messages: base image, size, tappable areas and an optional video.
import { Checker, join, type Obj } from "./checker";

export function checkImagemapMessage(c: Checker, message: Obj, path: string): void {
  c.str(message, "baseUrl", path, { required: true, max: 2000, https: true });
  c.str(message, "altText", path, { required: true, max: 1500 });
  const size = c.child(message, "baseSize", path, true);
  if (size) {
    const sPath = join(path, "baseSize");
    const width = c.num(size, "width", sPath, { required: true, integer: true });
    c.num(size, "height", sPath, { required: true, integer: true, min: 1 });
    if (width !== undefined && width !== 1040) c.error(join(sPath, "width"), "Must be 1040");
  }
  const actions = c.arr(message, "actions", path, { required: true, max: 50 });
  actions?.forEach((value, i) => {
    const aPath = join(join(path, "actions"), i);
    const action = c.object(value, aPath);
    if (!action) return;
    const type = c.str(action, "type", aPath, { required: true });
    if (type && c.oneOf(type, ["uri", "message", "clipboard"], join(aPath, "type"))) {
      if (type === "uri") c.str(action, "linkUri", aPath, { required: true, max: 1000 });
      if (type === "message") c.str(action, "text", aPath, { required: true, max: 400 });
      if (type === "clipboard") c.str(action, "clipboardText", aPath, { required: true, min: 1, max: 1000 });
    }
    c.str(action, "label", aPath, { max: 100 });
    checkArea(c, action, aPath, true);
  });
  const video = c.child(message, "video", path);
  if (video) {
    const vPath = join(path, "video");
    c.str(video, "originalContentUrl", vPath, { required: true, max: 2000, https: true });
    c.str(video, "previewImageUrl", vPath, { required: true, max: 2000, https: true });
    checkArea(c, video, vPath, true);
    const link = c.child(video, "externalLink", vPath);
    if (link) {
      c.str(link, "linkUri", join(vPath, "externalLink"), { required: true, max: 1000 });
      c.str(link, "label", join(vPath, "externalLink"), { required: true, max: 30 });
    }
  }
}

function checkArea(c: Checker, owner: Obj, path: string, required: boolean): void {
  const area = c.child(owner, "area", path, required);
  if (!area) return;
  const aPath = join(path, "area");
  for (const key of ["x", "y", "width", "height"]) c.num(area, key, aPath, { required: true, integer: true, min: 0 });
}
