import type { SendKind } from "@/lib/sends/send-schemas";

// "Copy as curl" and "Copy as SDK code" for the composed send: what an engineer pastes into a terminal
// or a bot to send the same thing outside the console. The access token is a placeholder on purpose.

const PATHS: Record<SendKind, string> = {
  push: "/v2/bot/message/push",
  multicast: "/v2/bot/message/multicast",
  broadcast: "/v2/bot/message/broadcast",
  narrowcast: "/v2/bot/message/narrowcast",
};

const METHODS: Record<SendKind, string> = { push: "pushMessage", multicast: "multicast", broadcast: "broadcast", narrowcast: "narrowcast" };

/** The body LINE takes: our own retryKey travels as the X-Line-Retry-Key header instead. */
export function lineBody(body: Record<string, unknown>): Record<string, unknown> {
  // The console's own fields (its retry key, the campaign) are not LINE's.
  const { retryKey: _retryKey, campaignId: _campaignId, campaignName: _campaignName, ...rest } = body;
  return rest;
}

export function toCurl(kind: SendKind, body: Record<string, unknown>, retryKey?: string): string {
  const json = JSON.stringify(lineBody(body), null, 2);
  const lines = [
    `curl -X POST https://api.line.me${PATHS[kind]} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H "Authorization: Bearer $LINE_CHANNEL_ACCESS_TOKEN" \\`,
    ...(retryKey ? [`  -H 'X-Line-Retry-Key: ${retryKey}' \\`] : []),
    `  -d '${json.replaceAll("'", `'\\''`)}'`,
  ];
  return lines.join("\n");
}

export function toSdkCode(kind: SendKind, body: Record<string, unknown>): string {
  const b = lineBody(body);
  const head = [
    `import { randomUUID } from "node:crypto";`,
    `import { messagingApi } from "@line/bot-sdk";`,
    ``,
    `const client = new messagingApi.MessagingApiClient({`,
    `  channelAccessToken: process.env.LINE_CHANNEL_ACCESS_TOKEN!,`,
    `});`,
    ``,
  ];
  if (kind === "multicast" && Array.isArray(b.to) && b.to.length > 500) {
    const { to, ...rest } = b;
    return [
      ...head,
      `// LINE takes at most 500 recipients per multicast request.`,
      `const to: string[] = ${indent(JSON.stringify(to, null, 2))};`,
      `const request = ${indent(JSON.stringify(rest, null, 2))} satisfies Omit<messagingApi.MulticastRequest, "to">;`,
      ``,
      `for (let i = 0; i < to.length; i += 500) {`,
      `  // One retry key per request: repeat the same key if you retry that request.`,
      `  await client.multicast({ ...request, to: to.slice(i, i + 500) }, randomUUID());`,
      `}`,
      ``,
    ].join("\n");
  }
  const type = { push: "PushMessageRequest", multicast: "MulticastRequest", broadcast: "BroadcastRequest", narrowcast: "NarrowcastRequest" }[kind];
  return [
    ...head,
    `const request: messagingApi.${type} = ${indent(JSON.stringify(b, null, 2))};`,
    ``,
    `// The retry key makes a repeated call (after a timeout, say) answer 409 instead of sending twice.`,
    `await client.${METHODS[kind]}(request, randomUUID());`,
    ``,
  ].join("\n");
}

function indent(json: string) {
  return json.replace(/\n/g, "\n");
}
