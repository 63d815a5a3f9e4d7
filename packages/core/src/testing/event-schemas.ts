import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'

/** Where the event catalogue lives: docs/events/<type>.v<version>.schema.json. */
export const EVENT_SCHEMA_DIR = join(import.meta.dirname, '../../../../docs/events')

export interface EventSchema {
  type: string
  version: number
  internal: boolean
  file: string
  validate(data: unknown): string[]
}

/**
 * Every schema of the catalogue, compiled with Ajv (JSON Schema 2020-12, strict mode). A schema
 * describes an event's `data` (not the envelope); a file without `x-kassa-event`, or whose `$id`
 * or `title` do not match it, is refused.
 */
export function loadEventSchemas(): Map<string, EventSchema> {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    keywords: ['x-kassa-event'],
    formats: { 'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/ },
  })
  const schemas = new Map<string, EventSchema>()
  for (const file of readdirSync(EVENT_SCHEMA_DIR).filter((f) => f.endsWith('.schema.json'))) {
    const json = JSON.parse(readFileSync(join(EVENT_SCHEMA_DIR, file), 'utf8')) as {
      $id?: string
      title?: string
      'x-kassa-event'?: { type: string; version: number; internal: boolean }
    }
    const meta = json['x-kassa-event']
    if (!meta || typeof meta.type !== 'string' || !Number.isInteger(meta.version) || typeof meta.internal !== 'boolean') {
      throw new Error(`${file}: needs "x-kassa-event": { "type", "version", "internal" } (see docs/events/README.md)`)
    }
    if (json.$id !== `https://kassa.dev/events/${file}` || json.title !== meta.type) {
      throw new Error(`${file}: $id must be https://kassa.dev/events/${file} and title ${meta.type}`)
    }
    const check = ajv.compile(json)
    schemas.set(`${meta.type}@${meta.version}`, {
      ...meta,
      file,
      validate: (data) => (check(data) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`)),
    })
  }
  return schemas
}
