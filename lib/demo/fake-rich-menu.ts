import { env } from "@/lib/env.js";
import { HttpError } from "@/lib/platform/http/errors";
import { demoEnabled, fakeControl } from "./fake-control";

// Demo mode only: the rich menu on a simulated friend's phone, through the fake LINE platform's control
// API. The image is binary, so it does not go through fakeControl (JSON); the same demo-only guard applies.

type Scope = { lineChannelId?: string | null };

interface FakePhoneRichMenu {
  richMenu: { richMenuId: string } | null;
  source: string;
  imageUrl: string | null;
}

/** What the phone shows now; the image address is rewritten to our proxy (the fake's host is not the browser's). */
export async function phoneRichMenu(userId: string, scope: Scope) {
  const menu = await fakeControl<FakePhoneRichMenu>("GET", `friends/${userId}/richmenu`, undefined, scope);
  const imageUrl = menu.richMenu ? `/api/demo/friends/${userId}/richmenu/image?richMenuId=${encodeURIComponent(menu.richMenu.richMenuId)}` : null;
  return { ...menu, imageUrl };
}

export async function fakeRichMenuImage(richMenuId: string, scope: Scope): Promise<Response> {
  if (!demoEnabled()) throw new HttpError(404, "not_found", "The simulator exists only in demo mode");
  const url = new URL(`/__fake/richmenus/${encodeURIComponent(richMenuId)}/image`, env().FAKE_LINE_URL);
  if (scope.lineChannelId) url.searchParams.set("channel", scope.lineChannelId);
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) }).catch((err: Error) => {
    throw new HttpError(502, "fake_unreachable", `The fake LINE platform does not answer: ${err.message}`);
  });
  if (!res.ok) throw new HttpError(404, "not_found", "That rich menu has no image on the fake platform");
  return new Response(res.body, {
    headers: { "content-type": res.headers.get("content-type") ?? "application/octet-stream", "cache-control": "private, max-age=300" },
  });
}
