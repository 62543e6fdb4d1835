// Rich menu helpers for the fake's tests: menu bodies, real PNG/JPEG headers of a given size, and a
// menu created with its image uploaded (ready to link, set as default or alias).
import type { messagingApi } from "@line/bot-sdk";
import { encodePng } from "../../media/png";
import type { TestFake } from "./start-fake";

export const SMALL = { width: 800, height: 270 } as const;

/** A menu of the given size split into `areas.length` columns, one action each. */
export function menuBody(actions: messagingApi.Action[], size: { width: number; height: number } = SMALL, name = "menu"): messagingApi.RichMenuRequest {
  const w = Math.floor(size.width / actions.length);
  return {
    size,
    selected: false,
    name,
    chatBarText: "Menu",
    areas: actions.map((action, i) => ({ bounds: { x: i * w, y: 0, width: w, height: size.height }, action })),
  };
}

export function png(width: number, height: number): Buffer {
  return encodePng(width, height, (x) => [x % 256, 120, 200]);
}

/** A minimal JPEG: SOI, an APP0 segment, then an SOF0 frame header with the size (enough for a header reader). */
export function jpeg(width: number, height: number): Buffer {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 255, width >> 8, width & 255, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Buffer.from([0xff, 0xd8, ...app0, ...sof, 0xff, 0xd9]);
}

export async function uploadImage(t: TestFake, richMenuId: string, bytes: Buffer, contentType = "image/png") {
  const res = await fetch(`${t.fake.url}/v2/bot/richmenu/${richMenuId}/content`, {
    method: "POST",
    headers: { authorization: `Bearer ${t.fake.channelAccessToken}`, "content-type": contentType },
    body: new Uint8Array(bytes),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

/** Creates a menu and uploads a PNG of its size. */
export async function publishedMenu(t: TestFake, actions: messagingApi.Action[], name = "menu"): Promise<string> {
  const body = menuBody(actions, SMALL, name);
  const { richMenuId } = await t.api.createRichMenu(body);
  const up = await uploadImage(t, richMenuId, png(SMALL.width, SMALL.height));
  if (up.status !== 200) throw new Error(`upload answered ${up.status}`);
  return richMenuId;
}

export const postbackAction = (data: string): messagingApi.Action => ({ type: "postback", data }) as messagingApi.Action;
