/** @kassa/storefront: the reference storefront, server-rendered over the Store API through @kassa/sdk. */
export { createStorefront, type Storefront, type StorefrontOptions } from './app.js'
export { startStorefront, type RunningStorefront } from './server.js'
