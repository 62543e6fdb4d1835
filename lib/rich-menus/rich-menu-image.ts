import { HttpError } from "@/lib/platform/http/errors";
import { readBodyLimited } from "@/lib/platform/http/read-body";
import { RICH_MENU_IMAGE } from "./rich-menu-schema";

// A menu's image, checked before it is stored as LINE would check it at upload: JPEG or PNG (415),
// at most 1 MB (413), and exactly the menu's size in pixels (422; LINE answers 400 otherwise). The size
// is read from the file's header, so a file that claims to be a PNG but is not one is refused too.

export type RichMenuImageType = (typeof RICH_MENU_IMAGE.types)[number];

export function checkRichMenuImage(bytes: Uint8Array, contentType: string | null, size: { width: number; height: number }): RichMenuImageType {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (!(RICH_MENU_IMAGE.types as readonly string[]).includes(type)) {
    throw new HttpError(415, "rich_menu_image_type", `The image must be JPEG or PNG (image/jpeg or image/png), not ${type || "unnamed"}`);
  }
  if (bytes.length > RICH_MENU_IMAGE.maxBytes) throw tooLarge(bytes.length);
  if (bytes.length === 0) throw new HttpError(422, "rich_menu_image_unreadable", "The image is empty");
  const found = type === "image/png" ? pngSize(bytes) : jpegSize(bytes);
  if (!found) throw new HttpError(422, "rich_menu_image_unreadable", `The file is not a readable ${type === "image/png" ? "PNG" : "JPEG"} image`);
  if (found.width !== size.width || found.height !== size.height) {
    throw new HttpError(
      422,
      "rich_menu_image_size",
      `The image is ${found.width}×${found.height} pixels; this menu is ${size.width}×${size.height} (LINE requires them to be equal)`,
      [{ property: "image", message: `must be ${size.width}×${size.height} pixels`, key: "validation.richMenuImageSize", values: { ...size } }],
    );
  }
  return type as RichMenuImageType;
}

export function tooLarge(bytes: number) {
  return new HttpError(413, "rich_menu_image_too_large", `The image is ${bytes} bytes; LINE takes at most ${RICH_MENU_IMAGE.maxBytes} (1 MB)`);
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(b: Uint8Array): { width: number; height: number } | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || sig.some((v, i) => b[i] !== v)) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!) !== "IHDR") return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Width and height from a JPEG's start-of-frame segment (any SOF but the DHT/JPG/DAC markers). */
export function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const length = view.getUint16(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (i + 9 > b.length) return null;
      return { height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
    }
    if (marker === 0xd9 || marker === 0xda) return null;
    i += 2 + length;
  }
  return null;
}

/** The raw body of an image upload, refused as soon as it is known to be over 1 MB (never buffered past it). */
export async function readImageBody(req: Request): Promise<Uint8Array> {
  const body = await readBodyLimited(req, RICH_MENU_IMAGE.maxBytes);
  if (body.tooLarge) throw tooLarge(body.totalBytes);
  return new Uint8Array(body.bytes);
}
