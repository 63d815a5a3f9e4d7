import { OpenAPIHono, z } from '@hono/zod-openapi'
import {
  AdminUserErrors,
  adminUserCreateSchema,
  adminUserUpdateSchema,
  AuthErrors,
  deactivateAdminUser,
  getAdminUser,
  inviteAdminUser,
  listAdminUsers,
  updateAdminUser,
} from '@kassa/core'
import type { AppEnv } from '../env.js'
import { AdminUserSchema } from '../schemas/access.js'
import { errorResponses, jsonBody, jsonResponse } from '../schemas/common.js'
import { adminAuthErrors, adminRoute } from './admin-route.js'

// Admin users are the owner's business: every route, reads included, needs settings:write.
const route = <const R extends Parameters<typeof adminRoute>[2]>(r: R) => adminRoute('users', 'settings:write', r)
const idParam = z.object({ id: z.string().max(64) })
const one = jsonResponse(z.object({ user: AdminUserSchema }), 'The admin user')

const list = route({
  method: 'get',
  path: '/users',
  operationId: 'adminListUsers',
  summary: 'Every admin user',
  responses: { 200: jsonResponse(z.object({ data: z.array(AdminUserSchema), next_cursor: z.null() }), 'Admin users'), ...errorResponses(...adminAuthErrors) },
})

const create = route({
  method: 'post',
  path: '/users',
  operationId: 'adminCreateUser',
  summary: 'Create an admin user with a role no stronger than your own',
  request: { body: jsonBody(adminUserCreateSchema.meta({ id: 'AdminUserCreateInput' })) },
  responses: { 201: one, ...errorResponses(...adminAuthErrors, AuthErrors.emailTaken, AuthErrors.roleEscalation) },
})

const get = route({
  method: 'get',
  path: '/users/{id}',
  operationId: 'adminGetUser',
  summary: 'An admin user by id',
  request: { params: idParam },
  responses: { 200: one, ...errorResponses(...adminAuthErrors, AdminUserErrors.notFound) },
})

const update = route({
  method: 'patch',
  path: '/users/{id}',
  operationId: 'adminUpdateUser',
  summary: 'Change the role or the active flag (deactivating ends the sessions at once)',
  request: { params: idParam, body: jsonBody(adminUserUpdateSchema.meta({ id: 'AdminUserUpdateInput' })) },
  responses: { 200: one, ...errorResponses(...adminAuthErrors, AdminUserErrors.notFound, AdminUserErrors.lastOwner, AuthErrors.roleEscalation) },
})

const deactivate = route({
  method: 'delete',
  path: '/users/{id}',
  operationId: 'adminDeactivateUser',
  summary: 'Deactivate an admin user (kept for the audit log; reactivate with PATCH active: true)',
  request: { params: idParam },
  responses: { 200: one, ...errorResponses(...adminAuthErrors, AdminUserErrors.notFound, AdminUserErrors.lastOwner) },
})

export function adminUserRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  const ctx = (c: { get: (k: 'commerce' | 'actor') => any }) => c.get('commerce').ctx(c.get('actor'))
  app.openapi(list, async (c) => c.json({ data: await listAdminUsers(ctx(c)), next_cursor: null }, 200))
  app.openapi(create, async (c) => c.json({ user: await inviteAdminUser(ctx(c), c.req.valid('json')) }, 201))
  app.openapi(get, async (c) => c.json({ user: await getAdminUser(ctx(c), c.req.valid('param').id) }, 200))
  app.openapi(update, async (c) => c.json({ user: await updateAdminUser(ctx(c), c.req.valid('param').id, c.req.valid('json')) }, 200))
  app.openapi(deactivate, async (c) => c.json({ user: await deactivateAdminUser(ctx(c), c.req.valid('param').id) }, 200))
  return app
}
