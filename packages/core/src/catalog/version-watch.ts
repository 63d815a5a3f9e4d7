/**
 * Reads a version (the catalog's) at most once per round trip, whatever the concurrency, without
 * ever answering a caller with a read that started before the caller asked: a caller arriving
 * while a read is in flight waits for the next read, which every such caller shares.
 */
export class VersionWatch {
  #inFlight: Promise<number> | undefined
  #queued: Promise<number> | undefined

  constructor(private readonly fetch: () => Promise<number>) {}

  read(): Promise<number> {
    if (!this.#inFlight) return this.#start()
    this.#queued ??= this.#inFlight.then(
      () => this.#next(),
      () => this.#next(),
    )
    return this.#queued
  }

  #next(): Promise<number> {
    this.#queued = undefined
    return this.#start()
  }

  #start(): Promise<number> {
    const read = this.fetch()
    this.#inFlight = read
    const done = () => {
      if (this.#inFlight === read) this.#inFlight = undefined
    }
    read.then(done, done)
    return read
  }
}
