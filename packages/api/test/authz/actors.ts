import { createApiKey, createPublishableKey, createSalesChannel, inviteAdminUser, loginAdmin, type RoleName } from '@kassa/core'
import type { TestApi } from '../helpers.js'

/**
 * Everyone the authorization matrix sends each request as. Customer actors (`customer_a`,
 * `customer_b`) join this list with the customer accounts: add their names here and a builder in
 * `buildActors`, then list them in the tables where they are allowed.
 */
export const ACTOR_NAMES = ['anonymous', 'guest', 'other_channel', 'owner', 'manager', 'support', 'read_only', 'secret_key'] as const
export type ActorName = (typeof ACTOR_NAMES)[number]

/** The credentials an actor sends; `fresh` makes a new set for operations that end a session. */
export interface MatrixActor {
  name: ActorName
  headers: Record<string, string>
  fresh(): Promise<Record<string, string>>
}

/** The role of the matrix's secret key: narrower than the owner's, to show a key gets its role and no more. */
export const SECRET_KEY_ROLE: RoleName = 'support'

export async function buildActors(api: TestApi): Promise<Record<ActorName, MatrixActor>> {
  const system = api.commerce.ctx({ type: 'system' })
  const other = await createSalesChannel(system, { name: 'Matrix other channel' })
  const otherKey = await createPublishableKey(system, other.id, { title: 'Matrix other key' })
  const admin = async (role: RoleName) => {
    const email = `matrix-${role.replace('_', '-')}@example.com`
    const password = 'matrix password'
    await inviteAdminUser(system, { email, password, role })
    const signIn = async () => ({ authorization: `Bearer ${(await loginAdmin(system, { email, password })).token}` })
    return { headers: await signIn(), fresh: signIn }
  }
  const key = async () => ({ authorization: `Bearer ${(await createApiKey(system, { title: 'Matrix key', role: SECRET_KEY_ROLE })).secret}` })
  const fixed = (headers: Record<string, string>) => ({ headers, fresh: async () => headers })
  const built = {
    anonymous: fixed({}),
    guest: fixed({ 'x-publishable-api-key': api.publishableKey }),
    other_channel: fixed({ 'x-publishable-api-key': otherKey.token }),
    owner: await admin('owner'),
    manager: await admin('manager'),
    support: await admin('support'),
    read_only: await admin('read_only'),
    secret_key: { headers: await key(), fresh: key },
  } satisfies Record<ActorName, Omit<MatrixActor, 'name'>>
  return Object.fromEntries(Object.entries(built).map(([name, a]) => [name, { name, ...a }])) as Record<ActorName, MatrixActor>
}
