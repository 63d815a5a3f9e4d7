import { OpenAPIHono, z } from '@hono/zod-openapi'
import { AuthErrors, createRole, deleteRole, getRole, listRoles, RoleErrors, roleCreateSchema, roleUpdateSchema, updateRole } from '@kassa/core'
import type { AppEnv } from '../env.js'
import { AdminRoleSchema } from '../schemas/access.js'
import { errorResponses, jsonBody, jsonResponse } from '../schemas/common.js'
import { adminAuthErrors, adminRoute } from './admin-route.js'

const nameParam = z.object({ name: z.string().max(40) })
const one = jsonResponse(z.object({ role: AdminRoleSchema }), 'The role')
const route = <const R extends Parameters<typeof adminRoute>[2]>(r: R) => adminRoute('roles', r.method === 'get' ? 'settings:read' : 'settings:write', r)

const routes = {
  list: route({
    method: 'get',
    path: '/roles',
    operationId: 'adminListRoles',
    summary: 'The built-in roles and the custom ones, with their permissions',
    responses: { 200: jsonResponse(z.object({ data: z.array(AdminRoleSchema), next_cursor: z.null() }), 'Roles'), ...errorResponses(...adminAuthErrors) },
  }),
  create: route({
    method: 'post',
    path: '/roles',
    operationId: 'adminCreateRole',
    summary: 'Create a custom role with permissions no wider than your own',
    request: { body: jsonBody(roleCreateSchema.meta({ id: 'AdminRoleCreateInput' })) },
    responses: { 201: one, ...errorResponses(...adminAuthErrors, RoleErrors.nameTaken, AuthErrors.roleEscalation) },
  }),
  get: route({
    method: 'get',
    path: '/roles/{name}',
    operationId: 'adminGetRole',
    summary: 'A role by name',
    request: { params: nameParam },
    responses: { 200: one, ...errorResponses(...adminAuthErrors, RoleErrors.notFound) },
  }),
  update: route({
    method: 'patch',
    path: '/roles/{name}',
    operationId: 'adminUpdateRole',
    summary: "Change a custom role's description or permissions (its holders get them with their next request)",
    request: { params: nameParam, body: jsonBody(roleUpdateSchema.meta({ id: 'AdminRoleUpdateInput' })) },
    responses: { 200: one, ...errorResponses(...adminAuthErrors, RoleErrors.notFound, RoleErrors.builtIn, AuthErrors.roleEscalation) },
  }),
  remove: route({
    method: 'delete',
    path: '/roles/{name}',
    operationId: 'adminDeleteRole',
    summary: 'Delete a custom role that no admin user or active API key holds',
    request: { params: nameParam },
    responses: { 204: { description: 'Deleted' }, ...errorResponses(...adminAuthErrors, RoleErrors.notFound, RoleErrors.builtIn, RoleErrors.inUse) },
  }),
}

export function adminRoleRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  const ctx = (c: { get: (k: 'commerce' | 'actor') => any }) => c.get('commerce').ctx(c.get('actor'))
  app.openapi(routes.list, async (c) => c.json({ data: await listRoles(ctx(c)), next_cursor: null }, 200))
  app.openapi(routes.create, async (c) => c.json({ role: await createRole(ctx(c), c.req.valid('json')) }, 201))
  app.openapi(routes.get, async (c) => c.json({ role: await getRole(ctx(c), c.req.valid('param').name) }, 200))
  app.openapi(routes.update, async (c) => c.json({ role: await updateRole(ctx(c), c.req.valid('param').name, c.req.valid('json')) }, 200))
  app.openapi(routes.remove, async (c) => {
    await deleteRole(ctx(c), c.req.valid('param').name)
    return c.body(null, 204)
  })
  return app
}
