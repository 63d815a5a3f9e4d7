import { afterEach, describe, expect, it } from 'vitest'
import {
  addOption,
  addVariant,
  createCategory,
  createCollection,
  createProduct,
  deleteCategory,
  deleteCollection,
  deleteOption,
  deleteProduct,
  deleteVariant,
  setGroupingProducts,
  updateCategory,
  updateCollection,
  updateProduct,
  updateVariant,
} from '../catalog/index.js'
import { ensureDefaultChannel } from '../channels/channel.service.js'
import {
  changePassword,
  loginCustomer,
  requestEmailVerification,
  requestPasswordReset,
  resetPassword,
  verifyEmail,
} from '../customers/customer-auth.service.js'
import { eraseCustomer, registerCustomer, updateMe } from '../customers/customer.service.js'
import { batchUpdateStock, createStockLocation, setStockLevel } from '../inventory/index.js'
import type { Ctx } from '../kernel/ctx.js'
import { createPromotion, deletePromotion, setPromotionActive, updatePromotion } from '../promotions/promotion.service.js'
import { createTestCtx } from '../testing/create-test-ctx.js'
import { loadEventSchemas } from '../testing/event-schemas.js'
import { type KassaEvent, listEvents } from './event.service.js'
import { isInternalEvent } from './event-types.js'

let close: (() => Promise<void>) | undefined
afterEach(async () => close?.())

async function setup(): Promise<Ctx> {
  const base = await createTestCtx()
  close = base.close
  const { channel } = await ensureDefaultChannel(base)
  return { ...base, channel }
}

/** Every event the flow wrote, each checked against its schema in docs/events. */
async function expectValid(ctx: Ctx): Promise<KassaEvent[]> {
  const schemas = loadEventSchemas()
  const events = await listEvents(ctx, { limit: 10_000 })
  const problems = events.flatMap((event) => {
    const schema = schemas.get(`${event.type}@${event.version}`)
    if (!schema) return [`${event.type} v${event.version}: no schema`]
    if (schema.internal !== isInternalEvent(event.type)) return [`${event.type}: internal flag differs from the code`]
    return schema.validate(event.data).map((p) => `${event.type} ${p} in ${JSON.stringify(event.data)}`)
  })
  expect(problems).toEqual([])
  return events
}

const shirt = {
  title: 'Shirt',
  status: 'published' as const,
  variants: [{ sku: 'SH-1', prices: [{ currency_code: 'EUR', amount: 1000 }] }],
}

describe('event payloads of real writes validate against docs/events', () => {
  it('catalog: products, variants, options, stock, collections and categories', async () => {
    const ctx = await setup()
    const col = await createCollection(ctx, { title: 'Summer' })
    const parent = await createCategory(ctx, { title: 'Clothing' })
    const cat = await createCategory(ctx, { title: 'Tops', parent_id: parent.id })
    const product = await createProduct(ctx, { ...shirt, collection_ids: [col.id], category_ids: [cat.id] })
    const bare = await createProduct(ctx, { title: 'Mug', status: 'draft' })
    await updateProduct(ctx, product.id, { handle: 'shirt-2', status: 'archived' })
    const option = await addOption(ctx, bare.id, { title: 'Size', values: ['S', 'M'] })
    await deleteOption(ctx, bare.id, option.options[0]!.id)
    const variant = await addVariant(ctx, bare.id, { sku: 'MUG-1', prices: [{ currency_code: 'EUR', amount: 500 }] })
    await updateVariant(ctx, bare.id, variant.id, { prices: [{ currency_code: 'EUR', amount: 450 }] })
    const location = await createStockLocation(ctx, { name: 'Warehouse' })
    await setStockLevel(ctx, product.variants[0]!.id, location.id, { stocked_quantity: 5 })
    await batchUpdateStock(ctx, {
      items: [
        { sku: 'SH-1', stocked_quantity: 7, location_id: location.id },
        { sku: 'MUG-1', prices: [{ currency_code: 'EUR', amount: 400 }] },
      ],
    })
    await deleteVariant(ctx, bare.id, variant.id)
    await setGroupingProducts(ctx, 'collection', col.id, { add: [bare.id], remove: [product.id] })
    await setGroupingProducts(ctx, 'category', cat.id, { add: [bare.id] })
    await updateCollection(ctx, col.id, { handle: 'summer-2' })
    await updateCategory(ctx, cat.id, { handle: 'tops-2', parent_id: null })
    await deleteProduct(ctx, product.id)
    await deleteCollection(ctx, col.id)
    await deleteCategory(ctx, cat.id)

    const events = await expectValid(ctx)
    const types = new Set(events.map((e) => e.type))
    for (const type of ['product', 'collection', 'category'].flatMap((k) => [`${k}.created`, `${k}.updated`, `${k}.deleted`]))
      expect(types).toContain(type)
    const changes = new Set(events.flatMap((e) => (e.type === 'product.updated' ? ((e.data.changes as string[] | undefined) ?? []) : [])))
    expect([...changes].sort()).toEqual(['categories', 'collections', 'options', 'prices', 'stock', 'variants'])
    expect(events.some((e) => e.type === 'product.updated' && e.data.previous_handle === 'shirt')).toBe(true)
  })

  it('promotions: create, update, activate, deactivate, delete', async () => {
    const ctx = await setup()
    const promo = await createPromotion(ctx, { name: 'Summer', codes: ['SUMMER10'], rule: { type: 'order_percentage', percentage: 10 } })
    await updatePromotion(ctx, promo.id, { priority: 5 })
    await setPromotionActive(ctx, promo.id, false)
    await setPromotionActive(ctx, promo.id, true)
    await deletePromotion(ctx, promo.id)
    const events = await expectValid(ctx)
    expect(events.map((e) => e.type)).toEqual([
      'promotion.created',
      'promotion.updated',
      'promotion.updated',
      'promotion.updated',
      'promotion.deleted',
    ])
  })

  it('customers: register, profile, password, reset, verification, erasure (internal token events too)', async () => {
    const ctx = await setup()
    const password = 'a long enough secret'
    const customer = await registerCustomer(ctx, { email: 'ada@example.com', password, first_name: 'Ada' })
    const me: Ctx = { ...ctx, actor: { type: 'customer', id: customer.id } }
    await updateMe(me, { last_name: 'Lovelace', phone: '+31 20 123 4567' })
    await updateMe(me, {})
    await updateMe(me, { email: 'ada@example.org', current_password: password })
    const session = await loginCustomer(ctx, { email: 'ada@example.org', password })
    await changePassword(me, { current_password: password, new_password: 'another long secret' }, session.token)
    await requestPasswordReset(ctx, { email: 'ada@example.org', locale: 'nl' })
    const reset = (await listEvents(ctx, { type: 'customer.password_reset_requested' }))[0]!
    await resetPassword(ctx, { token: reset.data.token, password: 'a third long secret' })
    await requestEmailVerification(me, {})
    const verify = (await listEvents(ctx, { type: 'customer.verification_requested' }))[0]!
    await verifyEmail(ctx, { token: verify.data.token })
    await eraseCustomer(ctx, customer.id)

    const events = await expectValid(ctx)
    expect(events.map((e) => e.type)).toEqual([
      'customer.created',
      'customer.updated',
      'customer.updated',
      'customer.updated',
      'customer.updated',
      'customer.password_reset_requested',
      'customer.updated',
      'customer.verification_requested',
      'customer.updated',
      'customer.deleted',
    ])
    expect(reset.data.locale).toBe('nl')
    expect(verify.data.locale).toBeNull()
  })
})
