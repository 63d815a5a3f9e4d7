import { formatAmount } from '../kernel/money.js'
import type { NotificationTemplate } from './notification.js'

/** What the templates are rendered from; every field comes from the database, not from an event payload. */
export interface TemplateData {
  order_confirmation: { number: number; total: number; currency_code: string; items: { title: string; quantity: number; total: number }[] }
  shipping_confirmation: { number: number; carrier: string | null; tracking_number: string | null; tracking_url: string | null }
  password_reset: { reset_url: string; expires_at: string }
}

type Render<T extends NotificationTemplate> = (data: TemplateData[T]) => { subject: string; text: string }
type Templates = { [T in NotificationTemplate]: Record<'en' | 'nl', Render<T>> }

const lines = (rows: (string | false | null | undefined)[]) => rows.filter((r): r is string => typeof r === 'string').join('\n')
const itemLines = (d: TemplateData['order_confirmation']) => d.items.map((i) => `- ${i.quantity} x ${i.title}: ${formatAmount(i.total, d.currency_code)}`)

export const TEMPLATES: Templates = {
  order_confirmation: {
    en: (d) => ({
      subject: `Order #${d.number} confirmed`,
      text: lines([`Thank you for your order #${d.number}.`, '', ...itemLines(d), '', `Total: ${formatAmount(d.total, d.currency_code)}`]),
    }),
    nl: (d) => ({
      subject: `Bestelling #${d.number} bevestigd`,
      text: lines([`Bedankt voor je bestelling #${d.number}.`, '', ...itemLines(d), '', `Totaal: ${formatAmount(d.total, d.currency_code)}`]),
    }),
  },
  shipping_confirmation: {
    en: (d) => ({
      subject: `Order #${d.number} has shipped`,
      text: lines([
        `Your order #${d.number} is on its way.`,
        d.carrier && `Carrier: ${d.carrier}`,
        d.tracking_number && `Tracking number: ${d.tracking_number}`,
        d.tracking_url && `Track it: ${d.tracking_url}`,
      ]),
    }),
    nl: (d) => ({
      subject: `Bestelling #${d.number} is verzonden`,
      text: lines([
        `Je bestelling #${d.number} is onderweg.`,
        d.carrier && `Vervoerder: ${d.carrier}`,
        d.tracking_number && `Trackingnummer: ${d.tracking_number}`,
        d.tracking_url && `Volg je pakket: ${d.tracking_url}`,
      ]),
    }),
  },
  password_reset: {
    en: (d) => ({
      subject: 'Reset your password',
      text: lines(['Someone asked to reset the password of your account.', `Choose a new one here: ${d.reset_url}`, `The link works until ${d.expires_at}.`, 'If it was not you, ignore this message.']),
    }),
    nl: (d) => ({
      subject: 'Stel je wachtwoord opnieuw in',
      text: lines(['Er is gevraagd om het wachtwoord van je account opnieuw in te stellen.', `Kies hier een nieuw wachtwoord: ${d.reset_url}`, `De link werkt tot ${d.expires_at}.`, 'Was jij dit niet? Negeer dan dit bericht.']),
    }),
  },
}

/** Renders a template in `locale`, falling back to English for a locale without templates. */
export function renderTemplate<T extends NotificationTemplate>(template: T, locale: string, data: TemplateData[T]): { locale: 'en' | 'nl'; subject: string; text: string } {
  const lang = locale.slice(0, 2).toLowerCase() === 'nl' ? 'nl' : 'en'
  return { locale: lang, ...(TEMPLATES[template][lang] as Render<T>)(data) }
}
