import type { CreateProductInput } from '@kassa/core'

/**
 * The benchmark catalog: product `i` is a pure function of `i`, so every run and both databases
 * see the same shop. 20 categories (4 parents with 4 children each), 1-6 variants per product
 * (Size x Colour), prices in EUR, USD and JPY, two tags, one image.
 */

export const BENCH_CATEGORIES: { handle: string; title: string; parent: string | null }[] = []
const TREE: Record<string, string[]> = {
  apparel: ['shirts', 'jackets', 'dresses', 'knitwear'],
  footwear: ['sneakers', 'boots', 'sandals', 'slippers'],
  home: ['kitchen', 'lighting', 'textiles', 'decor'],
  outdoor: ['camping', 'cycling', 'running', 'climbing'],
}
for (const [parent, children] of Object.entries(TREE)) {
  BENCH_CATEGORIES.push({ handle: parent, title: capital(parent), parent: null })
  for (const child of children) BENCH_CATEGORIES.push({ handle: `${parent}-${child}`, title: capital(child), parent })
}
const LEAVES = BENCH_CATEGORIES.filter((c) => c.parent !== null)

const ADJECTIVES = ['classic', 'modern', 'vintage', 'urban', 'coastal', 'alpine', 'nordic', 'rustic', 'minimal', 'bold']
const ADJECTIVES_2 = ['everyday', 'weekend', 'travel', 'studio', 'harbour', 'meadow', 'canyon', 'forest', 'city', 'island']
const MATERIALS = ['linen', 'wool', 'cotton', 'leather', 'canvas', 'denim', 'oak', 'ceramic', 'bamboo', 'steel', 'merino', 'hemp']
const NOUNS: Record<string, string[]> = {
  apparel: ['shirt', 'jacket', 'dress', 'sweater', 'overshirt', 'cardigan'],
  footwear: ['sneaker', 'boot', 'sandal', 'slipper', 'loafer', 'clog'],
  home: ['mug', 'lamp', 'blanket', 'vase', 'bowl', 'cushion'],
  outdoor: ['tent', 'bottle', 'backpack', 'lantern', 'harness', 'jersey'],
}
const TAGS = ['summer', 'winter', 'spring', 'autumn', 'sale', 'new', 'eco', 'limited', 'giftable', 'bestseller']
const SIZES = ['XS', 'S', 'M', 'L', 'XL']
const COLOURS = ['Black', 'White', 'Navy', 'Olive', 'Sand', 'Rust', 'Grey', 'Teal']

/** What the load asks for: a product that exists at every size, a text query with two filters, a category. */
export const BENCH_QUERIES = {
  handle: productHandle(7),
  search: { q: 'linen', category: 'apparel', tag: 'summer' },
  category: 'home',
}

export interface BenchProduct {
  index: number
  handle: string
  category: string
  input: CreateProductInput & { handle: string; options: { title: string; values: string[] }[] }
}

/** Product `i` (0-based) of the benchmark catalog. */
export function benchProduct(i: number): BenchProduct {
  const r = (k: number) => hash(i * 31 + k)
  const category = LEAVES[r(1) % LEAVES.length]!
  const parent = category.parent!
  const adjective = ADJECTIVES[r(2) % ADJECTIVES.length]!
  const material = MATERIALS[r(3) % MATERIALS.length]!
  const noun = NOUNS[parent]![r(4) % NOUNS[parent]!.length]!
  const title = `${capital(adjective)} ${capital(material)} ${capital(noun)}`
  const first = r(5) % TAGS.length
  const tags = [TAGS[first]!, TAGS[(first + 1 + (r(6) % (TAGS.length - 1))) % TAGS.length]!]
  const sizeCount = 1 + (r(7) % 3)
  const sizeStart = r(8) % (SIZES.length - sizeCount + 1)
  const sizes = SIZES.slice(sizeStart, sizeStart + sizeCount)
  const colourCount = 1 + (r(9) % 2)
  const colourStart = r(10) % (COLOURS.length - colourCount + 1)
  const colours = COLOURS.slice(colourStart, colourStart + colourCount)
  const base = 995 + (r(11) % 200) * 50 // EUR 9.95 to 109.45
  const variants = sizes.flatMap((size, s) =>
    colours.map((colour) => {
      const eur = base + s * 200
      return {
        title: `${size} / ${colour}`,
        sku: `BENCH-${i}-${size}-${colour.slice(0, 3).toUpperCase()}`,
        weight_grams: 200 + (r(12) % 1800) + s * 50,
        options: { Size: size, Colour: colour },
        prices: [
          { currency_code: 'EUR', amount: eur },
          { currency_code: 'USD', amount: Math.round((eur * 1.08) / 5) * 5 },
          // JPY has no minor unit: 1 EUR cent is about 1.6 yen, rounded to 10 yen.
          { currency_code: 'JPY', amount: Math.round((eur * 1.62) / 10) * 10 },
        ],
      }
    }),
  )
  const handle = productHandle(i)
  return {
    index: i,
    handle,
    category: category.handle,
    input: {
      handle,
      title,
      description: `A ${adjective} ${ADJECTIVES_2[r(13) % ADJECTIVES_2.length]} ${noun} in ${material}, made to last. Product ${i} of the benchmark catalog.`,
      status: 'published',
      tags,
      media: [{ url: `/media/bench/${handle}.jpg`, alt: title }],
      options: [
        { title: 'Size', values: sizes },
        { title: 'Colour', values: colours },
      ],
      variants,
    },
  }
}

function productHandle(i: number): string {
  return `bench-product-${i}`
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/** A 32-bit integer hash (xorshift-multiply): deterministic and well spread. */
function hash(n: number): number {
  let x = (n ^ 0x9e3779b9) >>> 0
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0
  return (x ^ (x >>> 16)) >>> 0
}
