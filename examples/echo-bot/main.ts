// The echo bot from the command line (README.md): CHANNEL_SECRET and CHANNEL_ACCESS_TOKEN of the LINE
// channel, LINE_API_BASE_URL to talk to a stand-in instead of api.line.me, PORT (default 4020).
// It reads its own environment: it is a bot of its own, not a part of oa-console.
import { startEchoBot } from "./echo-bot";

const { CHANNEL_SECRET, CHANNEL_ACCESS_TOKEN, LINE_API_BASE_URL, PORT } = process.env;
if (!CHANNEL_SECRET || !CHANNEL_ACCESS_TOKEN) {
  console.error("Set CHANNEL_SECRET and CHANNEL_ACCESS_TOKEN to your LINE channel's (LINE Developers console → your Messaging API channel).");
  process.exit(1);
}
const port = PORT ? Number(PORT) : 4020;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0–65535), not ${JSON.stringify(PORT)}.`);
  process.exit(1);
}

const bot = await startEchoBot({
  port,
  channelSecret: CHANNEL_SECRET,
  channelAccessToken: CHANNEL_ACCESS_TOKEN,
  apiBaseUrl: LINE_API_BASE_URL || undefined,
});
console.log(`Echo bot listening. Webhook URL: ${bot.url}${LINE_API_BASE_URL ? ` (replies go to ${LINE_API_BASE_URL})` : ""}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void bot.close().finally(() => process.exit(0)));
}
