import "server-only";
import { headers } from "next/headers";
import { GET as getDelivery } from "@/app/api/deliveries/[id]/route";
import { GET as listDeliveries } from "@/app/api/deliveries/route";
import { GET as getEvent } from "@/app/api/events/[id]/route";
import { GET as listEvents } from "@/app/api/events/route";
import { GET as getSend } from "@/app/api/messages/[id]/route";
import { GET as listSends } from "@/app/api/messages/route";
import { GET as getOverview } from "@/app/api/overview/route";
import { GET as listApiKeys } from "@/app/api/api-keys/route";
import { GET as listAudit } from "@/app/api/audit/route";
import { GET as listInvitations } from "@/app/api/invitations/route";
import { GET as listMySessions } from "@/app/api/me/sessions/route";
import { GET as listMembers } from "@/app/api/members/route";
import { GET as getChat } from "@/app/api/chats/[chatId]/route";
import { GET as getChatConversation } from "@/app/api/chats/[chatId]/conversation/route";
import { GET as listChats } from "@/app/api/chats/route";
import { GET as getFriend } from "@/app/api/contacts/[userId]/route";
import { GET as getFriendConversation } from "@/app/api/contacts/[userId]/conversation/route";
import { GET as listFriends } from "@/app/api/contacts/route";
import { GET as getFriendStats } from "@/app/api/contacts/stats/route";
import { GET as getSegment } from "@/app/api/segments/[id]/route";
import { GET as listSegments } from "@/app/api/segments/route";
import { GET as listTags } from "@/app/api/tags/route";
import type { ApiFetch } from "./api-client";

type Handler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;

// The API routes a server render may prefetch from. Calling the handlers directly skips a loopback
// HTTP request (and any proxy in front of us) while keeping their parsing, auth and error answers.
const routes: Array<{ pattern: RegExp; handler: Handler; param?: string }> = [
  { pattern: /^\/api\/events$/, handler: listEvents as Handler },
  { pattern: /^\/api\/events\/([^/]+)$/, handler: getEvent as Handler, param: "id" },
  { pattern: /^\/api\/deliveries$/, handler: listDeliveries as Handler },
  { pattern: /^\/api\/deliveries\/([^/]+)$/, handler: getDelivery as Handler, param: "id" },
  { pattern: /^\/api\/overview$/, handler: getOverview as Handler },
  { pattern: /^\/api\/messages$/, handler: listSends as Handler },
  { pattern: /^\/api\/messages\/([0-9a-f-]{36})$/, handler: getSend as Handler, param: "id" },
  { pattern: /^\/api\/members$/, handler: listMembers as Handler },
  { pattern: /^\/api\/invitations$/, handler: listInvitations as Handler },
  { pattern: /^\/api\/api-keys$/, handler: listApiKeys as Handler },
  { pattern: /^\/api\/audit$/, handler: listAudit as Handler },
  { pattern: /^\/api\/me\/sessions$/, handler: listMySessions as Handler },
  { pattern: /^\/api\/contacts$/, handler: listFriends as Handler },
  { pattern: /^\/api\/contacts\/stats$/, handler: getFriendStats as Handler },
  { pattern: /^\/api\/contacts\/([^/]+)$/, handler: getFriend as Handler, param: "userId" },
  { pattern: /^\/api\/contacts\/([^/]+)\/conversation$/, handler: getFriendConversation as Handler, param: "userId" },
  { pattern: /^\/api\/chats$/, handler: listChats as Handler },
  { pattern: /^\/api\/chats\/([^/]+)$/, handler: getChat as Handler, param: "chatId" },
  { pattern: /^\/api\/chats\/([^/]+)\/conversation$/, handler: getChatConversation as Handler, param: "chatId" },
  { pattern: /^\/api\/segments$/, handler: listSegments as Handler },
  { pattern: /^\/api\/segments\/([^/]+)$/, handler: getSegment as Handler, param: "id" },
  { pattern: /^\/api\/tags$/, handler: listTags as Handler },
];

/** An ApiFetch for server components: same paths as the browser, answered in-process. */
export async function serverApi(): Promise<ApiFetch> {
  const incoming = await headers();
  const forwarded = new Headers({ accept: "application/json" });
  for (const name of ["cookie", "authorization", "accept-language"]) {
    const value = incoming.get(name);
    if (value) forwarded.set(name, value);
  }
  return async (path, init) => {
    const url = new URL(path, "http://in-process.invalid");
    for (const route of routes) {
      const m = route.pattern.exec(url.pathname);
      if (!m) continue;
      const params = route.param ? { [route.param]: decodeURIComponent(m[1]!) } : {};
      const req = new Request(url, { headers: forwarded, signal: init?.signal });
      return route.handler(req, { params: Promise.resolve(params as never) });
    }
    return Response.json({ code: "not_found", message: `No in-process route for ${url.pathname}` }, { status: 404 });
  };
}
