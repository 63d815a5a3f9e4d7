import type { CreateProductInput } from '../catalog/index.js'
import type { Bilingual, DemoCategoryHandle, DemoCollectionHandle } from './demo-groupings.js'
import { seededRandom } from './numbers.js'

/** One demo product: what to pass to createProduct, plus the demo handles it belongs to. */
export interface DemoProduct {
  handle: string
  category: DemoCategoryHandle
  collections: DemoCollectionHandle[]
  images: DemoImage[]
  input: CreateProductInput & { handle: string }
}

/** A placeholder image served at `/media/demo/<name>.svg`. */
export interface DemoImage {
  name: string
  title: string
  category: DemoCategoryHandle
  index: number
}

export interface DemoProductDraft {
  handle: string
  category: DemoCategoryHandle
  title: Bilingual
  subtitle?: Bilingual
  description: Bilingual
  tags: string[]
  season?: 'summer' | 'winter' | undefined
  giftable?: boolean | undefined
  options?: CreateProductInput['options']
  variants: NonNullable<CreateProductInput['variants']>
}

const ALT_SUFFIXES = ['', ', detail', ', in use']

/** Adds what every demo product has: images, collections, the Dutch translation, `published`. */
export function finishProduct(draft: DemoProductDraft): DemoProduct {
  const random = seededRandom(`${draft.handle}:extras`)
  const imageCount = 1 + Math.floor(random() * 3)
  const images = Array.from({ length: imageCount }, (_, i) => ({
    name: `${draft.handle}-${i + 1}`,
    title: draft.title.en,
    category: draft.category,
    index: i + 1,
  }))
  const maxEur = Math.max(...draft.variants.map((v) => v.prices?.find((p) => p.currency_code === 'EUR')?.amount ?? 0))
  const collections: DemoCollectionHandle[] = []
  if (random() < 0.12) collections.push('new-arrivals')
  if (draft.season === 'summer') collections.push('summer')
  if (draft.season === 'winter') collections.push('winter-favourites')
  if (random() < 0.15) collections.push('bestsellers')
  if (draft.giftable && maxEur < 5000) collections.push('gifts-under-50')
  return {
    handle: draft.handle,
    category: draft.category,
    collections,
    images,
    input: {
      handle: draft.handle,
      title: draft.title.en,
      ...(draft.subtitle && { subtitle: draft.subtitle.en }),
      description: draft.description.en,
      status: 'published',
      tags: [...new Set([...draft.tags, ...(draft.season ? [draft.season] : [])])],
      media: images.map((image) => ({ url: `/media/demo/${image.name}.svg`, alt: image.title + ALT_SUFFIXES[image.index - 1] })),
      translations: [
        { locale: 'nl', title: draft.title.nl, description: draft.description.nl, ...(draft.subtitle && { subtitle: draft.subtitle.nl }) },
      ],
      ...(draft.options && { options: draft.options }),
      variants: draft.variants,
      metadata: { demo: true },
    },
  }
}

/** Upper-cases the first letter: `linnen overhemd` -> `Linnen overhemd`. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
