import type { Kysely, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely'
import type { Commerce } from '../commerce.js'
import type { Database } from '../db/database.js'

/** Counts the statements a handle executes (each one that returns, once); BEGIN and COMMIT are not statements here. */
export class QueryCounter implements KyselyPlugin {
  readonly #kinds = new WeakMap<object, string>()
  /** One entry per executed statement: its kind and first table (`SelectQueryNode product`). */
  statements: string[] = []

  get count(): number {
    return this.statements.length
  }

  reset(): void {
    this.statements = []
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.#kinds.set(args.queryId, describe(args.node))
    return args.node
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.statements.push(this.#kinds.get(args.queryId) ?? 'unknown')
    return args.result
  }
}

function describe(node: RootOperationNode): string {
  const from = 'from' in node && node.from ? node.from.froms[0] : 'into' in node ? node.into : 'table' in node ? node.table : undefined
  const json = JSON.stringify(from ?? {})
  const table = /"identifier":\{"kind":"IdentifierNode","name":"([^"]+)"/.exec(json)?.[1] ?? ''
  return `${node.kind} ${table}`.trim()
}

/**
 * The same engine with every statement counted: its `db` and each `ctx().db` run through the
 * counter. For tests that ban N+1 patterns by counting, never by timing.
 */
export function withQueryCounter(commerce: Commerce): { commerce: Commerce; counter: QueryCounter } {
  const counter = new QueryCounter()
  const db: Kysely<Database> = commerce.db.withPlugin(counter)
  return {
    counter,
    commerce: { ...commerce, db, ctx: (actor, channel) => ({ ...commerce.ctx(actor, channel), db }) },
  }
}
