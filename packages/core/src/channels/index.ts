export * from './channel.js'
export * from './channel.service.js'
export * from './channel-admin.service.js'
