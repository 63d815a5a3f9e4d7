import type { Product } from '../catalog/catalog.js'
import { findProductsByIds } from '../catalog/product.repository.js'
import { translate } from '../catalog/storefront.js'
import { getAvailability } from '../inventory/stock.service.js'
import type { Ctx } from '../kernel/ctx.js'
import { formatDecimal } from './export.service.js'

const PAGE = 200

export interface FeedOptions {
  channelId: string
  currency: string
  locale: string
  defaultLocale: string
  /** Product links point here: `${storefrontUrl}/products/${handle}`. */
  storefrontUrl: string
  /** Images stored on this server (`/media/...`) are linked absolutely from here. */
  publicUrl: string
  title?: string
}

const escapeXml = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
const plainText = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 5000)
const GTIN = /^(\d{8}|\d{12}|\d{13}|\d{14})$/

/**
 * A Google Merchant Center product feed (RSS 2.0, `g:` namespace): one item per sellable variant
 * of each published product with a price in `currency`, grouped by `g:item_group_id`. Streamed a
 * page of products at a time.
 */
export async function* googleProductFeed(ctx: Ctx, options: FeedOptions): AsyncGenerator<string> {
  const base = options.storefrontUrl.replace(/\/+$/, '')
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">\n<channel>\n'
  yield `<title>${escapeXml(options.title ?? 'Products')}</title>\n<link>${escapeXml(base)}</link>\n<description>Product feed (${options.currency}, ${options.locale})</description>\n`
  let after = ''
  for (;;) {
    const rows = await ctx.db
      .selectFrom('product')
      .select(['id', 'handle'])
      .where('status', '=', 'published')
      .where('handle', '>', after)
      .orderBy('handle')
      .limit(PAGE)
      .execute()
    if (rows.length === 0) break
    const products = await findProductsByIds(
      ctx.db,
      rows.map((r) => r.id),
    )
    const availability = await getAvailability(
      ctx,
      products.flatMap((p) => p.variants.map((v) => v.id)),
      options.channelId,
    )
    yield products.map((p) => items(p, options, base, availability)).join('')
    after = rows[rows.length - 1]!.handle
  }
  yield '</channel>\n</rss>\n'
}

function items(product: Product, options: FeedOptions, base: string, availability: Map<string, string>): string {
  const text = translate(product, product.translations, options.locale, options.defaultLocale)
  const variants = product.variants.filter((v) => v.archived_at === null && v.prices.some((p) => p.currency_code === options.currency))
  const brand = typeof product.metadata.vendor === 'string' ? product.metadata.vendor : ''
  return variants
    .map((v) => {
      const price = v.prices.find((p) => p.currency_code === options.currency)!
      const image = (typeof v.metadata.image_url === 'string' && v.metadata.image_url) || product.media[0]?.url
      const state = availability.get(v.id) ?? 'in_stock'
      const link = `${base}/products/${encodeURIComponent(product.handle)}${variants.length > 1 ? `?variant=${encodeURIComponent(v.id)}` : ''}`
      const title = variants.length > 1 && product.options.length ? `${text.title} - ${v.title}` : text.title
      const fields: [string, string | undefined][] = [
        ['g:id', v.sku ?? v.id],
        ['g:title', title.slice(0, 150)],
        ['g:description', plainText(text.description) || text.title],
        ['g:link', link],
        [
          'g:image_link',
          image && /^https?:\/\//.test(image)
            ? image
            : image?.startsWith('/')
              ? `${options.publicUrl.replace(/\/+$/, '')}${image}`
              : undefined,
        ],
        ['g:availability', state === 'out_of_stock' ? 'out_of_stock' : 'in_stock'],
        ['g:price', `${formatDecimal(price.amount, options.currency)} ${options.currency}`],
        ['g:brand', brand || undefined],
        ['g:gtin', v.barcode && GTIN.test(v.barcode) ? v.barcode : undefined],
        ['g:mpn', v.sku ?? undefined],
        ['g:condition', 'new'],
        ['g:item_group_id', variants.length > 1 ? product.handle : undefined],
        ...product.options.map((o): [string, string | undefined] => {
          const key = o.title.toLowerCase()
          return [key === 'color' || key === 'colour' ? 'g:color' : key === 'size' ? 'g:size' : '', v.options[o.title]]
        }),
      ]
      const body = fields
        .filter(([k, value]) => k && value)
        .map(([k, value]) => `<${k}>${escapeXml(value!)}</${k}>`)
        .join('')
      return `<item>${body}</item>\n`
    })
    .join('')
}
