import { describe, expect, it } from 'vitest'
import { invalid, pageOf, splitList, withParents } from './common.js'

describe('settings helpers', () => {
  it('pages a whole list with the offset as the cursor', () => {
    const items = Array.from({ length: 45 }, (_, i) => i)
    const first = pageOf(items, undefined)
    expect(first.data).toEqual(items.slice(0, 20))
    expect(first.next_cursor).toBe('20')
    const third = pageOf(items, '40')
    expect(third.data).toEqual([40, 41, 42, 43, 44])
    expect(third.next_cursor).toBeNull()
    expect(pageOf(items.slice(0, 20), undefined).next_cursor).toBeNull()
    expect(pageOf(undefined, undefined)).toEqual({ data: undefined, next_cursor: null })
  })

  it('turns what the form found into a problem, and none when nothing is wrong', () => {
    expect(invalid({})).toBeUndefined()
    expect(invalid({ name: 'A name' })).toEqual({
      message: 'Check the highlighted fields',
      fields: { name: 'A name' },
      list: [{ path: 'name', code: 'invalid', message: 'A name' }],
    })
  })

  it("shows a list item's error under the list's field", () => {
    const problem = { message: 'Invalid', fields: { 'countries.1': 'an assigned ISO 3166-1 country code' }, list: [] }
    expect(withParents(problem).fields).toEqual({
      'countries.1': 'an assigned ISO 3166-1 country code',
      countries: 'an assigned ISO 3166-1 country code',
    })
  })

  it('splits comma-separated input', () => {
    expect(splitList(' NL, be ,,')).toEqual(['nl', 'be'])
    expect(splitList('https://A.example, ', false)).toEqual(['https://A.example'])
  })
})
