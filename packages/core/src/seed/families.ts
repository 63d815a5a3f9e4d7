import type { VariantInput } from '../catalog/index.js'
import { type DemoProduct, capitalize, finishProduct } from './demo-product.js'
import type { Bilingual, DemoCategoryHandle } from './demo-groupings.js'
import { demoPrices, ean13, seededRandom, shuffled } from './numbers.js'

/** A word of a product name in English and Dutch, with what it adds to price, weight and tags. */
export interface Word {
  en: string
  nl: string
  /** The Dutch form before a de-word or a plural (`klassieke`); Dutch `-en` adjectives never change. */
  nlE?: string
  code: string
  /** Whole euros added to the family's base price. */
  price?: number
  weight?: number
  tags?: string[]
  season?: 'summer' | 'winter'
  about?: Bilingual
}

export interface Noun extends Word {
  enPlural: string
  nlPlural: string
  /** Dutch neuter (het-word): an adjective before it stays uninflected (`klassiek overhemd`). */
  het?: boolean
  /** The noun itself is plural (socks, trousers): Dutch adjectives inflect. */
  plural?: boolean
  enArticle?: string
  nlArticle?: string
}

export interface SizeValue {
  value: string
  code: string
  price?: number
  weight?: number
}

/** A product line: every product is style x material x noun, e.g. `Classic` `linen` `shirt`. */
export interface Family {
  code: string
  category: DemoCategoryHandle
  count: number
  /** Base price in whole euros; the demo prices end in .95. */
  price: number
  weight: number
  nouns: Noun[]
  styles: Word[]
  materials?: Word[]
  sizes?: SizeValue[]
  /** Color names to pick from, and how many (at least 1) each product gets. */
  colors?: { palette: string[]; min: number; max: number }
  /** Follows the product phrase in the first sentence: `A classic linen shirt` + `, cut for ...`. */
  lead: Bilingual
  story: Bilingual
  tags: string[]
  giftable?: boolean
  /** Puts the whole family in a seasonal collection; otherwise its words decide. */
  season?: 'summer' | 'winter'
}

export const APPAREL_SIZES: SizeValue[] = [
  { value: 'S', code: 'S', weight: -20 },
  { value: 'M', code: 'M' },
  { value: 'L', code: 'L', weight: 20 },
  { value: 'XL', code: 'XL', weight: 40 },
]

const COLOR_CODES: Record<string, string> = {
  White: 'WHI', Ecru: 'ECR', Sand: 'SAN', Navy: 'NAV', 'Sky blue': 'SKY', Olive: 'OLI', Sage: 'SAG', Black: 'BLK',
  Charcoal: 'CHA', Rust: 'RUS', Terracotta: 'TER', Ochre: 'OCH', Forest: 'FOR', Burgundy: 'BUR', Cream: 'CRE',
}

const NO_WORD: Word = { en: '', nl: '', code: '' }

/** The products of one family, in an order that is the same on every run. */
export function buildFamily(family: Family, familyIndex: number): DemoProduct[] {
  const combos = family.nouns.flatMap((noun) => family.styles.flatMap((style) => (family.materials ?? [NO_WORD]).map((material) => ({ noun, style, material }))))
  if (combos.length < family.count) throw new Error(`family ${family.code} has only ${combos.length} combinations`)
  return shuffled(combos, family.code)
    .slice(0, family.count)
    .map(({ noun, style, material }, productIndex) => buildProduct(family, noun, [style, material], familyIndex * 1000 + productIndex))
}

function buildProduct(family: Family, noun: Noun, adjectives: Word[], number: number): DemoProduct {
  const used = adjectives.filter((w) => w.code)
  const words = [...used, noun]
  const enPhrase = words.map((w) => w.en).join(' ')
  const inflect = !noun.het || noun.plural
  const nlPhrase = [...used.map((w) => (inflect ? (w.nlE ?? w.nl) : w.nl)), noun.nl].join(' ')
  const title = { en: capitalize(enPhrase), nl: capitalize(nlPhrase) }
  const handle = slug(title.en)
  const random = seededRandom(handle)
  const colorCount = family.colors ? family.colors.min + Math.floor(random() * (family.colors.max - family.colors.min + 1)) : 0
  const colors = family.colors ? shuffled(family.colors.palette, handle).slice(0, colorCount) : []
  const euros = family.price + words.reduce((sum, w) => sum + (w.price ?? 0), 0)
  const grams = family.weight + words.reduce((sum, w) => sum + (w.weight ?? 0), 0)
  const skuBase = [family.code, ...words.map((w) => w.code)].filter(Boolean).join('-')
  const variants: VariantInput[] = []
  for (const size of family.sizes ?? [undefined]) {
    for (const color of colors.length ? colors : [undefined]) {
      const options = { ...(size && { Size: size.value }), ...(color && { Color: color }) }
      variants.push({
        ...(!size && !color && { title: 'Default' }),
        sku: [skuBase, color && COLOR_CODES[color], size?.code].filter(Boolean).join('-'),
        barcode: ean13(`8712${String(number).padStart(5, '0')}${String(variants.length).padStart(3, '0')}`),
        weight_grams: grams + (size?.weight ?? 0),
        ...(Object.keys(options).length && { options }),
        prices: demoPrices(euros + (size?.price ?? 0)),
      })
    }
  }
  const options = [
    ...(family.sizes ? [{ title: 'Size', values: family.sizes.map((s) => s.value) }] : []),
    ...(colors.length ? [{ title: 'Color', values: colors }] : []),
  ]
  const about = words.map((w) => w.about).filter((a) => a !== undefined)
  const enArticle = noun.enArticle ?? (/^[aeiou]/i.test(enPhrase) ? 'an' : 'a')
  return finishProduct({
    handle,
    category: family.category,
    title,
    description: {
      en: [`${capitalize(enArticle)} ${enPhrase}${family.lead.en}.`, ...about.map((a) => a.en), family.story.en].join(' '),
      nl: [`${capitalize(noun.nlArticle ?? 'een')} ${nlPhrase}${family.lead.nl}.`, ...about.map((a) => a.nl), family.story.nl].join(' '),
    },
    tags: [...family.tags, ...words.flatMap((w) => w.tags ?? [])],
    season: words.find((w) => w.season)?.season ?? family.season,
    giftable: family.giftable,
    ...(options.length && { options }),
    variants,
  })
}

function slug(text: string): string {
  return text.toLowerCase().replace(/'/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}
