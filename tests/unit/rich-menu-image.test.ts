import { describe, expect, it } from "vitest";
import { flatPng } from "@/lib/rich-menus/flat-png";
import { checkRichMenuImage, jpegSize, pngSize } from "@/lib/rich-menus/rich-menu-image";

// A rich menu image's pixel size, read from its header the way LINE reads it, and the checks before upload.

const jpeg = (width: number, height: number, sof = 0xc0) =>
  new Uint8Array([
    ...[0xff, 0xd8],
    // APP0 (JFIF), then a DQT-sized filler segment, then the frame header.
    ...[0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00],
    ...[0xff, 0xdb, 0x00, 0x04, 0x00, 0x00],
    ...[0xff, sof, 0x00, 0x11, 0x08, height >> 8, height & 255, width >> 8, width & 255, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1],
    ...[0xff, 0xd9],
  ]);

describe("rich menu image", () => {
  it("reads the size of a PNG made by the flat-colour encoder", () => {
    expect(pngSize(flatPng(2500, 843, [1, 2, 3]))).toEqual({ width: 2500, height: 843 });
  });

  it("reads a baseline and a progressive JPEG's size past other segments", () => {
    expect(jpegSize(jpeg(1200, 405))).toEqual({ width: 1200, height: 405 });
    expect(jpegSize(jpeg(2500, 1686, 0xc2))).toEqual({ width: 2500, height: 1686 });
  });

  it("refuses what is not the type it claims, or not the menu's size", () => {
    const size = { width: 800, height: 270 };
    expect(checkRichMenuImage(flatPng(800, 270, [0, 0, 0]), "image/png", size)).toBe("image/png");
    expect(checkRichMenuImage(jpeg(800, 270), "image/jpeg; charset=binary", size)).toBe("image/jpeg");
    expect(() => checkRichMenuImage(jpeg(800, 270), "image/png", size)).toThrow(expect.objectContaining({ status: 422, code: "rich_menu_image_unreadable" }));
    expect(() => checkRichMenuImage(flatPng(801, 270, [0, 0, 0]), "image/png", size)).toThrow(
      expect.objectContaining({ status: 422, code: "rich_menu_image_size" }),
    );
    expect(() => checkRichMenuImage(flatPng(800, 270, [0, 0, 0]), "image/webp", size)).toThrow(expect.objectContaining({ status: 415 }));
    expect(() => checkRichMenuImage(new Uint8Array(1024 * 1024 + 1), "image/png", size)).toThrow(expect.objectContaining({ status: 413 }));
  });
});
