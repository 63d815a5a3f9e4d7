import { type ErrorDefinition, KassaError } from '../kernel/errors.js'

/** A state machine as data: for each state, the states it may move to. */
export interface StateMachine<S extends string> {
  states: readonly S[]
  transitions: Readonly<Record<S, readonly S[]>>
  /** The 409 error an illegal move raises. */
  error: ErrorDefinition<[from: string, to: string]>
}

export function canTransition<S extends string>(machine: StateMachine<S>, from: S, to: S): boolean {
  return machine.transitions[from].includes(to)
}

/** Throws the machine's `*.invalid_transition` (409, with `from` and `to` in the problem body) unless `from -> to` is legal. */
export function assertTransition<S extends string>(machine: StateMachine<S>, from: S, to: S): void {
  if (canTransition(machine, from, to)) return
  const base = machine.error(from, to)
  throw new KassaError(base.code, base.kind, base.message, { extra: { from, to } })
}
