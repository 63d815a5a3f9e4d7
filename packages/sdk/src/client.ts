import createClient, {
  type Client,
  type ClientPathsWithMethod,
  type FetchResponse,
  type MaybeOptionalInit,
  type Middleware,
} from 'openapi-fetch'
import { toKassaApiError } from './errors.js'
import type { paths } from './generated/schema.js'

/** A `fetch` to send requests with: the global one by default, or e.g. an in-process app's `app.fetch`. */
export type FetchFunction = (request: Request) => Response | Promise<Response>

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'

// The second argument is required exactly when the operation has required parameters or a required body.
type InitArgs<Init> = undefined extends Init ? [init?: Init & Record<string, unknown>] : [init: Init & Record<string, unknown>]

type Data<T> = [NonNullable<T>] extends [never] ? void : NonNullable<T>

type CallMethod<Paths extends {}, M extends Method> = <
  Path extends ClientPathsWithMethod<Client<Paths>, M>,
  Init extends MaybeOptionalInit<Paths[Path], M & keyof Paths[Path]>,
>(
  url: Path,
  ...init: InitArgs<Init>
) => Promise<Data<FetchResponse<Paths[Path] extends Record<M, object> ? Paths[Path][M] : never, Init, `${string}/${string}`>['data']>>

/**
 * Typed calls for every operation of `Paths`: 2xx answers resolve to the response body, anything else
 * rejects with a {@link KassaApiError}.
 * @example const { product } = await store.GET('/store/products/{handle}', { params: { path: { handle: 'linen-shirt' } } })
 */
export interface KassaClient<Paths extends {}> {
  GET: CallMethod<Paths, 'get'>
  POST: CallMethod<Paths, 'post'>
  PUT: CallMethod<Paths, 'put'>
  PATCH: CallMethod<Paths, 'patch'>
  DELETE: CallMethod<Paths, 'delete'>
}

/** The paths of the Store API (`/store/*`). */
export type StorePaths = { [P in keyof paths as P extends `/store/${string}` ? P : never]: paths[P] }

/** The paths of the Admin API (`/admin/*`). */
export type AdminPaths = { [P in keyof paths as P extends `/admin/${string}` ? P : never]: paths[P] }

/** Where a client sends requests and how. */
export interface ClientBaseOptions {
  /** Where the API answers, e.g. `https://shop.example.com` (no trailing `/store` or `/admin`). */
  baseUrl: string
  /** Replaces the global `fetch`. */
  fetch?: FetchFunction
  /** Headers sent with every request. */
  headers?: Record<string, string>
}

/** Wraps openapi-fetch so that each method answers with the body or throws a KassaApiError. */
export function createKassaClient<Paths extends {}>(options: ClientBaseOptions, middleware: Middleware[] = []): KassaClient<Paths> {
  const custom = options.fetch
  const raw = createClient<Paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.headers && { headers: options.headers }),
    ...(custom ? { fetch: async (request: Request) => custom(request) } : {}),
  })
  if (middleware.length) raw.use(...middleware)
  const call =
    (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE') =>
    async (url: string, init?: object): Promise<unknown> => {
      const send = raw[method] as (url: string, init?: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>
      const { data, error, response } = await send(url, init)
      if (!response.ok) throw toKassaApiError(response, error)
      return data
    }
  return {
    GET: call('GET'),
    POST: call('POST'),
    PUT: call('PUT'),
    PATCH: call('PATCH'),
    DELETE: call('DELETE'),
  } as unknown as KassaClient<Paths>
}
