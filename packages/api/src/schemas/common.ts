import { z } from '@hono/zod-openapi'
import { CommonErrors, type ErrorKind } from '@kassa/core'
import { STATUS_OF_KIND } from '../errors.js'

export const FieldErrorSchema = z
  .object({ path: z.string(), code: z.string(), message: z.string() })
  .openapi('FieldError')

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().openapi({ description: 'Stable machine-readable error code; see docs/errors.md' }),
    detail: z.string(),
    request_id: z.string(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .openapi('Problem')

interface ErrorRef {
  code: string
  kind: ErrorKind
}

const problemContent = (codes: string[]) => ({
  'application/problem+json': {
    schema: ProblemSchema.extend({ code: z.enum(codes as [string, ...string[]]) }),
  },
})

/** Documents the error responses a route can give, grouped by status, each code listed. */
export function errorResponses(...errors: ErrorRef[]) {
  const all = [CommonErrors.validation, ...errors]
  const byStatus = new Map<number, string[]>()
  for (const e of all) {
    const status = STATUS_OF_KIND[e.kind]
    byStatus.set(status, [...new Set([...(byStatus.get(status) ?? []), e.code])])
  }
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [status, { description: `Error: ${codes.join(', ')}`, content: problemContent(codes) }]),
  )
}

export const jsonBody = <T extends z.ZodType>(schema: T, description?: string) => ({
  required: true,
  ...(description && { description }),
  content: { 'application/json': { schema } },
})

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

export const listOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), next_cursor: z.string().nullable() })
