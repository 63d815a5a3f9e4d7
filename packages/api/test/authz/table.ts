import type { ActorName } from './actors.js'

/**
 * Who may call an operation. Every actor not in `allow` must be refused: 401/403 on the Admin
 * API; 401, 403 or 404 on the Store API (another channel's or another customer's thing does not
 * exist for the caller). `endsSession` gives each actor fresh credentials for that request.
 */
export type Expectation = readonly ActorName[] | { allow: readonly ActorName[]; endsSession?: boolean }

export type AuthzTable = Record<string, Expectation>

export function allowed(e: Expectation): readonly ActorName[] {
  return 'allow' in e ? e.allow : e
}

// Named groups, written out by hand from the roles' definitions (not computed from them, so a
// change to permissions.ts that widens a role makes this test fail until the table agrees).
/** Anyone, with or without credentials. */
export const EVERYONE: readonly ActorName[] = [
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
]
/** Every admin actor: all built-in roles hold every `:read` permission (the secret key is `support`). */
export const ANY_ADMIN: readonly ActorName[] = ['owner', 'manager', 'support', 'read_only', 'secret_key']
/** Writes to the catalog, inventory and the like: owner and manager. */
export const MANAGERS: readonly ActorName[] = ['owner', 'manager']
/** `settings:write`: admin users, secret keys, channels, regions, tax, shipping. */
export const OWNER: readonly ActorName[] = ['owner']
/** `orders:write`: support (and the support-scoped key) may act on orders. */
export const ORDER_WRITERS: readonly ActorName[] = ['owner', 'manager', 'support', 'secret_key']
/**
 * Any valid publishable key, whatever its channel (things every channel shares, or lists filtered
 * by channel). A signed-in customer sends the default channel's key with their token: a storefront
 * caller like any other.
 */
export const ANY_STOREFRONT: readonly ActorName[] = ['guest', 'other_channel', 'customer_a', 'customer_b']
/**
 * The publishable key of the channel the thing belongs to. A guest cart (no owner) is anyone's who
 * holds its id and the key, signed in or not, so both customers are in.
 */
export const SAME_CHANNEL: readonly ActorName[] = ['guest', 'customer_a', 'customer_b']
/** Any signed-in customer, each on their own account (`/store/customers/me...` answers about the caller). */
export const CUSTOMERS: readonly ActorName[] = ['customer_a', 'customer_b']
/** The customer who owns the fixture thing (an address, an order); another customer gets 404. */
export const OWNING_CUSTOMER: readonly ActorName[] = ['customer_a']
