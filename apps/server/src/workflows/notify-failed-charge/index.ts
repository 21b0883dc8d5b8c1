/** The notice of a price difference that could not be charged: reads the order and customer. */
export {
  notifyFailedCharge,
  type FailedCharge,
  type FailedChargeNoticeDependencies,
} from './notify-failed-charge.ts'
