// CLI: npm run fake-line -- --port 4010 --seed 42 --webhook-url http://localhost:3000/api/line/webhook
import { parseCli, usage } from "./cli-options";
import { startFakeLine, type FakeChannel } from "./server";

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseCli(process.argv.slice(2), process.env);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    console.error(usage());
    process.exit(2);
  }
  if (parsed.help) {
    console.log(usage());
    return;
  }
  const fake = await startFakeLine({ ...parsed.options, log: parsed.verbose ? (line) => console.log(`[fake-line] ${line}`) : undefined });
  const c = fake.config;
  console.log(
    [
      `fake LINE platform listening on ${fake.url}`,
      `  api / api-data base URL  ${fake.url}   (control API: ${fake.url}/__fake/health)`,
      `  channel secret           ${fake.channelSecret}`,
      `  channel access token     ${fake.channelAccessToken}`,
      `  bot user id              ${fake.botUserId}`,
      `  world                    seed ${fake.platform.seed}, ${fake.platform.world.followers().length} friends following, ${fake.platform.world.userCount} users`,
      `  webhook                  ${c.webhookUrl ?? "(none: set with --webhook-url or PUT /v2/bot/channel/webhook/endpoint)"}${c.redelivery ? ", redelivery on" : ""}`,
      `  quota                    ${c.monthlyQuota}   rate limits ${c.rateLimiting ? "on" : "off"}   narrowcast phase ${c.narrowcastPhaseMs} ms`,
      ...(fake.channels.length > 1 ? fake.channels.flatMap(describeChannel) : []),
    ].join("\n"),
  );
  const stop = () => {
    void fake.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

function describeChannel(ch: FakeChannel, i: number): string[] {
  const bot = ch.platform.world.bot;
  return [
    `  channel ${i + 1}                ${ch.channelId} "${bot.displayName}" (provider ${ch.provider}), control API ${ch.controlUrl}`,
    `    secret ${ch.channelSecret}   bot ${bot.userId}   webhook ${ch.config.webhookUrl ?? "(none)"}`,
    `    token  ${ch.channelAccessToken}`,
  ];
}

void main();
