import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  AuthErrors,
  CatalogErrors,
  categoryCreateSchema,
  categoryUpdateSchema,
  collectionCreateSchema,
  collectionProductsSchema,
  collectionUpdateSchema,
  createCategory,
  createCollection,
  deleteCategory,
  deleteCollection,
  getCategory,
  getCollection,
  type Grouping,
  listCategories,
  listCollections,
  setGroupingProducts,
  updateCategory,
  updateCollection,
} from '@kassa/core'
import type { AppEnv } from '../env.js'
import { errorResponses, jsonBody, jsonResponse } from '../schemas/common.js'
import { CategorySchema, CollectionSchema } from '../schemas/catalog.js'

const security = [{ adminBearer: [] }]
const authErrors = [AuthErrors.unauthenticated, AuthErrors.sessionExpired]

/** Collections and categories share their admin routes; categories add a parent and cycle checks. */
const kinds = {
  collection: {
    plural: 'collections',
    Name: 'Collection',
    schema: CollectionSchema,
    createInput: collectionCreateSchema.meta({ id: 'CollectionCreateInput' }),
    updateInput: collectionUpdateSchema.meta({ id: 'CollectionUpdateInput' }),
    notFound: CatalogErrors.collectionNotFound,
    writeErrors: [CatalogErrors.collectionHandleTaken],
    deleteErrors: [],
    list: listCollections,
    get: getCollection,
    create: createCollection,
    update: updateCollection,
    remove: deleteCollection,
  },
  category: {
    plural: 'categories',
    Name: 'Category',
    schema: CategorySchema,
    createInput: categoryCreateSchema.meta({ id: 'CategoryCreateInput' }),
    updateInput: categoryUpdateSchema.meta({ id: 'CategoryUpdateInput' }),
    notFound: CatalogErrors.categoryNotFound,
    writeErrors: [CatalogErrors.categoryHandleTaken, CatalogErrors.categoryCycle],
    deleteErrors: [CatalogErrors.categoryHasChildren],
    list: listCategories,
    get: getCategory,
    create: createCategory,
    update: updateCategory,
    remove: deleteCategory,
  },
} as const

export function adminGroupingRoutes(kind: Grouping) {
  const k = kinds[kind]
  const app = new OpenAPIHono<AppEnv>()
  const tags = [`Admin: ${k.plural}`]
  const param = z.object({ id: z.string().max(64) })
  const one = jsonResponse(z.object({ [kind]: k.schema }), `The ${kind}`)
  const ctx = (c: { get: (key: 'commerce' | 'actor') => any }) => c.get('commerce').ctx(c.get('actor'))
  const base = { tags, security }

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: `/${k.plural}`,
      operationId: `adminList${k.Name === 'Category' ? 'Categories' : 'Collections'}`,
      summary: `List ${k.plural}`,
      responses: { 200: jsonResponse(z.object({ data: z.array(k.schema), next_cursor: z.null() }), k.plural), ...errorResponses(...authErrors) },
    }),
    async (c) => c.json({ data: await k.list(ctx(c)), next_cursor: null }, 200),
  )
  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: `/${k.plural}`,
      operationId: `adminCreate${k.Name}`,
      summary: `Create a ${kind}`,
      request: { body: jsonBody(k.createInput) },
      responses: { 201: one, ...errorResponses(...authErrors, ...k.writeErrors, CatalogErrors.categoryNotFound) },
    }),
    async (c) => c.json({ [kind]: await k.create(ctx(c), c.req.valid('json')) }, 201),
  )
  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: `/${k.plural}/{id}`,
      operationId: `adminGet${k.Name}`,
      summary: `A ${kind} by id`,
      request: { params: param },
      responses: { 200: one, ...errorResponses(...authErrors, k.notFound) },
    }),
    async (c) => c.json({ [kind]: await k.get(ctx(c), c.req.valid('param').id) }, 200),
  )
  app.openapi(
    createRoute({
      ...base,
      method: 'patch',
      path: `/${k.plural}/{id}`,
      operationId: `adminUpdate${k.Name}`,
      summary: `Update a ${kind}`,
      request: { params: param, body: jsonBody(k.updateInput) },
      responses: { 200: one, ...errorResponses(...authErrors, k.notFound, ...k.writeErrors) },
    }),
    async (c) => c.json({ [kind]: await k.update(ctx(c), c.req.valid('param').id, c.req.valid('json')) }, 200),
  )
  app.openapi(
    createRoute({
      ...base,
      method: 'delete',
      path: `/${k.plural}/{id}`,
      operationId: `adminDelete${k.Name}`,
      summary: `Delete a ${kind} (its products stay)`,
      request: { params: param },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(...authErrors, k.notFound, ...k.deleteErrors) },
    }),
    async (c) => {
      await k.remove(ctx(c), c.req.valid('param').id)
      return c.body(null, 204)
    },
  )
  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: `/${k.plural}/{id}/products`,
      operationId: `adminSet${k.Name}Products`,
      summary: `Add and remove products of a ${kind}`,
      request: { params: param, body: jsonBody(collectionProductsSchema.meta({ id: `${k.Name}ProductsInput` })) },
      responses: { 200: one, ...errorResponses(...authErrors, k.notFound, CatalogErrors.productNotFound) },
    }),
    async (c) => c.json({ [kind]: await setGroupingProducts(ctx(c), kind, c.req.valid('param').id, c.req.valid('json')) }, 200),
  )
  return app
}
