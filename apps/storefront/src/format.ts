import type { Lang } from './i18n.js'

const LOCALES: Record<Lang, string> = { en: 'en-US', nl: 'nl-NL' }

function formatter(lang: Lang, currency: string): Intl.NumberFormat {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency })
}

/** How many minor units make one major unit of a currency (EUR 100, JPY 1, KWD 1000). */
export function minorUnitFactor(currency: string): number {
  return 10 ** (formatter('en', currency).resolvedOptions().maximumFractionDigits ?? 2)
}

/** An amount in minor units as a price in the language's notation: `€ 24,95`, `$29.99`. */
export function formatMoney(amount: number, currency: string, lang: Lang): string {
  return formatter(lang, currency).format(amount / minorUnitFactor(currency))
}

/** An amount in minor units as a plain decimal string (`24.95`), as schema.org wants it. */
export function decimalAmount(amount: number, currency: string): string {
  const factor = minorUnitFactor(currency)
  const digits = Math.round(Math.log10(factor))
  return (amount / factor).toFixed(digits)
}
