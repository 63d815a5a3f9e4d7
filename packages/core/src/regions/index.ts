export * from './region.js'
export * from './region.service.js'
export { countryCodeSchema, provinceCodeSchema, isCountryCode } from './countries.js'
