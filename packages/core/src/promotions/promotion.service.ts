import { randomInt } from 'node:crypto'
import { constraintViolation } from '../db/dialect.js'
import { recordEvent } from '../events/event.service.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { parseInput } from '../kernel/validate.js'
import {
  addCodesSchema,
  type CreatePromotionInput,
  type GenerateCodesInput,
  generateCodesSchema,
  normalizeCode,
  type Promotion,
  type PromotionCode,
  promotionCreateSchema,
  PromotionErrors,
  promotionUpdateSchema,
  type UpdatePromotionInput,
} from './promotion.js'
import * as repo from './promotion.repository.js'

/** A promotion with its codes' count and how often it has been used. */
export interface PromotionDetail extends Promotion {
  codes: string[]
  usage: { claimed: number; used: number }
}

/**
 * Creates a promotion, with its codes (case-insensitive, unique across promotions) unless automatic.
 * @example await createPromotion(ctx, { name: 'Welcome', codes: ['WELCOME10'], rule: { type: 'order_percentage', percentage: 10 } })
 */
export async function createPromotion(ctx: Ctx, rawInput: CreatePromotionInput): Promise<PromotionDetail> {
  const input = parseInput(promotionCreateSchema, rawInput)
  const now = ctx.now().toISOString()
  const promotion: Promotion = {
    id: ctx.newId('promo'),
    name: input.name,
    status: input.active === false ? 'inactive' : 'active',
    automatic: input.automatic ?? false,
    rule: input.rule,
    conditions: input.conditions ?? {},
    exclusive: input.exclusive ?? false,
    priority: input.priority ?? 0,
    starts_at: input.starts_at ?? null,
    ends_at: input.ends_at ?? null,
    usage_limit: input.usage_limit ?? null,
    usage_count: 0,
    customer_usage_limit: input.customer_usage_limit ?? null,
    created_at: now,
    updated_at: now,
  }
  await inTransaction(ctx, async (tx) => {
    await repo.insertPromotion(tx.db, promotion)
    await insertUniqueCodes(tx, promotion.id, input.codes ?? [], null)
    await recordEvent(tx, 'promotion.created', { id: promotion.id, name: promotion.name })
  })
  return getPromotion(ctx, promotion.id)
}

export async function getPromotion(ctx: Ctx, id: string): Promise<PromotionDetail> {
  const promotion = await repo.findPromotion(ctx.db, id)
  if (!promotion) throw PromotionErrors.notFound(id)
  const codes = await repo.listCodeRows(ctx.db, id, 100)
  return { ...promotion, codes: codes.map((c) => c.code), usage: await repo.countUsages(ctx.db, id) }
}

export async function listPromotions(ctx: Ctx, options: { limit?: number; after?: string } = {}): Promise<Promotion[]> {
  return repo.listPromotionRows(ctx.db, options.limit ?? 50, options.after)
}

/** Changes a promotion. Orders placed before keep the adjustments they were given. */
export async function updatePromotion(ctx: Ctx, id: string, rawInput: UpdatePromotionInput): Promise<PromotionDetail> {
  const input = parseInput(promotionUpdateSchema, rawInput)
  return changePromotion(ctx, id, (p) => ({ ...p, ...input }))
}

export async function setPromotionActive(ctx: Ctx, id: string, active: boolean): Promise<PromotionDetail> {
  return changePromotion(ctx, id, (p) => ({ ...p, status: active ? 'active' : 'inactive' }))
}

async function changePromotion(ctx: Ctx, id: string, change: (p: Promotion) => Promotion): Promise<PromotionDetail> {
  await inTransaction(ctx, async (tx) => {
    const current = await repo.findPromotion(tx.db, id)
    if (!current) throw PromotionErrors.notFound(id)
    const next = { ...change(current), updated_at: tx.now().toISOString() }
    await repo.updatePromotionRow(tx.db, next)
    await recordEvent(tx, 'promotion.updated', { id, name: next.name, status: next.status })
  })
  return getPromotion(ctx, id)
}

/** Deletes a promotion and its codes; orders that used it keep their snapshot of it. */
export async function deletePromotion(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    if (!(await repo.deletePromotionRow(tx.db, id))) throw PromotionErrors.notFound(id)
    await recordEvent(tx, 'promotion.deleted', { id })
  })
}

export async function addPromotionCodes(ctx: Ctx, id: string, rawInput: { codes: string[] }): Promise<PromotionCode[]> {
  const input = parseInput(addCodesSchema, rawInput)
  return inTransaction(ctx, async (tx) => {
    if (!(await repo.findPromotion(tx.db, id))) throw PromotionErrors.notFound(id)
    return insertUniqueCodes(tx, id, input.codes, null)
  })
}

export async function listPromotionCodes(ctx: Ctx, id: string, options: { limit?: number; after?: string } = {}): Promise<PromotionCode[]> {
  if (!(await repo.findPromotion(ctx.db, id))) throw PromotionErrors.notFound(id)
  return repo.listCodeRows(ctx.db, id, options.limit ?? 100, options.after)
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789' // no 0/O, 1/I
const CODE_LENGTH = 10

/**
 * Generates `count` unique codes for a promotion (single-use by default), e.g. for a newsletter.
 * @example const codes = await generatePromotionCodes(ctx, promo.id, { count: 500, prefix: 'NEWS' })
 */
export async function generatePromotionCodes(ctx: Ctx, id: string, rawInput: GenerateCodesInput): Promise<PromotionCode[]> {
  const input = parseInput(generateCodesSchema, rawInput)
  const prefix = (input.prefix ?? '').toUpperCase()
  return inTransaction(ctx, async (tx) => {
    if (!(await repo.findPromotion(tx.db, id))) throw PromotionErrors.notFound(id)
    const wanted = new Set<string>()
    // 32^10 codes: a collision is rare; the ones taken already are drawn again.
    while (wanted.size < input.count) {
      const fresh = new Set<string>()
      while (fresh.size + wanted.size < input.count) fresh.add(randomCode(prefix))
      const taken = new Set(await repo.existingCodes(tx.db, [...fresh]))
      for (const code of fresh) if (!taken.has(code) && !wanted.has(code)) wanted.add(code)
    }
    return insertUniqueCodes(tx, id, [...wanted], input.usage_limit ?? 1)
  })
}

function randomCode(prefix: string): string {
  let code = prefix
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}

async function insertUniqueCodes(ctx: Ctx, promotionId: string, codes: string[], usageLimit: number | null): Promise<PromotionCode[]> {
  const normalized = [...new Set(codes.map(normalizeCode))]
  const now = ctx.now().toISOString()
  const rows = normalized.map((code) => ({ id: ctx.newId('pcode'), promotion_id: promotionId, code, usage_limit: usageLimit, created_at: now }))
  const taken = await repo.existingCodes(ctx.db, normalized)
  if (taken.length) throw PromotionErrors.codeTaken(taken[0]!)
  try {
    await repo.insertCodes(ctx.db, rows)
  } catch (error) {
    // A concurrent insert of the same code: the unique index decides.
    if (constraintViolation(error)?.kind === 'unique') throw PromotionErrors.codeTaken(normalized.join(', ').slice(0, 200))
    throw error
  }
  return rows.map((r) => ({ ...r, usage_count: 0 }))
}

/** The orders that used a promotion, with what each got off. */
export async function listPromotionOrders(ctx: Ctx, id: string, options: { limit?: number; after?: string } = {}) {
  if (!(await repo.findPromotion(ctx.db, id))) throw PromotionErrors.notFound(id)
  return repo.listOrderPromotionRows(ctx.db, id, options.limit ?? 50, options.after)
}
