export { analyticsEventTypes, type AnalyticsEventType } from './analytics-events.ts'
export {
  createAnalyticsService,
  type AnalyticsPeriod,
  type AnalyticsService,
  type Containment,
  type DailyEventCount,
  type ResponseTimes,
} from './analytics-service.ts'
