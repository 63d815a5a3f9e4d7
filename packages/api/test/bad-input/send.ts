import type { TestApi } from '../helpers.js'
import type { GeneratedOperation, Mutation, Segment } from './generate.js'
import type { FormPart, ValidRequest } from './requests.js'

/** A request's multipart parts as the body to send (fetch sets the boundary). */
export function toFormData(form: Record<string, FormPart>): FormData {
  const data = new FormData()
  for (const [name, part] of Object.entries(form)) {
    data.append(name, typeof part === 'string' ? part : new File([Buffer.from(part.base64, 'base64')], part.filename, { type: part.type }))
  }
  return data
}

export interface PreparedRequest extends ValidRequest {
  /** Sent as-is instead of `JSON.stringify(body)`. */
  rawBody?: string
}

/** The valid request with one part changed; throws when the valid request lacks the part to change. */
export function applyMutation(valid: ValidRequest, mutation: Mutation): PreparedRequest {
  const request: PreparedRequest = structuredClone(valid)
  switch (mutation.in) {
    case 'raw-body':
      return { ...request, rawBody: mutation.text }
    case 'query': {
      const { [mutation.name]: _, ...others } = request.query ?? {}
      return { ...request, query: 'remove' in mutation ? others : { ...others, [mutation.name]: mutation.value } }
    }
    case 'form': {
      if (!request.form) throw new Error('the valid request has no form body')
      const { [mutation.name]: _, ...others } = request.form
      return { ...request, form: 'remove' in mutation ? others : { ...others, [mutation.name]: mutation.value } }
    }
    case 'path':
      if (!request.path?.[mutation.name]) throw new Error(`the valid request has no path parameter ${mutation.name}`)
      return { ...request, path: { ...request.path, [mutation.name]: mutation.value } }
    case 'body': {
      const { at } = mutation
      if (at.length === 0) {
        if ('remove' in mutation) throw new Error('cannot remove the whole body')
        return { ...request, body: mutation.set(request.body) }
      }
      const parent = containerAt(request.body, at.slice(0, -1))
      const key = at[at.length - 1]!
      if ('remove' in mutation) {
        if (Array.isArray(parent)) parent.splice(Number(key), 1)
        else delete parent[key as string]
      } else {
        ;(parent as Record<Segment, unknown>)[key] = mutation.set((parent as Record<Segment, unknown>)[key])
      }
      return request
    }
  }
}

function containerAt(body: unknown, at: Segment[]): Record<string, unknown> | unknown[] {
  let node = body
  for (const [i, segment] of at.entries()) {
    const next = node !== null && typeof node === 'object' ? (node as Record<Segment, unknown>)[segment] : undefined
    if (next === null || typeof next !== 'object') {
      throw new Error(`the valid request has no ${at.slice(0, i + 1).join('.')}: add a valid example so the fields inside it are tested`)
    }
    node = next
  }
  if (node === null || typeof node !== 'object') throw new Error('the valid request has no JSON object body')
  return node as Record<string, unknown> | unknown[]
}

/** Sends a request to the operation with the credentials its security scheme asks for. */
export function send(api: TestApi, op: GeneratedOperation, request: PreparedRequest): Promise<Response> {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = request.path?.[name]
    if (value === undefined) throw new Error(`${op.operationId}: the valid request has no path parameter ${name}`)
    return encodeURIComponent(value)
  })
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(request.query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) search.append(name, v)
  }
  const headers: Record<string, string> = { ...request.headers }
  if (op.auth === 'store') headers['x-publishable-api-key'] = api.publishableKey
  // A request may bring its own admin credential (signing out must not end the shared session).
  if (op.auth === 'admin') headers.authorization ??= `Bearer ${api.adminToken}`
  const body = request.form ? toFormData(request.form) : (request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body)))
  if (body !== undefined && !request.form) headers['content-type'] = 'application/json'
  const query = search.size ? `?${search}` : ''
  return api.request(`${path}${query}`, { method: op.method, headers, ...(body !== undefined && { body }) })
}
