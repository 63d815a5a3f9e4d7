import type { z } from 'zod'
import { CommonErrors, type FieldError } from './errors.js'

/**
 * Turns zod issues into one field error per field, with stable codes. Pass the parsed `input`:
 * zod drops it from issues, and it tells a missing field (`required`) from a wrong type.
 */
export function toFieldErrors(issues: z.core.$ZodIssue[], input?: unknown): FieldError[] {
  const errors: FieldError[] = []
  for (const issue of issues) {
    const base = issue.path.map(String).join('.')
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({ path: base ? `${base}.${key}` : key, code: 'unknown_field', message: `Unknown field ${key}` })
      }
      continue
    }
    errors.push({ path: base, code: fieldCode(issue, input), message: issue.message })
  }
  return errors
}

function fieldCode(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined ? 'required' : 'invalid_type'
    case 'invalid_value':
      // A missing enum field fails as invalid_value in zod 4: it is still a missing field.
      return valueAt(input, issue.path) === undefined ? 'required' : 'invalid_enum'
    case 'too_big':
      return 'too_big'
    case 'too_small':
      return 'too_small'
    case 'invalid_format':
      return 'invalid_format'
    case 'not_multiple_of':
      return 'invalid_type'
    default:
      return 'invalid'
  }
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

/** Parses input against a schema or throws `validation_failed` naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const errors = toFieldErrors(result.error.issues, input)
  throw CommonErrors.validation(prefix ? errors.map((e) => ({ ...e, path: e.path ? `${prefix}.${e.path}` : prefix })) : errors)
}
