import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  addOption,
  addVariant,
  AuthErrors,
  CatalogErrors,
  CommonErrors,
  createProduct,
  deleteOption,
  deleteProduct,
  deleteVariant,
  getProduct,
  limitSchema,
  listProducts,
  optionInputSchema,
  PRODUCT_STATUSES,
  productCreateSchema,
  productUpdateSchema,
  updateProduct,
  updateVariant,
  variantInputSchema,
  variantUpdateSchema,
} from '@kassa/core'
import type { AppEnv } from '../env.js'
import { withQueryPaths } from '../errors.js'
import { errorResponses, jsonBody, jsonResponse, listOf } from '../schemas/common.js'
import { ProductSchema, VariantSchema } from '../schemas/catalog.js'

const tags = ['Admin: products']
const security = [{ adminBearer: [] }]
const authErrors = [AuthErrors.unauthenticated, AuthErrors.sessionExpired]
const productParam = z.object({ id: z.string().max(64) })
const variantParam = z.object({ id: z.string().max(64), variant_id: z.string().max(64) })
const optionParam = z.object({ id: z.string().max(64), option_id: z.string().max(64) })
const productResponse = jsonResponse(z.object({ product: ProductSchema }), 'The product')
const variantResponse = jsonResponse(z.object({ variant: VariantSchema }), 'The variant')
const writeErrors = [
  ...authErrors,
  CatalogErrors.handleTaken,
  CatalogErrors.skuTaken,
  CatalogErrors.variantOptionInvalid,
  CatalogErrors.variantOptionsDuplicate,
  CatalogErrors.collectionNotFound,
  CatalogErrors.categoryNotFound,
  CommonErrors.conflict,
]

const route = <const R extends Parameters<typeof createRoute>[0]>(r: R) => createRoute({ ...r, tags, security })

const list = route({
  method: 'get',
  path: '/products',
  operationId: 'adminListProducts',
  summary: 'List products, newest first',
  request: {
    query: z.object({
      status: z.enum(PRODUCT_STATUSES).optional(),
      q: z.string().max(200).optional().openapi({ description: 'Matches title, handle or SKU' }),
      limit: limitSchema,
      cursor: z.string().max(2000).optional(),
    }),
  },
  responses: { 200: jsonResponse(listOf(ProductSchema), 'A page of products'), ...errorResponses(...authErrors) },
})

const create = route({
  method: 'post',
  path: '/products',
  operationId: 'adminCreateProduct',
  summary: 'Create a product with options, variants and prices',
  request: { body: jsonBody(productCreateSchema.meta({ id: 'ProductCreateInput' })) },
  responses: { 201: productResponse, ...errorResponses(...writeErrors) },
})

const get = route({
  method: 'get',
  path: '/products/{id}',
  operationId: 'adminGetProduct',
  summary: 'A product by id',
  request: { params: productParam },
  responses: { 200: productResponse, ...errorResponses(...authErrors, CatalogErrors.productNotFound) },
})

const update = route({
  method: 'patch',
  path: '/products/{id}',
  operationId: 'adminUpdateProduct',
  summary: 'Update a product; status publishes or archives it; lists given replace the current ones',
  request: { params: productParam, body: jsonBody(productUpdateSchema.meta({ id: 'ProductUpdateInput' })) },
  responses: { 200: productResponse, ...errorResponses(...writeErrors, CatalogErrors.productNotFound) },
})

const remove = route({
  method: 'delete',
  path: '/products/{id}',
  operationId: 'adminDeleteProduct',
  summary: 'Delete a product (refused while orders reference its variants: archive it instead)',
  request: { params: productParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(...authErrors, CatalogErrors.productNotFound, CatalogErrors.variantInUse) },
})

const createOption = route({
  method: 'post',
  path: '/products/{id}/options',
  operationId: 'adminCreateProductOption',
  summary: 'Add an option (e.g. Size) with its values',
  request: { params: productParam, body: jsonBody(optionInputSchema.meta({ id: 'ProductOptionInput' })) },
  responses: { 201: productResponse, ...errorResponses(...authErrors, CatalogErrors.productNotFound, CatalogErrors.optionTitleTaken, CommonErrors.conflict) },
})

const removeOption = route({
  method: 'delete',
  path: '/products/{id}/options/{option_id}',
  operationId: 'adminDeleteProductOption',
  summary: 'Remove an option and its values from the product and its variants',
  request: { params: optionParam },
  responses: { 200: productResponse, ...errorResponses(...authErrors, CatalogErrors.optionNotFound) },
})

const createVariant = route({
  method: 'post',
  path: '/products/{id}/variants',
  operationId: 'adminCreateVariant',
  summary: 'Add a variant with option values and prices',
  request: { params: productParam, body: jsonBody(variantInputSchema.meta({ id: 'VariantInput' })) },
  responses: { 201: variantResponse, ...errorResponses(...writeErrors, CatalogErrors.productNotFound) },
})

const variantUpdateBody = variantUpdateSchema.extend({ archived: z.boolean().optional() }).meta({ id: 'VariantUpdateInput' })

const updateVariantRoute = route({
  method: 'patch',
  path: '/products/{id}/variants/{variant_id}',
  operationId: 'adminUpdateVariant',
  summary: 'Update a variant; prices given replace all its prices; archived hides it from the store',
  request: { params: variantParam, body: jsonBody(variantUpdateBody) },
  responses: { 200: variantResponse, ...errorResponses(...authErrors, CatalogErrors.productNotFound, CatalogErrors.variantNotFound, CatalogErrors.skuTaken, CommonErrors.conflict) },
})

const removeVariant = route({
  method: 'delete',
  path: '/products/{id}/variants/{variant_id}',
  operationId: 'adminDeleteVariant',
  summary: 'Delete a variant (refused while orders reference it: archive it instead)',
  request: { params: variantParam },
  responses: {
    204: { description: 'Deleted' },
    ...errorResponses(...authErrors, CatalogErrors.productNotFound, CatalogErrors.variantNotFound, CatalogErrors.variantInUse),
  },
})

export function adminProductRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  const ctx = (c: { get: (k: 'commerce' | 'actor') => any }) => c.get('commerce').ctx(c.get('actor'))

  app.openapi(list, async (c) => {
    const q = c.req.valid('query')
    const input = { limit: q.limit, ...(q.status && { status: q.status }), ...(q.q && { q: q.q }), ...(q.cursor && { cursor: q.cursor }) }
    return c.json(await withQueryPaths(() => listProducts(ctx(c), input)), 200)
  })
  app.openapi(create, async (c) => c.json({ product: await createProduct(ctx(c), c.req.valid('json')) }, 201))
  app.openapi(get, async (c) => c.json({ product: await getProduct(ctx(c), c.req.valid('param').id) }, 200))
  app.openapi(update, async (c) => c.json({ product: await updateProduct(ctx(c), c.req.valid('param').id, c.req.valid('json')) }, 200))
  app.openapi(remove, async (c) => {
    await deleteProduct(ctx(c), c.req.valid('param').id)
    return c.body(null, 204)
  })
  app.openapi(createOption, async (c) => c.json({ product: await addOption(ctx(c), c.req.valid('param').id, c.req.valid('json')) }, 201))
  app.openapi(removeOption, async (c) => {
    const p = c.req.valid('param')
    return c.json({ product: await deleteOption(ctx(c), p.id, p.option_id) }, 200)
  })
  app.openapi(createVariant, async (c) => c.json({ variant: await addVariant(ctx(c), c.req.valid('param').id, c.req.valid('json')) }, 201))
  app.openapi(updateVariantRoute, async (c) => {
    const p = c.req.valid('param')
    return c.json({ variant: await updateVariant(ctx(c), p.id, p.variant_id, c.req.valid('json')) }, 200)
  })
  app.openapi(removeVariant, async (c) => {
    const p = c.req.valid('param')
    await deleteVariant(ctx(c), p.id, p.variant_id)
    return c.body(null, 204)
  })
  return app
}
