// Everything the fake knows, in one place: configuration, clock, the seeded world and all state that
// LINE keeps per channel (quota, retry keys, reply tokens, inboxes, narrowcast jobs, audiences, …).
// `reset()` rebuilds the world and forgets all state; the runtime configuration is kept. A fake with
// several channels runs one Platform per channel on one shared clock (see channels/channels.ts).
import { createClock, type Clock } from "./core/clock";
import { createMessageIdFactory, createUlidFactory } from "./core/ids";
import { createRng, type Rng } from "./core/prng";
import { AggregationUnits } from "./domain/aggregation-units";
import { Audiences } from "./domain/audiences";
import { ChatScreens } from "./domain/chat-screens";
import { Inboxes } from "./domain/inboxes";
import { Interactions } from "./domain/interactions";
import { NarrowcastJobs, type NarrowcastFailure } from "./domain/narrowcast-jobs";
import { Quota } from "./domain/quota";
import { ReplyTokens } from "./domain/reply-tokens";
import { RetryKeys } from "./domain/retry-keys";
import { RichMenus } from "./domain/rich-menus";
import { SendLog } from "./domain/send-log";
import { TrackedSends } from "./domain/tracked-sends";
import { UserMessages } from "./domain/user-messages";
import { Faults } from "./http/faults";
import { RateLimiter } from "./http/rate-limiter";
import { RequestLog } from "./http/request-log";
import { DEFAULTS, DEMO_CHANNEL_ACCESS_TOKEN, DEMO_CHANNEL_SECRET, runtimeConfigFrom, type FakeLineOptions, type RuntimeConfig } from "./options";
import { Traffic } from "./actors/traffic";
import { EventStore } from "./webhook/events";
import { WebhookDispatcher } from "./webhook/dispatcher";
import { DEFAULT_LANGUAGE_MIX, generateWorld, type LanguageMix, type WorldOptions, type WorldSeed } from "./world/generate-world";
import { World } from "./world/world";

/** Who this platform is among the fake's channels; a lone fake is channel 0 of one provider. */
export type ChannelIdentity = {
  index: number;
  channelId: string;
  provider: string;
  languages: LanguageMix;
  botName?: string;
  /** Builds the seeded world (channels/ adds the people shared with other channels). */
  buildWorld?: (input: WorldOptions) => WorldSeed;
};

export class Platform {
  readonly channel: ChannelIdentity;
  readonly config: RuntimeConfig;
  readonly startupConfig: RuntimeConfig;
  readonly clock: Clock;
  readonly channelSecret: string;
  readonly channelAccessToken: string;
  readonly requestLog: RequestLog;
  readonly rateLimiter = new RateLimiter();
  /** Set once the server listens. */
  publicUrl = "";
  seed: number;
  friendCount: number;
  world!: World;
  quota!: Quota;
  retryKeys!: RetryKeys;
  replyTokens!: ReplyTokens;
  inboxes!: Inboxes;
  chatScreens!: ChatScreens;
  sends!: SendLog;
  /** Sends LINE keeps statistics for, and what recipients did with them. */
  trackedSends!: TrackedSends;
  interactions!: Interactions;
  aggregationUnits!: AggregationUnits;
  userMessages!: UserMessages;
  audiences!: Audiences;
  narrowcasts!: NarrowcastJobs;
  richMenus!: RichMenus;
  events!: EventStore;
  webhook!: WebhookDispatcher;
  faults!: Faults;
  traffic!: Traffic;
  /** Randomness for things that happen at run time (new friends, traffic, narrowcast sampling). */
  runtimeRng!: Rng;
  /** Control API: the next narrowcast fails with this error (e.g. errorCode 1, internal error). */
  nextNarrowcastFailure: NarrowcastFailure["errorCode"] | null = null;
  #messageIds!: () => string;
  #ulid!: (timeMs: number) => string;
  readonly #log: (line: string) => void;

  constructor(options: FakeLineOptions, channel?: ChannelIdentity) {
    this.channel = channel ?? { index: 0, channelId: "", provider: "", languages: DEFAULT_LANGUAGE_MIX };
    this.config = runtimeConfigFrom(options);
    this.startupConfig = structuredClone(this.config);
    this.clock = options.clock ?? createClock({ scale: options.timeScale });
    this.channelSecret = options.channelSecret ?? DEMO_CHANNEL_SECRET;
    this.channelAccessToken = options.channelAccessToken ?? DEMO_CHANNEL_ACCESS_TOKEN;
    this.seed = options.seed ?? DEFAULTS.seed;
    this.friendCount = options.friends ?? DEFAULTS.friends;
    this.requestLog = new RequestLog(this.config.requestLogLimit);
    this.#log = options.log ?? (() => {});
    this.#build();
  }

  reset(input: { seed?: number; friends?: number; config?: "keep" | "startup" } = {}): void {
    this.#teardown();
    if (input.seed !== undefined) this.seed = input.seed;
    if (input.friends !== undefined) this.friendCount = input.friends;
    if (input.config === "startup") Object.assign(this.config, structuredClone(this.startupConfig));
    this.requestLog.clear();
    this.requestLog.setLimit(this.config.requestLogLimit);
    this.rateLimiter.reset();
    this.nextNarrowcastFailure = null;
    this.#build();
  }

  close(): void {
    this.#teardown();
  }

  get channelId(): string {
    return this.channel.channelId;
  }

  get languages(): LanguageMix {
    return this.channel.languages;
  }

  /** Base of this channel's control API (pictures are served under it): the first channel has no prefix. */
  get controlUrl(): string {
    return this.channel.index === 0 ? `${this.publicUrl}/__fake` : `${this.publicUrl}/__fake/channels/${this.channel.channelId}`;
  }

  nextMessageId(): string {
    return this.#messageIds();
  }

  nextEventId(timeMs: number): string {
    return this.#ulid(timeMs);
  }

  log(line: string): void {
    this.#log(line);
  }

  #build(): void {
    const now = this.clock.now();
    const build = this.channel.buildWorld ?? generateWorld;
    this.world = new World(build({ seed: this.seed, friends: this.friendCount, now, languages: this.channel.languages, botName: this.channel.botName }));
    this.quota = new Quota(() => this.config.monthlyQuota, this.clock);
    this.retryKeys = new RetryKeys(() => this.config.retryKeyTtlMs);
    this.replyTokens = new ReplyTokens(() => this.config.replyTokenTtlMs);
    this.inboxes = new Inboxes(() => this.config.inboxLimit);
    this.chatScreens = new ChatScreens();
    this.sends = new SendLog(() => this.config.sendLogLimit);
    this.trackedSends = new TrackedSends(() => this.config.statisticsLogLimit);
    this.interactions = new Interactions();
    this.aggregationUnits = new AggregationUnits(() => this.config.aggregationUnitLimit);
    this.userMessages = new UserMessages();
    this.audiences = new Audiences(createRng(this.seed, "audiences"));
    this.narrowcasts = new NarrowcastJobs(this);
    this.richMenus = new RichMenus();
    this.events = new EventStore(() => this.config.eventStoreLimit);
    this.webhook = new WebhookDispatcher(this);
    this.faults = new Faults(this.seed);
    this.traffic = new Traffic(this);
    this.runtimeRng = createRng(this.seed, "runtime");
    this.#messageIds = createMessageIdFactory(createRng(this.seed, "message-ids"));
    this.#ulid = createUlidFactory();
  }

  #teardown(): void {
    this.traffic?.stop();
    this.narrowcasts?.close();
    this.webhook?.close();
  }
}
