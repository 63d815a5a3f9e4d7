/** The clock every module reads; tests inject a fixed one. */
export type Clock = () => Date

export const systemClock: Clock = () => new Date()

export function fixedClock(iso: string): Clock & { advance(ms: number): void } {
  let now = new Date(iso).getTime()
  const clock = () => new Date(now)
  return Object.assign(clock, { advance: (ms: number) => void (now += ms) })
}
