/** @kassa/api: the Store and Admin HTTP APIs over the engine. */
export { createApp, openApiDocument, OPENAPI_INFO, type KassaApp, type AppOptions } from './app.js'
export { startServer, type RunningServer } from './server.js'
export { STATUS_OF_KIND } from './errors.js'
export { ADMIN_APP_PATH, hasAdminApp } from './admin-app.js'
