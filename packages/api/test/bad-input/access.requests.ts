import { createApiKey, createPublishableKey, createRole, createSalesChannel, inviteAdminUser, loginAdmin } from '@kassa/core'
import type { TestApi } from '../helpers.js'
import type { BadCase } from './generate.js'
import type { Fixtures, ValidRequest } from './requests.js'

/** Admin users, keys and channels the access operations act on. */
export interface AccessFixtures {
  userId: string
  doomedUserId: string
  apiKeyId: string
  channelId: string
  doomedChannelId: string
  publishableKeyId: string
  role: string
  doomedRole: string
  /** A session of its own, so that signing out does not end the session the other requests use. */
  logoutToken: string
}

export async function createAccessFixtures(api: TestApi): Promise<AccessFixtures> {
  const ctx = api.commerce.ctx({ type: 'system' })
  const user = await inviteAdminUser(ctx, { email: 'fixture-support@example.com', password: 'fixture password', role: 'support' })
  const doomed = await inviteAdminUser(ctx, { email: 'fixture-doomed@example.com', password: 'fixture password', role: 'read_only' })
  const { api_key } = await createApiKey(ctx, { title: 'Fixture ERP', role: 'read_only' })
  const channel = await createSalesChannel(ctx, { name: 'Fixture app', allowed_origins: ['https://app.example.com'] })
  const doomedChannel = await createSalesChannel(ctx, { name: 'Fixture doomed' })
  const key = await createPublishableKey(ctx, channel.id, { title: 'Fixture app key' })
  await createRole(ctx, { name: 'fixture_merchandiser', permissions: ['catalog:read', 'catalog:write'] })
  await createRole(ctx, { name: 'fixture_doomed', permissions: [] })
  await inviteAdminUser(ctx, { email: 'fixture-leaving@example.com', password: 'fixture password', role: 'read_only' })
  const { token } = await loginAdmin(ctx, { email: 'fixture-leaving@example.com', password: 'fixture password' })
  return {
    userId: user.id,
    doomedUserId: doomed.id,
    apiKeyId: api_key.id,
    channelId: channel.id,
    doomedChannelId: doomedChannel.id,
    publishableKeyId: key.id,
    role: 'fixture_merchandiser',
    doomedRole: 'fixture_doomed',
    logoutToken: token,
  }
}

export const ACCESS_REQUESTS: Record<string, (f: Fixtures) => ValidRequest> = {
  adminLogout: (f) => ({ headers: { authorization: `Bearer ${f.access.logoutToken}` } }),
  adminGetMe: () => ({}),

  adminListUsers: () => ({}),
  adminCreateUser: () => ({ body: { email: 'Valid.Manager@Example.com', password: 'long enough password', role: 'manager' } }),
  adminGetUser: (f) => ({ path: { id: f.access.userId } }),
  adminUpdateUser: (f) => ({ path: { id: f.access.userId }, body: { role: 'support', active: true } }),
  adminDeactivateUser: (f) => ({ path: { id: f.access.doomedUserId } }),

  adminListRoles: () => ({}),
  adminCreateRole: () => ({ body: { name: 'valid_role', description: 'Catalog editors', permissions: ['catalog:read', 'catalog:write'] } }),
  adminGetRole: (f) => ({ path: { name: f.access.role } }),
  adminUpdateRole: (f) => ({ path: { name: f.access.role }, body: { description: null, permissions: ['catalog:read', 'inventory:read'] } }),
  adminDeleteRole: (f) => ({ path: { name: f.access.doomedRole } }),

  adminListApiKeys: () => ({}),
  adminCreateApiKey: () => ({ body: { title: 'Valid integration', role: 'support' } }),
  adminGetApiKey: (f) => ({ path: { id: f.access.apiKeyId } }),
  adminRevokeApiKey: (f) => ({ path: { id: f.access.apiKeyId } }),

  adminListSalesChannels: () => ({}),
  adminCreateSalesChannel: () => ({ body: { name: 'Valid POS', description: 'In the shop', allowed_origins: ['https://pos.example.com:8443'] } }),
  adminGetSalesChannel: (f) => ({ path: { id: f.access.channelId } }),
  adminUpdateSalesChannel: (f) => ({ path: { id: f.access.channelId }, body: { name: 'Fixture app', description: null, allowed_origins: ['http://localhost:3000'] } }),
  adminDeleteSalesChannel: (f) => ({ path: { id: f.access.doomedChannelId } }),
  adminListPublishableKeys: (f) => ({ path: { id: f.access.channelId } }),
  adminCreatePublishableKey: (f) => ({ path: { id: f.access.channelId }, body: { title: 'Valid key' } }),
  adminRevokePublishableKey: (f) => ({ path: { id: f.access.channelId, key_id: f.access.publishableKeyId } }),
  adminGetProductSalesChannels: (f) => ({ path: { id: f.product.id } }),
  adminSetProductSalesChannels: (f) => ({ path: { id: f.product.id }, body: { sales_channel_ids: [f.inventory.channelId, f.access.channelId] } }),

  adminListAuditLog: (f) => ({
    query: {
      actor_id: f.access.userId,
      entity_id: f.product.id,
      operation_id: 'adminUpdateProduct',
      created_after: '2020-01-01T00:00:00Z',
      created_before: '2100-01-01T00:00:00+01:00',
      limit: '10',
    },
  }),
}

const body = (label: string, at: (string | number)[], value: unknown, path = at.join('.')): BadCase => ({
  label: `body ${at.join('.')}: ${label}`,
  mutation: { in: 'body', at, set: () => value },
  expect: { path },
})
const query = (label: string, name: string, value: string): BadCase => ({
  label: `query ${name}: ${label}`,
  mutation: { in: 'query', name, value },
  expect: { path: `query.${name}` },
})
const originCases = [
  body('an origin with a path', ['allowed_origins', 0], 'https://shop.example.com/store'),
  body('not an origin', ['allowed_origins', 0], 'shop.example.com'),
]

/** Rules of the access operations that the JSON Schema cannot state. */
export const ACCESS_SEMANTIC_CASES: Record<string, BadCase[]> = {
  adminCreateApiKey: [body('only whitespace', ['title'], '   '), { ...body('a role that does not exist', ['role'], 'superuser'), expect: { path: 'role', code: 'unknown_role' } }],
  adminCreateUser: [body('a password shorter than 10 characters', ['password'], 'short'), { ...body('a role that does not exist', ['role'], 'superuser'), expect: { path: 'role', code: 'unknown_role' } }],
  adminCreateRole: [body('not a lowercase name', ['name'], 'Shop Staff'), body('a permission twice', ['permissions'], ['catalog:read', 'catalog:read'])],
  adminCreateSalesChannel: [...originCases, body('only whitespace', ['name'], '  ')],
  adminUpdateSalesChannel: originCases,
  adminListAuditLog: [query('not a date-time', 'created_after', 'yesterday'), query('not a cursor this server issued', 'cursor', 'bm9wZQ')],
}
