export * from './report.js'
export { reportOverview } from './report.service.js'
