import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { ChannelErrors, currencySchema, getRegion, googleProductFeed, localeSchema, RegionErrors } from '@kassa/core'
import type { AppEnv } from '../env.js'
import { errorResponses } from '../schemas/common.js'
import { negotiateLocale } from '../middleware/store.js'

const security: Record<string, string[]>[] = [{ publishableKey: [] }, { publishableKeyQuery: [] }]

const googleFeed = createRoute({
  method: 'get',
  path: '/feeds/google.xml',
  operationId: 'storeGoogleProductFeed',
  tags: ['Store: feeds'],
  summary: 'Google Merchant Center product feed (RSS 2.0, g: namespace)',
  description:
    'One item per sellable variant of each published product with a price in the currency (of `region_id`, else `currency`, else the default), ' +
    'grouped by `g:item_group_id`; links point at the storefront (`KASSA_STOREFRONT_URL`). Merchant Center fetches by URL and sends no ' +
    'headers, so this route also takes the publishable key as `?key=` (publishable keys are public by design). Cached for an hour; ETag.',
  security,
  request: {
    query: z.object({
      region_id: z.string().max(64).optional(),
      currency: currencySchema.optional().openapi({ description: 'Price currency when no region is named' }),
      locale: localeSchema.optional().openapi({ description: 'Content language; else Accept-Language, else the default' }),
      key: z.string().max(200).optional().openapi({ description: 'The publishable key, for fetchers that cannot send headers' }),
    }),
  },
  responses: {
    200: { description: 'The feed', content: { 'application/xml': { schema: z.string().openapi({ description: 'RSS 2.0' }) } } },
    ...errorResponses(ChannelErrors.keyMissing, ChannelErrors.keyInvalid, RegionErrors.notFound),
  },
})

export function storeFeedRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  app.openapi(googleFeed, async (c) => {
    const commerce = c.get('commerce')
    const ctx = commerce.ctx(c.get('actor'), c.get('channel'))
    const query = c.req.valid('query')
    const currency = query.region_id
      ? (await getRegion(ctx, query.region_id)).currency_code
      : (query.currency ?? commerce.config.defaultCurrency)
    const locale = negotiateLocale(c, query.locale)
    let xml = ''
    for await (const chunk of googleProductFeed(ctx, {
      channelId: c.get('channel').id,
      currency: currency.toUpperCase(),
      locale,
      defaultLocale: commerce.config.locales[0]!,
      storefrontUrl: commerce.config.storefrontUrl,
      publicUrl: commerce.config.publicUrl,
    }))
      xml += chunk
    return c.body(xml, 200, { 'content-type': 'application/xml; charset=utf-8' })
  })
  return app
}
