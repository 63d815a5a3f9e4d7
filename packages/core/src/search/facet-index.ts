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
    const slot = this.#ids.length
    this.#ids.push(source.id)
    this.#slotOf.set(source.id, slot)
    this.#alive.push(1)
    this.#featRange.push(this.#feat.length)
    const positions = new Map<number, [number, number]>()
    const seen = new Set<number>()
    const feature = (kind: Kind, ref: string, title = '') => this.#intern(kind, ref, title)
    for (const [kind, values] of [
      [Kind.Channel, source.channels],
      [Kind.Collection, source.collections],
      [Kind.Category, source.categories],
      [Kind.Tag, source.tags],
    ] as const) {
      for (const value of values) seen.add(feature(kind, value))
    }
    this.#varRange.push(this.#vars.length)
    for (const variant of source.variants) {
      this.#vars.push(variant.length)
      for (const o of variant) {
        const f = feature(Kind.Option, o.value, o.title)
        this.#vars.push(f)
        const known = positions.get(f)
        positions.set(f, known ? [Math.min(known[0], o.titlePosition), Math.min(known[1], o.position)] : [o.titlePosition, o.position])
      }
    }
    this.#varRange.push(this.#vars.length)
    for (const f of seen) this.#pushFeature(f, 0, 0)
    for (const [f, [titlePos, pos]] of positions) this.#pushFeature(f, titlePos, pos)
    this.#featRange.push(this.#feat.length)
    this.#priceRange.push(this.#prices.length)
    for (const p of source.prices) {
      this.#prices.push(feature(Kind.Currency, p.currency))
      this.#prices.push(p.amount)
    }
    this.#priceRange.push(this.#prices.length)
    this.#spanRange.push(this.#spans.length)
    for (const r of source.ranges) {
      this.#spans.push(feature(Kind.Currency, r.currency))
      this.#spans.push(r.min)
      this.#spans.push(r.max)
    }
    this.#spanRange.push(this.#spans.length)
  }

  #pushFeature(f: number, titlePos: number, pos: number): void {
    this.#feat.push(f)
    this.#titlePos.push(titlePos)
    this.#pos.push(pos)
  }

  #intern(kind: Kind, ref: string, title: string): number {
    const key = `${kind}\u0000${title}\u0000${ref}`
    let f = this.#featureOf.get(key)
    if (f === undefined) {
      f = this.#kind.length
      this.#featureOf.set(key, f)
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
