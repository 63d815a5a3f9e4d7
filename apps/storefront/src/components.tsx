import type { Order, StoreProduct } from '@kassa/sdk'
import { formatMoney } from './format.js'
import { href, type PageContext } from './layout.js'

/** Every image gets fixed dimensions (the demo's are square): the layout never shifts when one arrives. */
export const IMAGE_SIZE = 800

/**
 * Where the browser loads an image from: the API's `/media/...` files are passed through this
 * server (same origin, works when the API is not public); other URLs are used as they are.
 */
export function mediaSrc(url: string): string {
  const path = url.startsWith('/') ? url : URL.canParse(url) ? new URL(url).pathname : url
  return path.startsWith('/media/') ? path : url
}

/** A product's price line for cards: one price, or "from" the lowest when variants differ. */
export function priceLabel(page: PageContext, product: StoreProduct): string {
  const range = product.price_range
  if (!range) return ''
  const min = formatMoney(range.min, product.currency_code, page.lang)
  return range.min === range.max ? min : `${page.t.from} ${min}`
}

export function ProductCard({ page, product, eager }: { page: PageContext; product: StoreProduct; eager?: boolean }) {
  const image = product.media[0]
  return (
    <li class="card">
      <a href={href(page.lang, `/p/${product.handle}`)}>
        {image ? (
          <img
            src={mediaSrc(image.url)}
            alt={image.alt ?? product.title}
            width={IMAGE_SIZE}
            height={IMAGE_SIZE}
            loading={eager ? 'eager' : 'lazy'}
            decoding="async"
          />
        ) : (
          <img src="data:," alt="" width={IMAGE_SIZE} height={IMAGE_SIZE} />
        )}
        <div class="t">{product.title}</div>
        <div class="p">{priceLabel(page, product)}</div>
      </a>
    </li>
  )
}

export function ProductGrid({ page, products }: { page: PageContext; products: StoreProduct[] }) {
  return (
    <ul class="grid">
      {products.map((product, i) => (
        <ProductCard page={page} product={product} eager={i < 4} />
      ))}
    </ul>
  )
}

export function Notice({ kind, children }: { kind: 'err' | 'ok'; children?: unknown }) {
  return (
    <p class={`notice ${kind}`} role={kind === 'err' ? 'alert' : 'status'}>
      {children as string}
    </p>
  )
}

/** An order's or a cart's lines: quantity, product and variant, and the line's total. */
export function ItemLines({
  items,
  currency,
  lang,
}: {
  items: readonly Pick<Order['items'][number], 'quantity' | 'product_title' | 'variant_title' | 'total'>[]
  currency: string
  lang: PageContext['lang']
}) {
  return (
    <ul class="lines">
      {items.map((item) => (
        <li style="grid-template-columns:1fr auto">
          <span>
            {item.quantity} × {item.product_title} <span class="muted">{item.variant_title}</span>
          </span>
          <b>{formatMoney(item.total, currency, lang)}</b>
        </li>
      ))}
    </ul>
  )
}
