import type { LocalizedText } from '../../shared/locale.ts'
import { money, type Money } from '../../shared/money.ts'
import { fail, succeed, type Result } from '../../shared/result.ts'
import { estimateDeliveryWindow, type DeliveryEstimate } from './estimate-delivery.ts'
import type {
  ShippingConfiguration,
  ShippingMethod,
  ShippingMethodKey,
  ShippingZone,
} from './shipping-configuration.ts'
import type { ShippingAddress } from './shipping-address.ts'
import type { CarrierRate, ShippingLabel, ShippingProvider } from './shipping-provider.ts'

/** A cart as shipping sees it: what the items are worth after item discounts. */
export interface ShippingCart {
  readonly subtotal: Money
  readonly weightGrams?: number | undefined
}

/** One way to ship a cart, with its price and delivery window. */
export interface ShippingOption {
  readonly methodKey: ShippingMethodKey
  readonly name: LocalizedText
  readonly carrier: string
  readonly amount: Money
  /** True when the method's free-shipping threshold was reached. */
  readonly isFree: boolean
  /** For a method with a threshold not reached: how much more makes it free. */
  readonly amountToFreeShipping: Money | null
  readonly estimate: DeliveryEstimate
}

/** Shipping options for one cart and address. */
export interface ShippingQuote {
  readonly zoneKey: string
  readonly zoneName: LocalizedText
  readonly options: readonly ShippingOption[]
}

/** The shipping domain's public service. */
export interface ShippingService {
  /** Prices every method of the address's zone for the cart, with delivery windows from now. */
  quote(
    cart: ShippingCart,
    address: ShippingAddress,
  ): Result<ShippingQuote, 'no-zone' | 'currency-mismatch'>
  /** Estimates delivery with one method for an order placed at `orderTime` (default now). */
  estimateDelivery(
    methodKey: ShippingMethodKey,
    address: ShippingAddress,
    orderTime?: Date,
  ): Result<DeliveryEstimate, 'no-zone' | 'unknown-method'>
  /** The zone that serves an address, if any. */
  findZone(address: ShippingAddress): ShippingZone | undefined
  /**
   * What the store charges for its prepaid return label on a return from `address`, in minor units of
   * `currency`: the zone's `returnLabelFee`, 0 when the zone has none, no zone serves the address or
   * the configuration is in another currency.
   */
  returnLabelFee(address: ShippingAddress, currency: string): number
  /** The public tracking link of a parcel. */
  trackingUrl(carrier: string, trackingNumber: string): string
  /** The configured carriers port. */
  readonly provider: ShippingProvider
}

function normalize(text: string): string {
  return text.trim().toLowerCase()
}

/** The zone serving `address`: the first whose countries and states match. */
export function findShippingZone(
  configuration: ShippingConfiguration,
  address: ShippingAddress,
): ShippingZone | undefined {
  const country = address.country.trim().toUpperCase()
  const state = address.state == null ? undefined : normalize(address.state)
  return configuration.zones.find((zone) => {
    if (!zone.countries.includes(country) && !zone.countries.includes('*')) return false
    if (
      zone.states !== undefined &&
      (state === undefined || !zone.states.map(normalize).includes(state))
    )
      return false
    if (
      zone.excludedStates !== undefined &&
      state !== undefined &&
      zone.excludedStates.map(normalize).includes(state)
    ) {
      return false
    }
    return true
  })
}

function priceMethod(method: ShippingMethod, subtotal: Money) {
  const isFree = method.freeOver !== undefined && subtotal.amount >= method.freeOver
  return {
    amount: money(isFree ? 0 : method.rate, subtotal.currency),
    isFree,
    amountToFreeShipping:
      method.freeOver === undefined || isFree
        ? null
        : money(method.freeOver - subtotal.amount, subtotal.currency),
  }
}

/** The configuration-based {@link ShippingProvider}: rates from the zones, tracking numbers from ids. */
export function createConfigurationShippingProvider(
  configuration: ShippingConfiguration,
  options: { createTrackingNumber: () => string },
): ShippingProvider {
  return {
    name: 'configuration',
    async getRates(input): Promise<CarrierRate[]> {
      const zone = findShippingZone(configuration, input.address)
      if (zone === undefined) return []
      return zone.methods.map((method) => ({
        carrier: method.carrier,
        methodKey: method.key,
        amount: priceMethod(method, input.subtotal).amount,
        transitDays: method.transitDays,
      }))
    },
    async createLabel(input): Promise<ShippingLabel> {
      const zone = findShippingZone(configuration, input.address)
      const method = zone?.methods.find((candidate) => candidate.key === input.methodKey)
      const carrier = method?.carrier ?? 'poslaju'
      const trackingNumber = options.createTrackingNumber()
      return {
        carrier,
        trackingNumber,
        trackingUrl: configuration.trackingUrlTemplate
          .replace('{carrier}', encodeURIComponent(carrier))
          .replace('{trackingNumber}', encodeURIComponent(trackingNumber)),
      }
    },
  }
}

/** Creates the {@link ShippingService} from a validated configuration. */
export function createShippingService(dependencies: {
  readonly configuration: ShippingConfiguration
  readonly clock: { now(): Date }
  readonly provider?: ShippingProvider
  readonly createTrackingNumber?: () => string
}): ShippingService {
  const { configuration, clock } = dependencies
  let counter = 0
  const provider =
    dependencies.provider ??
    createConfigurationShippingProvider(configuration, {
      createTrackingNumber:
        dependencies.createTrackingNumber ??
        (() => `KD${clock.now().getTime().toString(36).toUpperCase()}${(counter += 1)}`),
    })
  return {
    provider,
    findZone: (address) => findShippingZone(configuration, address),
    returnLabelFee: (address, currency) =>
      currency === configuration.currency
        ? (findShippingZone(configuration, address)?.returnLabelFee ?? 0)
        : 0,
    quote(cart, address) {
      if (cart.subtotal.currency !== configuration.currency) return fail('currency-mismatch')
      const zone = findShippingZone(configuration, address)
      if (zone === undefined) return fail('no-zone')
      const now = clock.now()
      return succeed({
        zoneKey: zone.key,
        zoneName: zone.name,
        options: zone.methods.map((method) => ({
          methodKey: method.key,
          name: method.name,
          carrier: method.carrier,
          ...priceMethod(method, cart.subtotal),
          estimate: estimateDeliveryWindow(now, method.transitDays, configuration),
        })),
      })
    },
    estimateDelivery(methodKey, address, orderTime) {
      const zone = findShippingZone(configuration, address)
      if (zone === undefined) return fail('no-zone')
      const method = zone.methods.find((candidate) => candidate.key === methodKey)
      if (method === undefined) return fail('unknown-method')
      return succeed(
        estimateDeliveryWindow(orderTime ?? clock.now(), method.transitDays, configuration),
      )
    },
    trackingUrl(carrier, trackingNumber) {
      return configuration.trackingUrlTemplate
        .replace('{carrier}', encodeURIComponent(carrier))
        .replace('{trackingNumber}', encodeURIComponent(trackingNumber))
    },
  }
}
