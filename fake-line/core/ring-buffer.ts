// Bounded lists for everything the fake remembers about traffic (request log, webhook attempts,
// events): a long benchmark must not grow memory without limit.
export class RingBuffer<T> {
  #items: T[] = [];
  #capacity: number;
  #dropped = 0;

  constructor(capacity: number) {
    this.#capacity = Math.max(0, Math.floor(capacity));
  }

  push(item: T): void {
    if (this.#capacity === 0) {
      this.#dropped++;
      return;
    }
    this.#items.push(item);
    // Trim in chunks so that a full buffer does not shift the array on every push.
    if (this.#items.length > this.#capacity * 1.25 + 16) this.#trim();
  }

  toArray(): T[] {
    this.#trim();
    return this.#items.slice();
  }

  get size(): number {
    return Math.min(this.#items.length, this.#capacity);
  }

  get dropped(): number {
    return this.#dropped + Math.max(0, this.#items.length - this.#capacity);
  }

  get capacity(): number {
    return this.#capacity;
  }

  setCapacity(capacity: number): void {
    this.#capacity = Math.max(0, Math.floor(capacity));
    this.#trim();
  }

  clear(): void {
    this.#items = [];
    this.#dropped = 0;
  }

  #trim(): void {
    const excess = this.#items.length - this.#capacity;
    if (excess > 0) {
      this.#items.splice(0, excess);
      this.#dropped += excess;
    }
  }
}
