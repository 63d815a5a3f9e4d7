import { OpenAPIHono, z } from '@hono/zod-openapi'
import {
  addOption,
  addVariant,
  batchUpdatePrices,
  CatalogErrors,
  CommonErrors,
  createProduct,
  deleteOption,
  deleteProduct,
  deleteVariant,
  getProduct,
  IdempotencyErrors,
  limitSchema,
  listProducts,
  optionInputSchema,
  optionUpdateSchema,
  priceBatchSchema,
  PricingErrors,
  PRODUCT_STATUSES,
  productCreateSchema,
  productUpdateSchema,
  updateOption,
  updateProduct,
  updateVariant,
  variantInputSchema,
  variantUpdateSchema,
} from '@kassa/core'
import type { AppEnv } from '../env.js'
import { adminAuthErrors, adminRoute, type RoutePermission } from './admin-route.js'
import { withQueryPaths } from '../errors.js'
import { idempotent } from '../middleware/idempotency.js'
import { errorResponses, jsonBody, jsonResponse, listOf } from '../schemas/common.js'
import { ProductSchema, VariantSchema } from '../schemas/catalog.js'

const authErrors = adminAuthErrors
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

const route = <const R extends Parameters<typeof adminRoute>[2]>(permission: RoutePermission, r: R) => adminRoute('products', permission, r)

const list = route('catalog:read', {
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

const create = route('catalog:write', {
  method: 'post',
  path: '/products',
  operationId: 'adminCreateProduct',
  summary: 'Create a product with options, variants and prices',
  request: { body: jsonBody(productCreateSchema.meta({ id: 'ProductCreateInput' })) },
  responses: { 201: productResponse, ...errorResponses(...writeErrors) },
})

const get = route('catalog:read', {
  method: 'get',
  path: '/products/{id}',
  operationId: 'adminGetProduct',
  summary: 'A product by id',
  request: { params: productParam },
  responses: { 200: productResponse, ...errorResponses(...authErrors, CatalogErrors.productNotFound) },
})

const update = route('catalog:write', {
  method: 'patch',
  path: '/products/{id}',
  operationId: 'adminUpdateProduct',
  summary: 'Update a product; status publishes or archives it; lists given replace the current ones',
  request: { params: productParam, body: jsonBody(productUpdateSchema.meta({ id: 'ProductUpdateInput' })) },
  responses: { 200: productResponse, ...errorResponses(...writeErrors, CatalogErrors.productNotFound) },
})

const remove = route('catalog:write', {
  method: 'delete',
  path: '/products/{id}',
  operationId: 'adminDeleteProduct',
  summary: 'Delete a product (refused while orders reference its variants: archive it instead)',
  request: { params: productParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(...authErrors, CatalogErrors.productNotFound, CatalogErrors.variantInUse) },
})

const createOption = route('catalog:write', {
  method: 'post',
  path: '/products/{id}/options',
  operationId: 'adminCreateProductOption',
  summary: 'Add an option (e.g. Size) with its values',
  request: { params: productParam, body: jsonBody(optionInputSchema.meta({ id: 'ProductOptionInput' })) },
  responses: { 201: productResponse, ...errorResponses(...authErrors, CatalogErrors.productNotFound, CatalogErrors.optionTitleTaken, CommonErrors.conflict) },
})

const updateOptionRoute = route('catalog:write', {
  method: 'patch',
  path: '/products/{id}/options/{option_id}',
  operationId: 'adminUpdateProductOption',
  summary: 'Rename an option or replace its values (new values are added; a value variants use cannot be removed)',
  request: { params: optionParam, body: jsonBody(optionUpdateSchema.meta({ id: 'ProductOptionUpdateInput' })) },
  responses: {
    200: productResponse,
    ...errorResponses(...authErrors, CatalogErrors.productNotFound, CatalogErrors.optionNotFound, CatalogErrors.optionTitleTaken, CatalogErrors.optionValueInUse, CommonErrors.conflict),
  },
})

const removeOption = route('catalog:write', {
  method: 'delete',
  path: '/products/{id}/options/{option_id}',
  operationId: 'adminDeleteProductOption',
  summary: 'Remove an option and its values from the product and its variants',
  request: { params: optionParam },
  responses: { 200: productResponse, ...errorResponses(...authErrors, CatalogErrors.optionNotFound) },
})

const createVariant = route('catalog:write', {
  method: 'post',
  path: '/products/{id}/variants',
  operationId: 'adminCreateVariant',
  summary: 'Add a variant with option values and prices',
  request: { params: productParam, body: jsonBody(variantInputSchema.meta({ id: 'VariantInput' })) },
  responses: { 201: variantResponse, ...errorResponses(...writeErrors, CatalogErrors.productNotFound) },
})

const variantUpdateBody = variantUpdateSchema.extend({ archived: z.boolean().optional() }).meta({ id: 'VariantUpdateInput' })

const updateVariantRoute = route('catalog:write', {
  method: 'patch',
  path: '/products/{id}/variants/{variant_id}',
  operationId: 'adminUpdateVariant',
  summary: 'Update a variant; prices given replace all its prices; archived hides it from the store',
  request: { params: variantParam, body: jsonBody(variantUpdateBody) },
  responses: { 200: variantResponse, ...errorResponses(...authErrors, CatalogErrors.productNotFound, CatalogErrors.variantNotFound, CatalogErrors.skuTaken, CommonErrors.conflict) },
})

const removeVariant = route('catalog:write', {
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

const batchPrices = route('catalog:write', {
  method: 'post',
  path: '/prices/batch',
  operationId: 'adminBatchPrices',
  summary: 'Set the prices of many variants by id, all or nothing (accepts Idempotency-Key)',
  description:
    "One transaction: each row sets one currency of one variant; the variant's other prices stay. A row naming a variant that " +
    'does not exist fails the batch with 422 `price.variants_unknown`, one error per row (`items.3.variant_id`); the same ' +
    'variant and currency twice is 400 `validation_failed` (`items.3.currency_code`: `duplicate`).',
  request: {
    headers: z.object({
      'idempotency-key': z.string().max(255).optional().openapi({ description: 'Replays the first response to the same key (same body)' }),
    }),
    body: jsonBody(priceBatchSchema.meta({ id: 'PriceBatchInput' })),
  },
  responses: {
    200: jsonResponse(
      z.object({ batch: z.object({ prices: z.number().int(), products: z.number().int() }) }),
      'How many prices were written, across how many products',
    ),
    ...errorResponses(...authErrors, PricingErrors.variantsUnknown, IdempotencyErrors.keyReused, IdempotencyErrors.inProgress),
  },
})

export function adminProductRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  const ctx = (c: { get: (k: 'commerce' | 'actor') => any }) => c.get('commerce').ctx(c.get('actor'))
  app.use('/prices/batch', idempotent())

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
  app.openapi(updateOptionRoute, async (c) => {
    const p = c.req.valid('param')
    return c.json({ product: await updateOption(ctx(c), p.id, p.option_id, c.req.valid('json')) }, 200)
  })
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
  app.openapi(batchPrices, async (c) => c.json({ batch: await batchUpdatePrices(ctx(c), c.req.valid('json')) }, 200))
  return app
}
