import type { Actor } from '../kernel/ctx.js'
import { AuthErrors } from './auth.js'
import { permissionsOf } from './permissions.js'

/**
 * Refuses to grant a role holding a permission the granting actor lacks: nobody hands out more
 * than they have (the system actor of the CLI and start-up excepted).
 */
export function assertCanGrant(actor: Actor, role: string): void {
  if (actor.type === 'system') return
  const own = actor.type === 'admin' ? permissionsOf(actor.role) : []
  if (!permissionsOf(role).every((p) => own.includes(p))) throw AuthErrors.roleEscalation(role)
}
