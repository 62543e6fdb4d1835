// Generated pictures: profile avatars (a silhouette on a colour derived from the id), group icons,
// and "photos" that fake friends send (a small landscape whose colours derive from the message id).
import { hashString } from "../core/prng";
import { encodePng, hslToRgb, type Rgb } from "./png";

const cache = new Map<string, Buffer>();
const CACHE_LIMIT = 128;

export function avatarPng(id: string, size = 96): Buffer {
  return cached(`avatar:${id}:${size}`, () => {
    const hue = hashString(id) % 360;
    const bg = hslToRgb(hue, 0.55, 0.55);
    const fg = hslToRgb(hue, 0.35, 0.9);
    const c = size / 2;
    return encodePng(size, size, (x, y) => {
      const head = (x - c) ** 2 + (y - size * 0.4) ** 2 < (size * 0.19) ** 2;
      const body = ((x - c) / (size * 0.34)) ** 2 + ((y - size * 0.98) / (size * 0.36)) ** 2 < 1;
      return head || body ? fg : bg;
    });
  });
}

export function groupIconPng(id: string, size = 96): Buffer {
  return cached(`group:${id}:${size}`, () => {
    const hue = hashString(id) % 360;
    const a = hslToRgb(hue, 0.5, 0.6);
    const b = hslToRgb((hue + 40) % 360, 0.5, 0.45);
    const cell = size / 4;
    return encodePng(size, size, (x, y) => ((Math.floor(x / cell) + Math.floor(y / cell)) % 2 === 0 ? a : b));
  });
}

/** A landscape "photo"; the preview is the same picture at a quarter of the size. */
export function photoPng(messageId: string, preview: boolean): Buffer {
  const width = preview ? 160 : 640;
  const height = preview ? 120 : 480;
  return cached(`photo:${messageId}:${width}`, () => {
    const h = hashString(messageId);
    const skyHue = 190 + (h % 40);
    const hillHue = 80 + ((h >>> 8) % 60);
    const sunX = width * (0.2 + ((h >>> 16) % 60) / 100);
    const sunY = height * 0.3;
    const sunR = height * 0.09;
    return encodePng(width, height, (x, y): Rgb => {
      const hill = height * (0.62 + 0.08 * Math.sin((x / width) * Math.PI * 2 + (h % 7)));
      if (y > hill) return hslToRgb(hillHue, 0.45, 0.35 + (0.1 * (y - hill)) / height);
      if ((x - sunX) ** 2 + (y - sunY) ** 2 < sunR ** 2) return [255, 226, 120];
      return hslToRgb(skyHue, 0.6, 0.75 - (0.25 * y) / height);
    });
  });
}

function cached(key: string, make: () => Buffer): Buffer {
  const hit = cache.get(key);
  if (hit) return hit;
  const value = make();
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, value);
  return value;
}
