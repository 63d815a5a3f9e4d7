import type { Ctx } from '../kernel/ctx.js'
import { normalizeCode, PromotionErrors } from './promotion.js'
import * as repo from './promotion.repository.js'

/** Puts a code on a cart (case-insensitive); a code that does not exist is `promotion.not_found`. Whether it applies is the cart's to show. */
export async function attachPromotionCode(ctx: Ctx, cartId: string, code: string): Promise<void> {
  const found = await repo.findCode(ctx.db, normalizeCode(code))
  if (!found) throw PromotionErrors.notFound(normalizeCode(code))
  await repo.attachCode(ctx.db, cartId, found.id, ctx.now().toISOString())
}

/** A promotion code by its text (case-insensitive), if it exists. */
export async function findPromotionCode(ctx: Ctx, code: string) {
  return repo.findCode(ctx.db, normalizeCode(code))
}

/** Takes a code off a cart; `promotion.code_not_found` when the cart does not hold it. */
export async function detachPromotionCode(ctx: Ctx, cartId: string, code: string): Promise<void> {
  const found = await repo.findCode(ctx.db, normalizeCode(code))
  if (!found || !(await repo.detachCode(ctx.db, cartId, found.id))) throw PromotionErrors.codeNotFound(normalizeCode(code))
}
