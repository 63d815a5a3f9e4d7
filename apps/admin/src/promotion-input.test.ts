import { describe, expect, it } from 'vitest'
import { emptyForm, fromPromotion, toPromotionInput, toUpdateInput } from './promotion-input.js'

const form = (over: Partial<ReturnType<typeof emptyForm>>) => ({ ...emptyForm(), name: 'Test', codes: 'TEST10', ...over })

describe('the promotion form', () => {
  it('builds each kind of rule the engine knows, in minor units of the currency', () => {
    expect(toPromotionInput(form({ kind: 'order_percentage', value: '12.5' })).input?.rule).toEqual({
      type: 'order_percentage',
      percentage: 12.5,
    })
    expect(toPromotionInput(form({ kind: 'order_fixed', value: '5', currency: 'jpy' })).input?.rule).toEqual({
      type: 'order_fixed',
      amount: 5,
      currency_code: 'JPY',
    })
    expect(
      toPromotionInput(form({ kind: 'items_fixed', value: '2.50', per: 'line', collection_ids: 'pcol_1, pcol_2' })).input?.rule,
    ).toEqual({
      type: 'items_fixed',
      amount: 250,
      currency_code: 'EUR',
      per: 'line',
      target: { collection_ids: ['pcol_1', 'pcol_2'] },
    })
    expect(toPromotionInput(form({ kind: 'buy_x_get_y', buy: '2', get: '1' })).input?.rule).toEqual({ type: 'buy_x_get_y', buy: 2, get: 1 })
    expect(
      toPromotionInput(
        form({
          kind: 'tiered',
          tiers: [
            { min: '50', amount: '5' },
            { min: '100', amount: '15' },
          ],
        }),
      ).input?.rule,
    ).toEqual({
      type: 'tiered',
      currency_code: 'EUR',
      tiers: [
        { min_subtotal: 5000, amount: 500 },
        { min_subtotal: 10000, amount: 1500 },
      ],
    })
    expect(toPromotionInput(form({ kind: 'free_shipping', automatic: true, codes: '' })).input).toMatchObject({
      rule: { type: 'free_shipping' },
      automatic: true,
    })
  })

  it('names each problem by the path the API would use', () => {
    expect(toPromotionInput(form({ kind: 'order_percentage', value: '150' })).fields).toHaveProperty(['rule.percentage'])
    expect(toPromotionInput(form({ kind: 'items_percentage', value: '10' })).fields).toHaveProperty(['rule.target'])
    expect(toPromotionInput(form({ kind: 'tiered', tiers: [{ min: '', amount: '0' }] })).fields).toHaveProperty(['rule.tiers.0.amount'])
    expect(toPromotionInput(form({ kind: 'free_shipping', codes: 'no spaces!' })).fields).toHaveProperty(['codes.0'])
    expect(toPromotionInput(form({ kind: 'free_shipping', codes: '' })).fields).toHaveProperty(['codes'])
    expect(
      toPromotionInput(form({ kind: 'free_shipping', starts_at: '2026-05-02T10:00', ends_at: '2026-05-01T10:00' })).fields,
    ).toHaveProperty(['ends_at'])
    expect(toPromotionInput(form({ kind: 'free_shipping', min_subtotal: 'x' })).fields).toHaveProperty(['conditions.min_subtotal'])
  })

  it('reads a promotion back into the same input, and an edit leaves codes and automatic alone', () => {
    const { input } = toPromotionInput(
      form({
        kind: 'items_percentage',
        value: '20',
        product_ids: 'prod_1',
        min_subtotal: '30',
        customer: 'first_order',
        usage_limit: '100',
        exclusive: true,
        priority: '5',
      }),
    )
    const promotion = {
      ...input!,
      id: 'promo_1',
      status: 'active' as const,
      automatic: false,
      conditions: input!.conditions!,
      exclusive: true,
      priority: 5,
      starts_at: null,
      ends_at: null,
      usage_limit: 100,
      usage_count: 0,
      customer_usage_limit: null,
      created_at: '',
      updated_at: '',
      codes: ['TEST10'],
    }
    expect(toPromotionInput(fromPromotion(promotion)).input).toEqual(input)
    expect(toUpdateInput(input!)).not.toHaveProperty('codes')
    expect(input!.conditions).toEqual({ min_subtotal: 3000, currency_code: 'EUR', customer: 'first_order' })
  })
})
