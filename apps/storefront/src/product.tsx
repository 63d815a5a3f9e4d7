import type { StoreProduct } from '@kassa/sdk'
import type { Hono } from 'hono'
import { IMAGE_SIZE, mediaSrc, Notice } from './components.js'
import { cacheablePage, type Deps, type SfEnv } from './env.js'
import { decimalAmount, formatMoney } from './format.js'
import type { Strings } from './i18n.js'
import { href, Layout, type PageContext } from './layout.js'
import { render } from './render.js'

type Variant = StoreProduct['variants'][number]

const isAvailable = (v: Variant) => v.availability !== 'out_of_stock' && v.price !== null

/** The variant whose options equal the chosen values (by option title), if any. */
export function findVariant(product: StoreProduct, chosen: Record<string, string>): Variant | undefined {
  return product.variants.find((v) => product.options.every((o) => v.options[o.title] === chosen[o.title]))
}

/** The option values a request names: `o0=M&o1=Blue` in the order of the product's options. */
export function chosenOptions(product: StoreProduct, read: (name: string) => string | undefined): Record<string, string> {
  const chosen: Record<string, string> = {}
  product.options.forEach((o, i) => {
    const value = read(`o${i}`)
    if (value !== undefined && o.values.includes(value)) chosen[o.title] = value
  })
  return chosen
}

function availabilityLabel(t: Strings, v: Variant): string {
  return v.availability === 'in_stock' ? t.inStock : v.availability === 'low_stock' ? t.lowStock : t.outOfStock
}

function productJsonLd(page: PageContext, product: StoreProduct) {
  const url = page.origin + href(page.lang, `/p/${product.handle}`)
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    description: product.description,
    url,
    image: product.media.map((m) => (mediaSrc(m.url).startsWith('/') ? page.origin + mediaSrc(m.url) : m.url)),
    ...(product.variants[0]?.sku && { sku: product.variants[0].sku }),
    offers: product.variants
      .filter((v) => v.price !== null)
      .map((v) => ({
        '@type': 'Offer',
        url,
        ...(v.sku && { sku: v.sku }),
        price: decimalAmount(v.price!, product.currency_code),
        priceCurrency: product.currency_code,
        availability:
          v.availability === 'out_of_stock'
            ? 'https://schema.org/OutOfStock'
            : v.availability === 'low_stock'
              ? 'https://schema.org/LimitedAvailability'
              : 'https://schema.org/InStock',
      })),
  }
}

/** The product page: gallery, variant picker that works as a plain form, price with the region's tax rule. */
export function productRoutes(app: Hono<SfEnv>, deps: Deps): void {
  app.get('/:lang/p/:handle', async (c) => {
    const page = c.get('page')
    const { t, lang } = page
    const product = await deps.store.products.get(c.req.param('handle'), {
      region_id: page.region.id,
      currency: page.region.currency_code,
      locale: lang,
    })
    const fromQuery = chosenOptions(product, (name) => c.req.query(name))
    const fallback = product.variants.find(isAvailable) ?? product.variants[0]
    const chosen = { ...(fallback?.options ?? {}), ...fromQuery }
    const selected = findVariant(product, chosen)
    const error = c.req.query('error')
    const money = (amount: number | null) => (amount === null ? '' : formatMoney(amount, product.currency_code, lang))
    const variantsJson = product.variants.map((v) => ({
      id: v.id,
      options: v.options,
      price: money(v.price),
      available: isAvailable(v),
      availability: v.availability,
      label: availabilityLabel(t, v),
    }))
    const hasOptions = product.options.length > 0 && product.variants.length > 1
    const description = product.description.replace(/\s+/g, ' ').trim()
    const category = page.categories.find((x) => x.id === product.category_ids[0])
    cacheablePage(c)
    return render(
      c,
      <Layout
        page={page}
        title={product.title}
        description={description.length > 155 ? `${description.slice(0, 152)}...` : description || product.title}
        jsonLd={productJsonLd(page, product)}
        script
      >
        <p class="crumbs">
          <a href={href(lang, '/')}>{t.home}</a>
          {category && (
            <>
              {' / '}
              <a href={href(lang, `/c/${category.handle}`)}>{category.title}</a>
            </>
          )}
        </p>
        <div class="product">
          <div>
            <div class="gallery" aria-label={product.title}>
              {product.media.map((m, i) => (
                <img
                  id={`image-${i + 1}`}
                  src={mediaSrc(m.url)}
                  alt={m.alt ?? product.title}
                  width={IMAGE_SIZE}
                  height={IMAGE_SIZE}
                  loading={i === 0 ? 'eager' : 'lazy'}
                  fetchpriority={i === 0 ? 'high' : 'auto'}
                  decoding="async"
                />
              ))}
            </div>
            {product.media.length > 1 && (
              <nav class="thumbs" aria-label={product.title}>
                {product.media.map((m, i) => (
                  <a href={`#image-${i + 1}`} data-thumb>
                    <img src={mediaSrc(m.url)} alt={`${i + 1}`} width={64} height={64} loading="lazy" decoding="async" />
                  </a>
                ))}
              </nav>
            )}
          </div>
          <div>
            <h1>{product.title}</h1>
            {product.subtitle && <p class="muted">{product.subtitle}</p>}
            <p>
              <span class="price" data-price>
                {money(selected?.price ?? product.price_range?.min ?? null)}
              </span>{' '}
              <span class="tax">{page.region.tax_inclusive ? t.taxIncluded : t.taxExcluded}</span>
            </p>
            <p class={`avail ${selected?.availability ?? 'out_of_stock'}`} data-availability>
              {selected ? availabilityLabel(t, selected) : t.comboUnavailable}
            </p>
            {error === 'combination' && <Notice kind="err">{t.comboUnavailable}</Notice>}
            <form method="post" action={href(lang, '/cart/add')} data-variants={hasOptions ? '' : undefined} data-none={t.comboUnavailable}>
              <input type="hidden" name="handle" value={product.handle} />
              <input type="hidden" name="variant_id" value={hasOptions ? '' : (selected?.id ?? '')} />
              {hasOptions &&
                product.options.map((option, i) => (
                  <fieldset class="opts">
                    <legend>{option.title}</legend>
                    {option.values.map((value) => {
                      const possible = product.variants.some(
                        (v) =>
                          isAvailable(v) &&
                          v.options[option.title] === value &&
                          product.options.every((o) => o.title === option.title || v.options[o.title] === chosen[o.title]),
                      )
                      return (
                        <label class={possible ? '' : 'na'}>
                          <input
                            type="radio"
                            name={`o${i}`}
                            value={value}
                            data-option={option.title}
                            checked={chosen[option.title] === value}
                          />
                          <span>
                            {value}
                            {!possible && <span class="sr"> ({t.unavailable})</span>}
                          </span>
                        </label>
                      )
                    })}
                  </fieldset>
                ))}
              <div class="row">
                <label style="flex:0 0 96px">
                  <span class="sr">{t.quantity}</span>
                  <input type="number" name="quantity" value="1" min="1" max="99" aria-label={t.quantity} />
                </label>
                <button type="submit" disabled={hasOptions ? false : !selected || !isAvailable(selected)}>
                  {t.addToCart}
                </button>
              </div>
            </form>
            <script
              type="application/json"
              id="variants"
              dangerouslySetInnerHTML={{ __html: JSON.stringify(variantsJson).replace(/</g, '\\u003c') }}
            />
            <div>
              {product.description.split(/\n{2,}/).map((para) => (
                <p>{para}</p>
              ))}
            </div>
          </div>
        </div>
      </Layout>,
    )
  })
}
