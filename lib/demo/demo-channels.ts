import type { Db } from "@/db/client";
import { findChannelByLineId } from "@/db/queries/channels";
import { addChannel } from "@/lib/channel/manage";
import { recordAudit } from "@/lib/platform/audit";
import { log } from "@/lib/platform/log";
import { demoEnabled, fakeControl } from "./fake-control";

interface FakeChannelInfo {
  channelId: string;
  channelSecret: string;
  webhookUrl: string | null;
}

/**
 * Demo mode: every channel the fake LINE platform runs beyond the first (the launcher starts a café in
 * Taipei and a shop in Bangkok) is added as an admin would add it — with its channel id and secret alone,
 * so the console issues its tokens through LINE's token API — and its webhook URL in LINE is set to the
 * channel's own URL, so the switcher shows two living accounts from the first minute. Best effort.
 */
export async function ensureDemoChannels(db: Db): Promise<void> {
  if (!demoEnabled()) return;
  try {
    const { channels } = await fakeControl<{ channels: FakeChannelInfo[] }>("GET", "channels");
    const firstWebhook = channels[0]?.webhookUrl;
    for (const c of channels.slice(1)) {
      if (await findChannelByLineId(db, { lineChannelId: c.channelId })) continue;
      const audit: Parameters<typeof addChannel>[0]["audit"] = (action, target, details) =>
        recordAudit(db, { actor: { kind: "system", name: "demo mode" }, ip: null, action, target, details });
      const added = await addChannel({ db, audit }, { lineChannelId: c.channelId, secret: c.channelSecret });
      // The console's own URL for it, on the address the fake reaches the first channel's at.
      const webhookUrl = firstWebhook ? `${firstWebhook.replace(/\/+$/, "")}/${added.key}` : added.webhookUrl;
      await fakeControl("PATCH", `channels/${c.channelId}/config`, { webhookUrl });
    }
  } catch (err) {
    log().warn({ scope: "demo", err }, "could not add the demo's other channels");
  }
}
