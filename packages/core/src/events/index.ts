export { recordEvent, listEvents, type KassaEvent } from './event.service.js'
export type { EventTables } from './event.table.js'
export { INTERNAL_EVENT_TYPES, isInternalEvent } from './internal.js'
