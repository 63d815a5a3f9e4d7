/** @kassa/cli: `kassa start | migrate | seed | admin:create | openapi`. */
export { bootstrapAdmin } from './bootstrap.js'
