import { createCommerce, generatePromotionCodes, loadConfig } from '@kassa/core'

type Flags = Record<string, string | boolean>

/** `kassa promotions:codes <promotion_id> --count N [--prefix P] [--usage-limit N]`: prints N new unique codes, one a line. */
export async function promotionCodes(flags: Flags, args: string[] = []): Promise<void> {
  const id = args.find((a) => !a.startsWith('--') && !Object.values(flags).includes(a)) ?? String(flags.promotion ?? '')
  const count = Number(flags.count ?? 1)
  const usageLimit = flags['usage-limit'] === undefined ? undefined : Number(flags['usage-limit'])
  const commerce = await createCommerce(await loadConfig())
  try {
    const codes = await generatePromotionCodes(commerce.ctx(), id, {
      count,
      ...(typeof flags.prefix === 'string' && { prefix: flags.prefix }),
      ...(usageLimit !== undefined && { usage_limit: usageLimit }),
    })
    process.stdout.write(codes.map((c) => c.code).join('\n') + '\n')
  } finally {
    await commerce.close()
  }
}
