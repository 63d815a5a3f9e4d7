import type { Product } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useEffect, useState } from 'preact/hooks'
import { admin, type Problem, toProblem } from './api.js'
import { Field, ProblemBox } from './ui.js'

/** The store's default locale first: its text is the product's own title and description. */
export const LOCALES = ['en', 'nl'] as const

type Text = { title: string; subtitle: string; description: string }
const empty: Text = { title: '', subtitle: '', description: '' }

/** The translations of a product as the form holds them: one text per locale, blanks for "not translated". */
function textsOf(product: Product): Record<string, Text> {
  return Object.fromEntries(
    product.translations.map((t) => [t.locale, { title: t.title ?? '', subtitle: t.subtitle ?? '', description: t.description ?? '' }]),
  )
}

/**
 * Tabs per locale. The default locale's tab points at the product's own fields; each other tab
 * edits one translation. Saving sends the whole list (the API replaces it), blanks as null.
 */
export function ProductTranslations(props: { product: Product; write: boolean; onSaved: () => void }) {
  const { product } = props
  const locales = [...new Set([...LOCALES, ...product.translations.map((t) => t.locale)])]
  const [tab, setTab] = useState<string>(locales[1] ?? locales[0]!)
  const [texts, setTexts] = useState(() => textsOf(product))
  const [problem, setProblem] = useState<Problem>()
  const [saved, setSaved] = useState(false)
  useEffect(() => setTexts(textsOf(product)), [product.id, product.updated_at])

  const text = texts[tab] ?? empty
  const set = (patch: Partial<Text>) => {
    setSaved(false)
    setTexts({ ...texts, [tab]: { ...text, ...patch } })
  }
  // The list sent: field errors come back by its index (`translations.0.title`).
  const translations = Object.entries(texts)
    .filter(([locale, t]) => locale !== LOCALES[0] && (t.title.trim() || t.subtitle.trim() || t.description.trim()))
    .map(([locale, t]) => ({
      locale,
      title: t.title.trim() || null,
      subtitle: t.subtitle.trim() || null,
      description: t.description.trim() || null,
    }))
  const index = (locale: string) => translations.findIndex((t) => t.locale === locale)

  const save = async () => {
    setProblem(undefined)
    const fields: Record<string, string> = {}
    for (const [i, t] of translations.entries())
      if (t.title && t.title.length > 255) fields[`translations.${i}.title`] = 'At most 255 characters'
    if (Object.keys(fields).length) return setProblem({ message: 'Check the highlighted fields', fields, list: [] })
    try {
      await admin.products.update(product.id, { translations })
      setSaved(true)
      props.onSaved()
    } catch (error) {
      setProblem(toProblem(error))
    }
  }

  return html`<section class="card translations">
    <h2>Translations</h2>
    <div class="tabs" role="tablist">
      ${locales.map(
        (l) =>
          html`<button type="button" role="tab" name=${`locale-${l}`} aria-selected=${l === tab} onClick=${() => setTab(l)}>
            ${l}${l === LOCALES[0] ? ' (default)' : ''}
          </button>`,
      )}
    </div>
    <${ProblemBox} problem=${problem} />
    ${saved && html`<p class="notice" role="status">Translations saved.</p>`}
    ${
      tab === LOCALES[0]
        ? html`<p class="muted">The default locale shows the product's own title, subtitle and description (above).</p>`
        : html`<div>
            <${Field}
              label=${`Title (${tab})`}
              name=${`translation-title-${tab}`}
              value=${text.title}
              placeholder=${product.title}
              onInput=${(v: string) => set({ title: v })}
              problem=${problem}
              path=${`translations.${index(tab)}.title`}
            />
            <${Field}
              label=${`Subtitle (${tab})`}
              name=${`translation-subtitle-${tab}`}
              value=${text.subtitle}
              placeholder=${product.subtitle ?? ''}
              onInput=${(v: string) => set({ subtitle: v })}
              problem=${problem}
              path=${`translations.${index(tab)}.subtitle`}
            />
            <label class="field"
              ><span>Description (${tab})</span
              ><textarea
                name=${`translation-description-${tab}`}
                rows="3"
                value=${text.description}
                onInput=${(e: Event) => set({ description: (e.target as HTMLTextAreaElement).value })}
              ></textarea>
            </label>
            <p class="muted">A blank field falls back to the default locale's text.</p>
            ${props.write && html`<div class="toolbar"><button type="button" name="save-translations" onClick=${save}>Save translations</button></div>`}
          </div>`
    }
  </section>`
}
