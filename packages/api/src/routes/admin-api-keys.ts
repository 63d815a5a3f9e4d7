import { OpenAPIHono, z } from '@hono/zod-openapi'
import { ApiKeyErrors, apiKeyCreateSchema, AuthErrors, createApiKey, getApiKey, listApiKeys, revokeApiKey } from '@kassa/core'
import type { AppEnv } from '../env.js'
import { ApiKeySchema } from '../schemas/access.js'
import { errorResponses, jsonBody, jsonResponse } from '../schemas/common.js'
import { adminAuthErrors, adminRoute } from './admin-route.js'

// Secret keys act as admins: like admin users, every route needs settings:write.
const route = <const R extends Parameters<typeof adminRoute>[2]>(r: R) => adminRoute('api keys', 'settings:write', r)
const idParam = z.object({ id: z.string().max(64) })
const one = jsonResponse(z.object({ api_key: ApiKeySchema }), 'The API key')

const list = route({
  method: 'get',
  path: '/api-keys',
  operationId: 'adminListApiKeys',
  summary: 'Every secret API key, revoked ones included (never the key itself)',
  responses: { 200: jsonResponse(z.object({ data: z.array(ApiKeySchema), next_cursor: z.null() }), 'API keys'), ...errorResponses(...adminAuthErrors) },
})

const create = route({
  method: 'post',
  path: '/api-keys',
  operationId: 'adminCreateApiKey',
  summary: 'Create a secret key (sk_…) scoped to a role; the key is in this answer and nowhere else, ever',
  request: { body: jsonBody(apiKeyCreateSchema.meta({ id: 'ApiKeyCreateInput' })) },
  responses: {
    201: jsonResponse(
      z.object({ api_key: ApiKeySchema, secret: z.string().openapi({ description: 'The key for Authorization: Bearer; store it now' }) }),
      'The key, shown once',
    ),
    ...errorResponses(...adminAuthErrors, AuthErrors.roleEscalation),
  },
})

const get = route({
  method: 'get',
  path: '/api-keys/{id}',
  operationId: 'adminGetApiKey',
  summary: 'A secret API key by id (never the key itself)',
  request: { params: idParam },
  responses: { 200: one, ...errorResponses(...adminAuthErrors, ApiKeyErrors.notFound) },
})

const revoke = route({
  method: 'post',
  path: '/api-keys/{id}/revoke',
  operationId: 'adminRevokeApiKey',
  summary: 'Revoke a secret key: requests with it are refused from now on',
  request: { params: idParam },
  responses: { 200: one, ...errorResponses(...adminAuthErrors, ApiKeyErrors.notFound) },
})

export function adminApiKeyRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  const ctx = (c: { get: (k: 'commerce' | 'actor') => any }) => c.get('commerce').ctx(c.get('actor'))
  app.openapi(list, async (c) => c.json({ data: await listApiKeys(ctx(c)), next_cursor: null }, 200))
  app.openapi(create, async (c) => {
    c.header('cache-control', 'no-store')
    return c.json(await createApiKey(ctx(c), c.req.valid('json')), 201)
  })
  app.openapi(get, async (c) => c.json({ api_key: await getApiKey(ctx(c), c.req.valid('param').id) }, 200))
  app.openapi(revoke, async (c) => c.json({ api_key: await revokeApiKey(ctx(c), c.req.valid('param').id) }, 200))
  return app
}
