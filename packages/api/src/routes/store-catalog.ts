import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  CatalogErrors,
  ChannelErrors,
  currencySchema,
  findGroupingByHandle,
  findPublishedStoreSource,
  findStoreSources,
  getAvailability,
  limitSchema,
  listCategories,
  listCollections,
  localeSchema,
  renderStoreProduct,
  searchProducts,
  type StoreProduct,
  type StoreSource,
  translate,
} from '@kassa/core'
import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import type { AppEnv } from '../env.js'
import { withQueryPaths } from '../errors.js'
import { listParam, negotiateLocale, optionParam, resolveCurrency } from '../middleware/store.js'
import { errorResponses, jsonResponse } from '../schemas/common.js'
import { FacetsSchema, productSortSchema, StoreCategorySchema, StoreGroupingSchema, StoreProductSchema } from '../schemas/catalog.js'

const storeErrors = [ChannelErrors.keyMissing, ChannelErrors.keyInvalid]
const security = [{ publishableKey: [] }]
const listValue = z.union([z.string().max(2000), z.array(z.string().max(200)).max(50)]).optional()

const localeQuery = {
  locale: localeSchema.optional().openapi({ description: 'Content language; else Accept-Language, else the default' }),
  currency: currencySchema.optional().openapi({ description: 'Price currency (ISO 4217); else the default currency' }),
}

const listProductsRoute = createRoute({
  method: 'get',
  path: '/products',
  operationId: 'storeListProducts',
  tags: ['Store: catalog'],
  summary: 'List and search published products',
  security,
  request: {
    query: z.object({
      q: z.string().max(200).optional().openapi({ description: 'Full-text query: stemmed, typo-tolerant' }),
      collection: listValue.openapi({ description: 'Collection handles, comma-separated' }),
      category: listValue.openapi({ description: 'Category handles (with subcategories), comma-separated' }),
      tag: listValue,
      option: listValue.openapi({ description: 'Option values as Title:Value, comma-separated or repeated' }),
      price_min: z.coerce.number().int().min(0).optional(),
      price_max: z.coerce.number().int().min(0).optional(),
      sort: productSortSchema.optional(),
      region_id: z.string().max(64).optional(),
      limit: limitSchema,
      cursor: z.string().max(2000).optional(),
      ...localeQuery,
    }),
  },
  responses: {
    200: jsonResponse(
      z.object({ data: z.array(StoreProductSchema), next_cursor: z.string().nullable(), facets: FacetsSchema }),
      'A page of products',
    ),
    ...errorResponses(...storeErrors),
  },
})

const getProductRoute = createRoute({
  method: 'get',
  path: '/products/{handle}',
  operationId: 'storeGetProduct',
  tags: ['Store: catalog'],
  summary: 'A published product by handle',
  security,
  request: {
    params: z.object({ handle: z.string().max(200) }),
    query: z.object({ region_id: z.string().max(64).optional(), ...localeQuery }),
  },
  responses: {
    200: jsonResponse(z.object({ product: StoreProductSchema }), 'The product'),
    ...errorResponses(...storeErrors, CatalogErrors.productNotFound),
  },
})

const listCollectionsRoute = createRoute({
  method: 'get',
  path: '/collections',
  operationId: 'storeListCollections',
  tags: ['Store: catalog'],
  summary: 'All collections',
  security,
  request: { query: z.object({ locale: localeQuery.locale }) },
  responses: {
    200: jsonResponse(z.object({ data: z.array(StoreGroupingSchema), next_cursor: z.null() }), 'Collections'),
    ...errorResponses(...storeErrors),
  },
})

const getCollectionRoute = createRoute({
  method: 'get',
  path: '/collections/{handle}',
  operationId: 'storeGetCollection',
  tags: ['Store: catalog'],
  summary: 'A collection by handle',
  security,
  request: { params: z.object({ handle: z.string().max(200) }), query: z.object({ locale: localeQuery.locale }) },
  responses: {
    200: jsonResponse(z.object({ collection: StoreGroupingSchema }), 'The collection'),
    ...errorResponses(...storeErrors, CatalogErrors.collectionNotFound),
  },
})

const listCategoriesRoute = createRoute({
  method: 'get',
  path: '/categories',
  operationId: 'storeListCategories',
  tags: ['Store: catalog'],
  summary: 'All categories (a tree by parent_id, ordered by position)',
  security,
  request: { query: z.object({ locale: localeQuery.locale }) },
  responses: {
    200: jsonResponse(z.object({ data: z.array(StoreCategorySchema), next_cursor: z.null() }), 'Categories'),
    ...errorResponses(...storeErrors),
  },
})

const getCategoryRoute = createRoute({
  method: 'get',
  path: '/categories/{handle}',
  operationId: 'storeGetCategory',
  tags: ['Store: catalog'],
  summary: 'A category by handle',
  security,
  request: { params: z.object({ handle: z.string().max(200) }), query: z.object({ locale: localeQuery.locale }) },
  responses: {
    200: jsonResponse(z.object({ category: StoreCategorySchema }), 'The category'),
    ...errorResponses(...storeErrors, CatalogErrors.categoryNotFound),
  },
})

/** Relative media paths become absolute URLs on this server. */
function absolutize(c: Context<AppEnv>, product: StoreProduct): StoreProduct {
  const base = c.get('commerce').config.publicUrl
  const abs = (url: string) => (url.startsWith('/') ? `${base}${url}` : url)
  return {
    ...product,
    thumbnail: product.thumbnail && abs(product.thumbnail),
    media: product.media.map((m) => ({ ...m, url: abs(m.url) })),
  }
}

/** The products as shown in one locale and currency, with their variants' live availability (one statement). */
async function renderProducts(c: Context<AppEnv>, sources: StoreSource[], loc: ReturnType<typeof localized>): Promise<StoreProduct[]> {
  const ctx = c.get('commerce').ctx(c.get('actor'), c.get('channel'))
  const stock = await getAvailability(
    ctx,
    sources.flatMap((p) => p.variants.map((v) => v.id)),
    c.get('channel').id,
  )
  return sources.map((p) => absolutize(c, renderStoreProduct(p, loc, stock)))
}

/**
 * A JSON 200 with its ETag (SHA-1 of the body, as the response cache makes it), hashed here from
 * the serialized string so the ETag middleware does not read the body back to hash it.
 */
function jsonWithEtag<T>(c: Context<AppEnv>, value: T) {
  const body = JSON.stringify(value)
  const tag = `"${createHash('sha1').update(body).digest('base64url')}"`
  return c.body(body, 200, { 'content-type': 'application/json', etag: tag }) as unknown as ReturnType<typeof c.json<T, 200>>
}

function localized(c: Context<AppEnv>, locale: string | undefined, currency?: string) {
  const chosen = negotiateLocale(c, locale)
  c.header('content-language', chosen)
  return { locale: chosen, defaultLocale: c.get('commerce').config.locales[0]!, currency: resolveCurrency(c, currency) }
}

export function storeCatalogRoutes() {
  const app = new OpenAPIHono<AppEnv>()

  app.openapi(listProductsRoute, async (c) => {
    const query = c.req.valid('query')
    const loc = localized(c, query.locale, query.currency)
    const ctx = c.get('commerce').ctx(c.get('actor'), c.get('channel'))
    const input = {
      ...(query.q && { q: query.q }),
      ...optional('collections', listParam(query.collection)),
      ...optional('categories', listParam(query.category)),
      ...optional('tags', listParam(query.tag)),
      ...optional('options', optionParam(query.option)),
      ...optional('price_min', query.price_min),
      ...optional('price_max', query.price_max),
      ...optional('sort', query.sort),
      ...optional('cursor', query.cursor),
      locale: loc.locale,
      currency: loc.currency,
      limit: query.limit,
    }
    const result = await withQueryPaths(() => searchProducts(ctx, input), {
      collections: 'collection',
      categories: 'category',
      tags: 'tag',
      options: 'option',
    })
    const data = await renderProducts(c, await findStoreSources(ctx.db, result.ids), loc)
    return jsonWithEtag(c, { data, next_cursor: result.next_cursor, facets: result.facets })
  })

  app.openapi(getProductRoute, async (c) => {
    const { handle } = c.req.valid('param')
    const query = c.req.valid('query')
    const loc = localized(c, query.locale, query.currency)
    const source = await findPublishedStoreSource(c.get('commerce').db, handle, c.get('channel').id)
    if (!source) throw CatalogErrors.productNotFound(handle)
    const [product] = await renderProducts(c, [source], loc)
    return jsonWithEtag(c, { product: product! })
  })

  app.openapi(listCollectionsRoute, async (c) => {
    const loc = localized(c, c.req.valid('query').locale)
    const all = await listCollections(c.get('commerce').ctx())
    return c.json({ data: all.map((g) => storeGrouping(g, loc.locale, loc.defaultLocale)), next_cursor: null }, 200)
  })

  app.openapi(getCollectionRoute, async (c) => {
    const loc = localized(c, c.req.valid('query').locale)
    const { handle } = c.req.valid('param')
    const found = await findGroupingByHandle(c.get('commerce').ctx(), 'collection', handle)
    if (!found) throw CatalogErrors.collectionNotFound(handle)
    return c.json({ collection: storeGrouping(found, loc.locale, loc.defaultLocale) }, 200)
  })

  app.openapi(listCategoriesRoute, async (c) => {
    const loc = localized(c, c.req.valid('query').locale)
    const all = await listCategories(c.get('commerce').ctx())
    return c.json(
      {
        data: all.map((g) => ({ ...storeGrouping(g, loc.locale, loc.defaultLocale), parent_id: g.parent_id, position: g.position })),
        next_cursor: null,
      },
      200,
    )
  })

  app.openapi(getCategoryRoute, async (c) => {
    const loc = localized(c, c.req.valid('query').locale)
    const { handle } = c.req.valid('param')
    const found = await findGroupingByHandle(c.get('commerce').ctx(), 'category', handle)
    if (!found || !('parent_id' in found)) throw CatalogErrors.categoryNotFound(handle)
    return c.json(
      { category: { ...storeGrouping(found, loc.locale, loc.defaultLocale), parent_id: found.parent_id, position: found.position } },
      200,
    )
  })

  return app
}

function storeGrouping(
  g: {
    id: string
    handle: string
    title: string
    description: string
    translations: { locale: string; title: string | null; description: string | null }[]
  },
  locale: string,
  defaultLocale: string,
) {
  const text = translate(g, g.translations, locale, defaultLocale)
  return { id: g.id, handle: g.handle, title: text.title, description: text.description, locale }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}
