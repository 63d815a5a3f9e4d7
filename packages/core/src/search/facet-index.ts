import type { FacetRow } from './facet.repository.js'
import type { FacetGrouping, FacetSource } from './facet-source.repository.js'
import type { SearchPlan } from './match.repository.js'
import type { ProductFacets } from './search.js'

/** What a feature is: one value a product has, which facets count or filters test. */
const enum Kind {
  Channel,
  Collection,
  Category,
  Tag,
  Option,
  Currency,
}

// Filter bits: a product passes when it has a feature of each asked filter.
const CHANNEL = 1
const COLLECTION = 2
const CATEGORY = 4
const TAG = 8

/** An append-only typed array that doubles when full. */
class Column<T extends Int32Array | Float64Array> {
  length = 0
  constructor(public data: T) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new (this.data.constructor as new (n: number) => T)(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = value
  }
}

const ints = (n = 1024) => new Column(new Int32Array(n))

/**
 * The published catalog as facets see it, in compact columns: per product (a slot), its features
 * (channels, collections, categories, tags, option values with their positions), its live
 * variants' option values, its prices and its indexed price ranges. Counting walks the matched slots once. A changed
 * product is appended to a new slot and its old slot is marked dead.
 */
export class FacetIndex {
  #ids: string[] = []
  #slotOf = new Map<string, number>()
  #alive = ints()
  #dead = 0
  // Features per slot: [featRange[2s], featRange[2s + 1]) in feat, titlePos, pos.
  #featRange = ints()
  #feat = ints(1 << 16)
  #titlePos = ints(1 << 16)
  #pos = ints(1 << 16)
  // Variants per slot, encoded as [n, f1..fn, n, ...] in vars, in [varRange[2s], varRange[2s + 1]).
  #varRange = ints()
  #vars = ints(1 << 16)
  // Prices per slot as (currency feature, amount) pairs, in [priceRange[2s], priceRange[2s + 1]).
  #priceRange = ints()
  #prices = new Column(new Float64Array(1 << 16))
  // Indexed price ranges per slot as (currency feature, min, max) triples, in [spanRange[2s], spanRange[2s + 1]).
  #spanRange = ints()
  #spans = new Column(new Float64Array(1 << 14))
  // Interned features.
  #featureOf = new Map<string, number>()
  #interned = [0, 1, 2, 3, 4, 5].map(() => new Map<string, Map<string, number>>())
  #kind: Kind[] = []
  #ref: string[] = []
  #title: string[] = []
  #titleLower: string[] = []
  #collections = new Map<string, FacetGrouping>()
  #categories = new Map<string, FacetGrouping>()

  get size(): number {
    return this.#ids.length - this.#dead
  }

  /** Slots no longer in use, left by updates and removals. */
  get deadSlots(): number {
    return this.#dead
  }

  setGroupings(groupings: { collections: FacetGrouping[]; categories: FacetGrouping[] }): void {
    this.#collections = new Map(groupings.collections.map((g) => [g.id, g]))
    this.#categories = new Map(groupings.categories.map((g) => [g.id, g]))
  }

  /** Replaces these products: `sources` are the published ones among `ids`; the others leave the index. */
  update(ids: string[], sources: FacetSource[]): void {
    for (const id of ids) this.#remove(id)
    for (const source of sources) this.#append(source)
  }

  #remove(id: string): void {
    const slot = this.#slotOf.get(id)
    if (slot === undefined) return
    this.#slotOf.delete(id)
    this.#alive.data[slot] = 0
    this.#dead++
  }

  #append(source: FacetSource): void {
    this.#remove(source.id)
    const [channels, collections, categories, tags, options, variants, prices] = source.facets
    const slot = this.#ids.length
    this.#ids.push(source.id)
    this.#slotOf.set(source.id, slot)
    this.#alive.push(1)
    const start = this.#feat.length
    this.#featRange.push(start)
    this.#pushPlain(Kind.Channel, channels, start)
    this.#pushPlain(Kind.Collection, collections, start)
    this.#pushPlain(Kind.Category, categories, start)
    this.#pushPlain(Kind.Tag, tags, start)
    // Option values (title, title position, value, position), each once per product with its
    // lowest positions; `optionFeature` maps an option index to its feature for the variants.
    const optionFeature: number[] = []
    const optionsStart = this.#feat.length
    for (let i = 0; i < options.length; i += 4) {
      const f = this.#intern(Kind.Option, options[i + 2] as string, options[i] as string)
      optionFeature.push(f)
      const titlePos = options[i + 1] as number
      const pos = options[i + 3] as number
      let k = optionsStart
      while (k < this.#feat.length && this.#feat.data[k] !== f) k++
      if (k === this.#feat.length) this.#pushFeature(f, titlePos, pos)
      else {
        if (titlePos < this.#titlePos.data[k]!) this.#titlePos.data[k] = titlePos
        if (pos < this.#pos.data[k]!) this.#pos.data[k] = pos
      }
    }
    this.#featRange.push(this.#feat.length)
    this.#varRange.push(this.#vars.length)
    for (const variant of variants) {
      this.#vars.push(variant.length)
      for (const i of variant) this.#vars.push(optionFeature[i]!)
    }
    this.#varRange.push(this.#vars.length)
    // Prices per currency: each amount for the price filter, their lowest and highest for the price facet.
    this.#priceRange.push(this.#prices.length)
    this.#spanRange.push(this.#spans.length)
    for (let i = 0; i < prices.length; i += 2) {
      const currency = this.#intern(Kind.Currency, prices[i] as string, '')
      const amounts = prices[i + 1] as number[]
      let min = Infinity
      let max = -Infinity
      for (const amount of amounts) {
        this.#prices.push(currency)
        this.#prices.push(amount)
        if (amount < min) min = amount
        if (amount > max) max = amount
      }
      if (amounts.length) {
        this.#spans.push(currency)
        this.#spans.push(min)
        this.#spans.push(max)
      }
    }
    this.#priceRange.push(this.#prices.length)
    this.#spanRange.push(this.#spans.length)
  }

  /** Features without positions, each once per product (from `start`). */
  #pushPlain(kind: Kind, refs: string[], start: number): void {
    for (const ref of refs) {
      const f = this.#intern(kind, ref, '')
      let k = start
      while (k < this.#feat.length && this.#feat.data[k] !== f) k++
      if (k === this.#feat.length) this.#pushFeature(f, 0, 0)
    }
  }

  #pushFeature(f: number, titlePos: number, pos: number): void {
    this.#feat.push(f)
    this.#titlePos.push(titlePos)
    this.#pos.push(pos)
  }

  #intern(kind: Kind, ref: string, title: string): number {
    // Looked up per kind and title first: no key string to build for a known feature.
    let byTitle = this.#interned[kind]!.get(title)
    if (!byTitle) this.#interned[kind]!.set(title, (byTitle = new Map()))
    let f = byTitle.get(ref)
    if (f === undefined) {
      f = this.#kind.length
      byTitle.set(ref, f)
      this.#featureOf.set(`${kind}\u0000${title}\u0000${ref}`, f)
      this.#kind.push(kind)
      this.#ref.push(ref)
      this.#title.push(title)
      this.#titleLower.push(title.toLowerCase())
    }
    return f
  }

  /** Product ids of these slots. */
  idsOf(slots: Int32Array): string[] {
    return Array.from(slots, (slot) => this.#ids[slot]!)
  }

  /**
   * Slots of the published products that match the plan's filters, among `textIds` (in their
   * order) when given, at most `limit`.
   */
  match(plan: SearchPlan, textIds: string[] | null, limit = Infinity): Int32Array {
    const marks = new Uint8Array(this.#kind.length)
    let required = 0
    const mark = (bit: number, kind: Kind, test: (ref: string) => boolean) => {
      required |= bit
      for (let f = 0; f < this.#kind.length; f++) if (this.#kind[f] === kind && test(this.#ref[f]!)) marks[f]! |= bit
    }
    if (plan.channelId !== null) mark(CHANNEL, Kind.Channel, (ref) => ref === plan.channelId)
    if (plan.collections.length) {
      const handles = new Set(plan.collections)
      mark(COLLECTION, Kind.Collection, (ref) => handles.has(this.#collections.get(ref)?.handle ?? ''))
    }
    if (plan.categoryIds) {
      const ids = new Set(plan.categoryIds)
      mark(CATEGORY, Kind.Category, (ref) => ids.has(ref))
    }
    if (plan.tags.length) {
      const tags = new Set(plan.tags)
      mark(TAG, Kind.Tag, (ref) => tags.has(ref))
    }
    const optionGroups = plan.options.map(([title, values]) => {
      const lower = title.toLowerCase()
      const wanted = new Set(values)
      const group = new Uint8Array(this.#kind.length)
      for (let f = 0; f < this.#kind.length; f++) {
        if (this.#kind[f] === Kind.Option && this.#titleLower[f] === lower && wanted.has(this.#ref[f]!)) group[f] = 1
      }
      return group
    })
    const currency = this.#featureOf.get(`${Kind.Currency}\u0000\u0000${plan.currency}`) ?? -1
    const priced = plan.priceMin !== null || plan.priceMax !== null
    const min = plan.priceMin ?? -Infinity
    const max = plan.priceMax ?? Infinity

    const out = new Int32Array(textIds ? textIds.length : this.#ids.length)
    let n = 0
    const alive = this.#alive.data
    const range = this.#featRange.data
    const feat = this.#feat.data
    const consider = (slot: number) => {
      if (!alive[slot]) return
      if (required) {
        let has = 0
        for (let i = range[2 * slot]!, end = range[2 * slot + 1]!; i < end; i++) has |= marks[feat[i]!]!
        if ((has & required) !== required) return
      }
      if (optionGroups.length && !this.#variantMatches(slot, optionGroups)) return
      if (priced && !this.#priceMatches(slot, currency, min, max)) return
      out[n++] = slot
    }
    if (textIds) {
      for (const id of textIds) {
        const slot = this.#slotOf.get(id)
        if (slot !== undefined) consider(slot)
        if (n >= limit) break
      }
    } else {
      for (let slot = 0; slot < this.#ids.length && n < limit; slot++) consider(slot)
    }
    return out.subarray(0, n)
  }

  #variantMatches(slot: number, groups: Uint8Array[]): boolean {
    const vars = this.#vars.data
    const range = this.#varRange.data
    for (let i = range[2 * slot]!, end = range[2 * slot + 1]!; i < end;) {
      const n = vars[i]!
      const from = i + 1
      i = from + n
      let all = true
      for (const group of groups) {
        let any = false
        for (let j = from; j < i && !any; j++) any = group[vars[j]!] === 1
        if (!any) {
          all = false
          break
        }
      }
      if (all) return true
    }
    return false
  }

  #priceMatches(slot: number, currency: number, min: number, max: number): boolean {
    const prices = this.#prices.data
    const range = this.#priceRange.data
    for (let i = range[2 * slot]!, end = range[2 * slot + 1]!; i < end; i += 2) {
      if (prices[i] === currency && prices[i + 1]! >= min && prices[i + 1]! <= max) return true
    }
    return false
  }

  /** Facet rows and the price range over these slots, as the SQL facet statement would count them. */
  count(slots: Int32Array, locale: string, currencyCode: string): { rows: FacetRow[]; price: ProductFacets['price'] } {
    const features = this.#kind.length
    const counts = new Int32Array(features)
    const titlePos = new Int32Array(features).fill(0x7fffffff)
    const pos = new Int32Array(features).fill(0x7fffffff)
    const feat = this.#feat.data
    const featTitlePos = this.#titlePos.data
    const featPos = this.#pos.data
    const featRange = this.#featRange.data
    const spanRange = this.#spanRange.data
    const currency = this.#featureOf.get(`${Kind.Currency}\u0000\u0000${currencyCode}`) ?? -1
    const spans = this.#spans.data
    let low = Infinity
    let high = -Infinity
    for (let k = 0; k < slots.length; k++) {
      const slot = slots[k]!
      for (let i = featRange[2 * slot]!, end = featRange[2 * slot + 1]!; i < end; i++) {
        const f = feat[i]!
        counts[f]!++
        if (featTitlePos[i]! < titlePos[f]!) titlePos[f] = featTitlePos[i]!
        if (featPos[i]! < pos[f]!) pos[f] = featPos[i]!
      }
      for (let i = spanRange[2 * slot]!, end = spanRange[2 * slot + 1]!; i < end; i += 3) {
        if (spans[i] !== currency) continue
        if (spans[i + 1]! < low) low = spans[i + 1]!
        if (spans[i + 2]! > high) high = spans[i + 2]!
      }
    }
    const rows: FacetRow[] = []
    for (let f = 0; f < features; f++) {
      const count = counts[f]!
      if (!count) continue
      const ref = this.#ref[f]!
      switch (this.#kind[f]) {
        case Kind.Collection:
        case Kind.Category: {
          const kind = this.#kind[f] === Kind.Collection ? 'collection' : 'category'
          const grouping = (kind === 'collection' ? this.#collections : this.#categories).get(ref)
          if (grouping)
            rows.push({
              kind,
              grp: '',
              value: grouping.handle,
              label: grouping.titles.get(locale) ?? grouping.title,
              count,
              grp_position: 0,
              position: 0,
            })
          break
        }
        case Kind.Tag:
          rows.push({ kind: 'tag', grp: '', value: ref, label: ref, count, grp_position: 0, position: 0 })
          break
        case Kind.Option:
          rows.push({ kind: 'option', grp: this.#title[f]!, value: ref, label: ref, count, grp_position: titlePos[f]!, position: pos[f]! })
          break
      }
    }
    return { rows, price: low <= high ? { min: low, max: high } : null }
  }
}
