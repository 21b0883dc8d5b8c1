/** The demo carrier: tracking that advances on a configured schedule, without network. */
export {
  createDemoFulfillmentProvider,
  defaultDemoFulfillmentSchedule,
  type DemoFulfillmentSchedule,
} from './demo-fulfillment-provider.ts'
