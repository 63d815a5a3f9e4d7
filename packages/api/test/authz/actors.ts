import {
  createApiKey,
  createPublishableKey,
  createSalesChannel,
  getCustomer,
  inviteAdminUser,
  loginAdmin,
  type RoleName,
} from '@kassa/core'
import type { CustomerFixtures } from '../bad-input/customers.requests.js'
import type { TestApi } from '../helpers.js'

/**
 * Everyone the authorization matrix sends each request as. `customer_a` is the customer who owns
 * the customer fixtures (addresses, the order of their verified email); `customer_b` is another
 * customer of the same channel, who must not reach them.
 */
export const ACTOR_NAMES = [
  'anonymous',
  'guest',
  'other_channel',
  'owner',
  'manager',
  'support',
  'read_only',
  'secret_key',
  'customer_a',
  'customer_b',
] as const
export type ActorName = (typeof ACTOR_NAMES)[number]

/** The credentials an actor sends; `fresh` makes a new set for operations that end a session. */
export interface MatrixActor {
  name: ActorName
  headers: Record<string, string>
  fresh(): Promise<Record<string, string>>
}

/** The role of the matrix's secret key: narrower than the owner's, to show a key gets its role and no more. */
export const SECRET_KEY_ROLE: RoleName = 'support'

/** Customer B's email; the password is the fixtures' one, so requests that check it pass for B as for A. */
const CUSTOMER_B_EMAIL = 'matrix-customer-b@example.com'

export async function buildActors(api: TestApi, customers: CustomerFixtures): Promise<Record<ActorName, MatrixActor>> {
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
  const key = async () => ({
    authorization: `Bearer ${(await createApiKey(system, { title: 'Matrix key', role: SECRET_KEY_ROLE })).secret}`,
  })
  const fixed = (headers: Record<string, string>) => ({ headers, fresh: async () => headers })
  const channelKey = { 'x-publishable-api-key': api.publishableKey }
  // Customers sign up and sign in through the Store API, as a storefront does.
  const store = async (path: string, body: unknown, expected: number) => {
    const res = await api.request(`/store${path}`, {
      method: 'POST',
      headers: { ...channelKey, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (res.status !== expected) throw new Error(`matrix actor: POST /store${path} answered ${res.status}: ${await res.text()}`)
    return res.json() as Promise<{ token: string }>
  }
  const customer = async (email: string) => {
    const signIn = async () => ({
      ...channelKey,
      authorization: `Bearer ${(await store('/auth/login', { email, password: customers.password }, 200)).token}`,
    })
    return { headers: await signIn(), fresh: signIn }
  }
  await store('/customers', { email: CUSTOMER_B_EMAIL, password: customers.password }, 201)
  const built = {
    anonymous: fixed({}),
    guest: fixed(channelKey),
    other_channel: fixed({ 'x-publishable-api-key': otherKey.token }),
    owner: await admin('owner'),
    manager: await admin('manager'),
    support: await admin('support'),
    read_only: await admin('read_only'),
    secret_key: { headers: await key(), fresh: key },
    customer_a: await customer((await getCustomer(system, customers.customerId)).email),
    customer_b: await customer(CUSTOMER_B_EMAIL),
  } satisfies Record<ActorName, Omit<MatrixActor, 'name'>>
  return Object.fromEntries(Object.entries(built).map(([name, a]) => [name, { name, ...a }])) as Record<ActorName, MatrixActor>
}
