import type { DemoImage, DemoProduct } from './demo-product.js'
import { buildBooks } from './books.js'
import { buildFamily } from './families.js'
import { ACCESSORY_FAMILIES } from './families-accessories.js'
import { CLOTHING_FAMILIES } from './families-clothing.js'
import { HOME_FAMILIES } from './families-home.js'
import { OUTDOOR_FAMILIES } from './families-outdoor.js'

let cached: { products: DemoProduct[]; images: Map<string, DemoImage> } | undefined

/**
 * Every demo product, the same on every run. Categories, and the product lines within them, are
 * interleaved so that the first N products (`seedDemo(ctx, { products: N })`) still spread widely.
 */
export function demoProducts(): readonly DemoProduct[] {
  return load().products
}

/** The placeholder image a demo product uses, by name (`classic-linen-shirt-1`). */
export function findDemoImage(name: string): DemoImage | undefined {
  return load().images.get(name)
}

function load() {
  if (cached) return cached
  const lines = [...[...CLOTHING_FAMILIES, ...HOME_FAMILIES, ...OUTDOOR_FAMILIES, ...ACCESSORY_FAMILIES].map((family, i) => buildFamily(family, i + 1)), buildBooks()]
  const byCategory = new Map<string, DemoProduct[][]>()
  for (const line of lines) byCategory.set(line[0]!.category, [...(byCategory.get(line[0]!.category) ?? []), line])
  const products = interleave([...byCategory.values()].map(interleave))
  const images = new Map(products.flatMap((p) => p.images.map((image) => [image.name, image] as const)))
  cached = { products, images }
  return cached
}

/** Round-robin: the first of each list, then the second of each, and so on. */
function interleave<T>(lists: T[][]): T[] {
  const out: T[] = []
  const longest = Math.max(0, ...lists.map((l) => l.length))
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) out.push(list[i]!)
  return out
}
