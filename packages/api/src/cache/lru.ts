/** A map bounded by the bytes of its values: the least recently used go first when it is full. */
export class ByteLru<V extends { bytes: number }> {
  readonly #entries = new Map<string, V>()
  #bytes = 0

  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.#bytes
  }

  get size(): number {
    return this.#entries.size
  }

  get(key: string): V | undefined {
    const value = this.#entries.get(key)
    if (value === undefined) return undefined
    this.#entries.delete(key)
    this.#entries.set(key, value)
    return value
  }

  /** Values larger than the whole budget are not kept. */
  set(key: string, value: V): void {
    this.delete(key)
    if (value.bytes > this.maxBytes) return
    this.#entries.set(key, value)
    this.#bytes += value.bytes
    for (const [oldest, old] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break
      this.#entries.delete(oldest)
      this.#bytes -= old.bytes
    }
  }

  delete(key: string): void {
    const value = this.#entries.get(key)
    if (value === undefined) return
    this.#entries.delete(key)
    this.#bytes -= value.bytes
  }

  clear(): void {
    this.#entries.clear()
    this.#bytes = 0
  }
}
