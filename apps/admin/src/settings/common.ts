import { html } from 'htm/preact'
import type { Problem } from '../api.js'

const PAGE_SIZE = 20

/**
 * One page of a list the API answers whole (`next_cursor: null`): the cursor is the offset, so the
 * same Pager pages it as it pages the API's cursors.
 */
export function pageOf<T>(items: T[] | undefined, cursor: string | undefined): { data: T[] | undefined; next_cursor: string | null } {
  const start = Number(cursor ?? 0)
  if (!items) return { data: undefined, next_cursor: null }
  return { data: items.slice(start, start + PAGE_SIZE), next_cursor: start + PAGE_SIZE < items.length ? String(start + PAGE_SIZE) : null }
}

/** A problem found before sending: the fields to fix and why. */
export function invalid(fields: Record<string, string>): Problem | undefined {
  const list = Object.entries(fields).map(([path, message]) => ({ path, code: 'invalid', message }))
  return list.length ? { message: 'Check the highlighted fields', fields, list } : undefined
}

/** The API names list items (`countries.1`); the form shows them under the list's field (`countries`) too. */
export function withParents(problem: Problem): Problem {
  const fields = { ...problem.fields }
  for (const [path, message] of Object.entries(problem.fields)) {
    const parent = path.split('.')[0]!
    fields[parent] ??= message
  }
  return { ...problem, fields }
}

/** "nl, BE" -> ["nl", "be"]. */
export function splitList(text: string, lower = true): string[] {
  return text
    .split(',')
    .map((s) => (lower ? s.trim().toLowerCase() : s.trim()))
    .filter(Boolean)
}

export const isCountry = (code: string) => /^[a-z]{2}$/i.test(code)

export function Checkbox(props: { label: string; name: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return html`<label class="field check">
    <input
      type="checkbox"
      name=${props.name}
      checked=${props.checked}
      onChange=${(e: Event) => props.onChange((e.target as HTMLInputElement).checked)}
    />
    <span>${props.label}</span>
  </label>`
}

export function Select(props: { label: string; name: string; value: string; options: string[]; onChange: (value: string) => void }) {
  return html`<label class="field"
    ><span>${props.label}</span>
    <select name=${props.name} value=${props.value} onChange=${(e: Event) => props.onChange((e.target as HTMLSelectElement).value)}>
      ${props.options.map((o) => html`<option value=${o}>${o.replaceAll('_', ' ')}</option>`)}
    </select></label
  >`
}
