/** @kassa/sdk: typed clients for the Kassa Store and Admin APIs, generated from the OpenAPI document. */
export { createStoreClient, type StoreClient, type StoreClientOptions, type IdempotentCallOptions } from './store.js'
export { createAdminClient, type AdminClient, type AdminClientOptions } from './admin.js'
export type * from './admin-settings.js'
export {
  createKassaClient,
  type KassaClient,
  type ClientBaseOptions,
  type FetchFunction,
  type StorePaths,
  type AdminPaths,
} from './client.js'
export { KassaApiError, isKassaApiError, type KassaErrorCode, type DocumentedErrorCode, type FieldError } from './errors.js'
export type * from './types.js'
export type { paths, components, operations } from './generated/schema.js'
