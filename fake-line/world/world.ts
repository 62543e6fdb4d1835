// The mutable world: who exists, who is a friend, who blocked, which chats the bot is in.
import type { WorldSeed } from "./generate-world";
import type { Bot, Chat, User } from "./types";

export class World {
  readonly bot: Bot;
  readonly #users = new Map<string, User>();
  readonly #chats = new Map<string, Chat>();
  #followerCache: User[] | null = null;

  constructor(seed: WorldSeed) {
    this.bot = seed.bot;
    for (const u of seed.users) this.#users.set(u.id, u);
    for (const c of seed.chats) this.#chats.set(c.id, c);
  }

  user(id: string): User | undefined {
    return this.#users.get(id);
  }

  users(): IterableIterator<User> {
    return this.#users.values();
  }

  get userCount(): number {
    return this.#users.size;
  }

  addUser(user: User): void {
    this.#users.set(user.id, user);
    this.#followerCache = null;
  }

  /** Friends who can receive messages, in the order they added the account (the followers-ids order). */
  followers(): readonly User[] {
    this.#followerCache ??= [...this.#users.values()]
      .filter((u) => u.status === "following")
      .sort((a, b) => (a.friendSince ?? 0) - (b.friendSince ?? 0) || (a.id < b.id ? -1 : 1));
    return this.#followerCache;
  }

  isFollowing(id: string): boolean {
    return this.#users.get(id)?.status === "following";
  }

  follow(user: User, now: number): "followed" | "unblocked" | "already" {
    if (user.status === "following") return "already";
    const wasBlocked = user.status === "blocked";
    user.status = "following";
    user.blockedAt = null;
    user.friendSince ??= now;
    this.#followerCache = null;
    return wasBlocked ? "unblocked" : "followed";
  }

  block(user: User, now: number): boolean {
    if (user.status !== "following") return false;
    user.status = "blocked";
    user.blockedAt = now;
    this.#followerCache = null;
    return true;
  }

  chat(id: string): Chat | undefined {
    return this.#chats.get(id);
  }

  chats(): Chat[] {
    return [...this.#chats.values()];
  }

  addChat(chat: Chat): void {
    this.#chats.set(chat.id, chat);
  }

  /** Chats the bot is currently in and that contain the user. */
  chatsOf(userId: string): Chat[] {
    return [...this.#chats.values()].filter((c) => c.botIsMember && c.memberIds.includes(userId));
  }
}
