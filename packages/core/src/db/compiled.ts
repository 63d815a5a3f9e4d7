import type { Compilable, CompiledQuery } from 'kysely'
import type { AnyDb } from './dialect.js'

const MARK = '\u0000kassa-param:'

/**
 * A query built and compiled once per database handle and shape, then run with new values: for
 * the Store API's hottest reads, which would otherwise build and compile the same query on every
 * request. `build` puts `param(i)` where the i-th value goes (each must end up a bound
 * parameter); `shape` tells apart queries whose SQL differs, such as `in` lists of another
 * length. Plugins (the SQLite value conversion) run once at compile time, so values are passed
 * as the driver binds them.
 */
export function compileOnce<Row>(build: (db: AnyDb, param: (i: number) => string, shape: number) => Compilable<Row>) {
  const compiled = new WeakMap<AnyDb, Map<number, CompiledQuery<Row>>>()
  return async function run(db: AnyDb, values: readonly unknown[], shape = 0): Promise<Row[]> {
    let byShape = compiled.get(db)
    if (!byShape) compiled.set(db, (byShape = new Map()))
    let query = byShape.get(shape)
    if (!query) byShape.set(shape, (query = build(db, (i) => `${MARK}${i}`, shape).compile()))
    const parameters = query.parameters.map((p) => (typeof p === 'string' && p.startsWith(MARK) ? values[Number(p.slice(MARK.length))] : p))
    return (await db.executeQuery<Row>({ ...query, parameters })).rows
  }
}
