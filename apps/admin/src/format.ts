const digitsCache = new Map<string, number>()

/** Digits after the decimal point of a currency (EUR 2, JPY 0), as Intl knows them. */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency)
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
    digitsCache.set(currency, digits)
  }
  return digits
}

/** An amount in minor units, e.g. money(2495, 'EUR') -> "€24.95". */
export function money(amount: number, currency: string): string {
  const digits = currencyDigits(currency)
  return new Intl.NumberFormat('en', { style: 'currency', currency, minimumFractionDigits: digits }).format(amount / 10 ** digits)
}

/** "24.95" typed in a form -> 2495 minor units; NaN when it is not a number. */
export function toMinor(text: string, currency: string): number {
  const value = Number(text.replace(',', '.'))
  if (text.trim() === '' || !Number.isFinite(value)) return Number.NaN
  return Math.round(value * 10 ** currencyDigits(currency))
}

export function fromMinor(amount: number, currency: string): string {
  return (amount / 10 ** currencyDigits(currency)).toFixed(currencyDigits(currency))
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
}

export function label(status: string): string {
  return status.replaceAll('_', ' ')
}

/** Every combination of the options' values, in order: the variant grid of a product. */
export function variantGrid(options: { title: string; values: string[] }[]): Record<string, string>[] {
  const usable = options.filter((o) => o.title.trim() && o.values.length > 0)
  let rows: Record<string, string>[] = [{}]
  for (const option of usable) rows = rows.flatMap((row) => option.values.map((value) => ({ ...row, [option.title.trim()]: value })))
  return usable.length === 0 ? [] : rows
}
