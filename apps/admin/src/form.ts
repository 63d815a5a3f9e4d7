import type { Problem } from './api.js'

/** A problem found before sending: each field's message by its API path, shown like the API's own. */
export function localProblem(fields: Record<string, string>): Problem | undefined {
  const list = Object.entries(fields).map(([path, message]) => ({ path, code: 'invalid', message }))
  return list.length ? { message: 'Check the highlighted fields', fields, list } : undefined
}
