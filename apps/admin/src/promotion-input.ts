import type { Promotion, PromotionCreateInput, PromotionUpdateInput } from '@kassa/sdk'
import { fromMinor, toMinor } from './format.js'

/** Every kind of discount the promotions engine knows (packages/core/src/promotions, ADR 0004). */
export const KINDS = {
  order_percentage: '% off the order',
  order_fixed: 'amount off the order',
  items_percentage: '% off products, collections or categories',
  items_fixed: 'amount off products, collections or categories',
  buy_x_get_y: 'buy X get Y free (cheapest units)',
  tiered: 'tiered: spend more, save more',
  free_shipping: 'free shipping',
} as const
export type Kind = keyof typeof KINDS

/** The promotion form as typed: strings, turned into the API's input by {@link toPromotionInput}. */
export interface PromotionForm {
  name: string
  kind: Kind
  value: string
  currency: string
  per: 'unit' | 'line'
  buy: string
  get: string
  product_ids: string
  collection_ids: string
  category_ids: string
  tiers: { min: string; amount: string }[]
  min_subtotal: string
  min_quantity: string
  region_ids: string
  sales_channel_ids: string
  customer: 'any' | 'logged_in' | 'first_order'
  automatic: boolean
  codes: string
  exclusive: boolean
  priority: string
  starts_at: string
  ends_at: string
  usage_limit: string
  customer_usage_limit: string
}

export function emptyForm(): PromotionForm {
  return {
    name: '',
    kind: 'order_percentage',
    value: '',
    currency: 'EUR',
    per: 'unit',
    buy: '1',
    get: '1',
    product_ids: '',
    collection_ids: '',
    category_ids: '',
    tiers: [{ min: '', amount: '' }],
    min_subtotal: '',
    min_quantity: '',
    region_ids: '',
    sales_channel_ids: '',
    customer: 'any',
    automatic: false,
    codes: '',
    exclusive: false,
    priority: '0',
    starts_at: '',
    ends_at: '',
    usage_limit: '',
    customer_usage_limit: '',
  }
}

type Rule = PromotionCreateInput['rule']
type Conditions = NonNullable<PromotionCreateInput['conditions']>
type Target = { product_ids?: string[]; collection_ids?: string[]; category_ids?: string[] }

const list = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean)
const join = (values: unknown) => (Array.isArray(values) ? values.join(', ') : '')

/** "2026-05-01T10:00" typed in a datetime-local field (the browser's time zone) <-> ISO 8601. */
export function toIso(local: string): string | null {
  if (!local.trim()) return null
  const time = Date.parse(local)
  return Number.isNaN(time) ? 'invalid' : new Date(time).toISOString()
}
export function toLocal(iso: string | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** The form of an existing promotion, for editing. */
export function fromPromotion(p: Promotion & { codes?: string[] }): PromotionForm {
  const rule = p.rule as Record<string, unknown>
  const conditions = p.conditions as Record<string, unknown>
  const currency = String(rule.currency_code ?? conditions.currency_code ?? 'EUR')
  const target = (rule.target ?? {}) as Record<string, unknown>
  const minor = (v: unknown) => (typeof v === 'number' ? fromMinor(v, currency) : '')
  return {
    ...emptyForm(),
    name: p.name,
    kind: rule.type as Kind,
    value: typeof rule.percentage === 'number' ? String(rule.percentage) : minor(rule.amount),
    currency,
    per: rule.per === 'line' ? 'line' : 'unit',
    buy: String(rule.buy ?? 1),
    get: String(rule.get ?? 1),
    product_ids: join(target.product_ids),
    collection_ids: join(target.collection_ids),
    category_ids: join(target.category_ids),
    tiers: Array.isArray(rule.tiers)
      ? (rule.tiers as { min_subtotal: number; amount: number }[]).map((t) => ({ min: minor(t.min_subtotal), amount: minor(t.amount) }))
      : [{ min: '', amount: '' }],
    min_subtotal: minor(conditions.min_subtotal),
    min_quantity: conditions.min_quantity === undefined ? '' : String(conditions.min_quantity),
    region_ids: join(conditions.region_ids),
    sales_channel_ids: join(conditions.sales_channel_ids),
    customer: (conditions.customer as PromotionForm['customer'] | undefined) ?? 'any',
    automatic: p.automatic,
    codes: (p.codes ?? []).join(', '),
    exclusive: p.exclusive,
    priority: String(p.priority),
    starts_at: toLocal(p.starts_at),
    ends_at: toLocal(p.ends_at),
    usage_limit: p.usage_limit === null ? '' : String(p.usage_limit),
    customer_usage_limit: p.customer_usage_limit === null ? '' : String(p.customer_usage_limit),
  }
}

/**
 * Checks the form and builds what the API takes. `fields` holds each problem under the path the
 * API would name (`rule.percentage`, `conditions.min_subtotal`, ...), so the form shows both alike.
 */
export function toPromotionInput(form: PromotionForm): { input?: PromotionCreateInput; fields: Record<string, string> } {
  const fields: Record<string, string> = {}
  const currency = form.currency.trim().toUpperCase()
  const money = (text: string, path: string, min = 1) => {
    const minor = toMinor(text, /^[A-Z]{3}$/.test(currency) ? currency : 'EUR')
    if (!(minor >= min)) fields[path] = min > 0 ? 'An amount above 0' : 'An amount of 0 or more'
    return minor
  }
  const whole = (text: string, path: string, min: number, max: number) => {
    const n = Number(text)
    if (text.trim() === '' || !Number.isInteger(n) || n < min || n > max) fields[path] = `A whole number from ${min} to ${max}`
    return n
  }
  const optionalWhole = (text: string, path: string, min: number, max: number) => (text.trim() ? whole(text, path, min, max) : null)
  if (!form.name.trim()) fields.name = 'Required'
  const usesCurrency = ['order_fixed', 'items_fixed', 'tiered'].includes(form.kind) || form.min_subtotal.trim() !== ''
  if (usesCurrency && !/^[A-Z]{3}$/.test(currency))
    fields[
      form.kind === 'order_fixed' || form.kind === 'items_fixed' || form.kind === 'tiered'
        ? 'rule.currency_code'
        : 'conditions.currency_code'
    ] = 'A three-letter currency code'
  const percentage = () => {
    const n = Number(form.value)
    if (form.value.trim() === '' || !(n > 0 && n <= 100) || Math.round(n * 100) !== n * 100)
      fields['rule.percentage'] = 'A percentage above 0, at most 100, two decimals'
    return n
  }
  const target = (required: boolean): Target | undefined => {
    const t: Target = {}
    if (list(form.product_ids).length) t.product_ids = list(form.product_ids)
    if (list(form.collection_ids).length) t.collection_ids = list(form.collection_ids)
    if (list(form.category_ids).length) t.category_ids = list(form.category_ids)
    if (Object.keys(t).length === 0) {
      if (required) fields['rule.target'] = 'Name at least one product, collection or category'
      return undefined
    }
    return t
  }
  let rule: Rule
  switch (form.kind) {
    case 'order_percentage':
      rule = { type: 'order_percentage', percentage: percentage() }
      break
    case 'order_fixed':
      rule = { type: 'order_fixed', amount: money(form.value, 'rule.amount'), currency_code: currency }
      break
    case 'items_percentage':
      rule = { type: 'items_percentage', percentage: percentage(), target: target(true)! }
      break
    case 'items_fixed':
      rule = {
        type: 'items_fixed',
        amount: money(form.value, 'rule.amount'),
        currency_code: currency,
        per: form.per,
        target: target(true)!,
      }
      break
    case 'buy_x_get_y': {
      const t = target(false)
      rule = {
        type: 'buy_x_get_y',
        buy: whole(form.buy, 'rule.buy', 1, 100),
        get: whole(form.get, 'rule.get', 1, 100),
        ...(t && { target: t }),
      }
      break
    }
    case 'tiered':
      if (form.tiers.length === 0) fields['rule.tiers'] = 'Add at least one tier'
      rule = {
        type: 'tiered',
        currency_code: currency,
        tiers: form.tiers.map((t, i) => ({
          min_subtotal: money(t.min, `rule.tiers.${i}.min_subtotal`, 0),
          amount: money(t.amount, `rule.tiers.${i}.amount`),
        })),
      }
      break
    default:
      rule = { type: 'free_shipping' }
  }
  const conditions: Conditions = {}
  if (form.min_subtotal.trim()) {
    conditions.min_subtotal = money(form.min_subtotal, 'conditions.min_subtotal', 0)
    conditions.currency_code = currency
  }
  const minQuantity = optionalWhole(form.min_quantity, 'conditions.min_quantity', 1, 100_000)
  if (minQuantity !== null) conditions.min_quantity = minQuantity
  if (list(form.region_ids).length) conditions.region_ids = list(form.region_ids)
  if (list(form.sales_channel_ids).length) conditions.sales_channel_ids = list(form.sales_channel_ids)
  if (form.customer !== 'any') conditions.customer = form.customer
  const codes = list(form.codes)
  codes.forEach((c, i) => {
    if (!/^[A-Za-z0-9_-]{3,64}$/.test(c)) fields[`codes.${i}`] = `${c}: 3-64 letters, digits, dash and underscore`
  })
  if (!form.automatic && codes.length === 0) fields.codes = 'Give at least one code, or make the promotion automatic'
  const priority = whole(form.priority || '0', 'priority', -1000, 1000)
  const startsAt = toIso(form.starts_at)
  const endsAt = toIso(form.ends_at)
  if (startsAt === 'invalid') fields.starts_at = 'A date and time'
  if (endsAt === 'invalid') fields.ends_at = 'A date and time'
  if (startsAt && endsAt && startsAt !== 'invalid' && endsAt !== 'invalid' && endsAt <= startsAt) fields.ends_at = 'After the start'
  const input: PromotionCreateInput = {
    name: form.name.trim(),
    rule,
    conditions,
    exclusive: form.exclusive,
    priority,
    starts_at: startsAt,
    ends_at: endsAt,
    usage_limit: optionalWhole(form.usage_limit, 'usage_limit', 1, 1_000_000_000),
    customer_usage_limit: optionalWhole(form.customer_usage_limit, 'customer_usage_limit', 1, 1_000_000),
    ...(form.automatic ? { automatic: true } : { codes }),
  }
  return Object.keys(fields).length ? { fields } : { input, fields }
}

/** What an edit sends: every field the API lets change (codes are added separately, never removed). */
export function toUpdateInput(input: PromotionCreateInput): PromotionUpdateInput {
  const { automatic: _automatic, codes: _codes, active: _active, ...rest } = input
  return rest
}
