// The fake's channels: one Platform per channel on one shared clock, the tokens that open each of them,
// and the providers they belong to. LINE API requests find their channel by bearer token; the control
// API by a /__fake/channels/<channelId>/ prefix or a `channel` query parameter.
import { createClock } from "../core/clock";
import type { FakeLineOptions } from "../options";
import { Platform } from "../platform";
import { generateWorld, type WorldOptions } from "../world/generate-world";
import { AccessTokens, type TokenCheck } from "./access-tokens";
import { channelSeed, resolveChannels, type ResolvedChannel } from "./channel-spec";
import { sharePeople } from "./shared-people";

export type BearerResult = { platform: Platform; check: TokenCheck & { state: "valid" } } | { platform: null; check: TokenCheck };

export class Channels {
  readonly platforms: Platform[] = [];
  readonly tokens = new AccessTokens();
  readonly #resolved: ResolvedChannel[];

  constructor(options: FakeLineOptions) {
    this.#resolved = resolveChannels(options);
    const clock = options.clock ?? createClock({ scale: options.timeScale });
    for (const rc of this.#resolved) {
      const platform = new Platform(
        {
          ...options,
          clock,
          seed: rc.seed,
          friends: rc.friends,
          channelSecret: rc.channelSecret,
          channelAccessToken: rc.channelAccessToken,
          // --webhook-url and --quota are the first channel's; later channels have their own or none.
          webhookUrl: rc.webhookUrl ?? (rc.index === 0 ? options.webhookUrl : null),
          monthlyQuota: rc.monthlyQuota ?? options.monthlyQuota,
        },
        {
          index: rc.index,
          channelId: rc.channelId,
          provider: rc.provider,
          languages: rc.languages,
          botName: rc.botName,
          buildWorld: rc.index === 0 ? undefined : (input) => this.#buildShared(rc, input),
        },
      );
      this.platforms.push(platform);
      this.tokens.addLongLived(rc.channelAccessToken, rc.channelId, clock.now());
    }
  }

  get first(): Platform {
    return this.platforms[0] as Platform;
  }

  byId(channelId: string): Platform | undefined {
    return this.platforms.find((p) => p.channelId === channelId);
  }

  /** The channel an `Authorization: Bearer …` header opens, or why it opens none. */
  forBearer(header: string | undefined): BearerResult {
    const m = header ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
    if (!m?.[1]) return { platform: null, check: { state: "unknown" } };
    const check = this.tokens.check(m[1], this.first.clock.now());
    if (check.state !== "valid") return { platform: null, check };
    const platform = this.byId(check.entry.channelId);
    return platform ? { platform, check } : { platform: null, check: { state: "unknown" } };
  }

  /** Resets every channel; a new seed is the first channel's, later channels derive theirs from it. */
  reset(input: { seed?: number; friends?: number; config?: "keep" | "startup" }): void {
    for (const p of this.platforms) {
      const seed = input.seed === undefined ? undefined : channelSeed(input.seed, p.channel.index);
      p.reset({ ...input, seed });
    }
    this.tokens.reset();
  }

  close(): void {
    for (const p of this.platforms) p.close();
  }

  setPublicUrl(url: string): void {
    for (const p of this.platforms) p.publicUrl = url;
  }

  info(p: Platform): Record<string, unknown> {
    return {
      channelId: p.channelId,
      provider: p.channel.provider,
      channelSecret: p.channelSecret,
      channelAccessToken: p.channelAccessToken,
      botUserId: p.world.bot.userId,
      basicId: p.world.bot.basicId,
      displayName: p.world.bot.displayName,
      webhookUrl: p.config.webhookUrl,
      seed: p.seed,
      friends: p.world.followers().length,
      controlUrl: p.controlUrl,
      issuedTokens: this.tokens.live(p.channelId, p.clock.now()).filter((t) => t.kind !== "long-lived").length,
    };
  }

  #buildShared(rc: ResolvedChannel, input: WorldOptions) {
    const anchor = this.first;
    const own = generateWorld(input);
    const anchorWorld = generateWorld({
      seed: anchor.seed,
      friends: anchor.friendCount,
      now: input.now,
      languages: anchor.languages,
      botName: anchor.channel.botName,
    });
    return sharePeople(own, {
      anchor: anchorWorld,
      anchorFriends: anchor.friendCount,
      ownFriends: input.friends,
      share: rc.sharedPeople,
      sameProvider: rc.provider === anchor.channel.provider,
      provider: rc.provider,
    });
  }
}
