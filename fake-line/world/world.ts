// The mutable world: who exists, who is a friend, who blocked, which chats the bot is in.
import type { Rng } from "../core/prng";
import type { WorldSeed } from "./generate-world";
import type { Bot, Chat, User } from "./types";

export class World {
  readonly bot: Bot;
  readonly #users = new Map<string, User>();
  /** All users in creation order, for cheap random picks in large worlds. */
  readonly #list: User[] = [];
  readonly #chats = new Map<string, Chat>();
  #followerCache: User[] | null = null;

  constructor(seed: WorldSeed) {
    this.bot = seed.bot;
    for (const u of seed.users) this.addUser(u);
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
    if (!this.#users.has(user.id)) this.#list.push(user);
    this.#users.set(user.id, user);
    this.#followerCache = null;
  }

  /** A random user with the given status (a few random probes, then a scan), or undefined. */
  randomUser(rng: Rng, status: User["status"]): User | undefined {
    for (let i = 0; i < 20 && this.#list.length > 0; i++) {
      const u = rng.pick(this.#list);
      if (u.status === status) return u;
    }
    const all = this.#list.filter((u) => u.status === status);
    return all.length > 0 ? rng.pick(all) : undefined;
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
