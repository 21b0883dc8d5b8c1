/**
 * The shipping domain: zones, methods and rates from configuration, delivery estimates from
 * business days, the cut-off time and public holidays, and the {@link ShippingProvider} carriers port.
 */
export type { DeliveryEstimate } from './estimate-delivery.ts'
export { addBusinessDays, estimateDeliveryWindow, isBusinessDay } from './estimate-delivery.ts'
export type {
  ShippingConfiguration,
  ShippingMethod,
  ShippingMethodKey,
  ShippingZone,
} from './shipping-configuration.ts'
export {
  loadShippingConfiguration,
  shippingConfigurationSchema,
  shippingMethodKeys,
} from './shipping-configuration.ts'
export type { CarrierRate, ShippingLabel, ShippingProvider } from './shipping-provider.ts'
export type { ShippingAddress } from './shipping-address.ts'
export type {
  ShippingCart,
  ShippingOption,
  ShippingQuote,
  ShippingService,
} from './shipping-service.ts'
export {
  createConfigurationShippingProvider,
  createShippingService,
  findShippingZone,
} from './shipping-service.ts'
