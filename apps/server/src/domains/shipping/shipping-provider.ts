import type { Money } from '../../shared/money.ts'
import type { ShippingAddress } from './shipping-address.ts'

/** A carrier's rate for a parcel. */
export interface CarrierRate {
  readonly carrier: string
  readonly methodKey: string
  readonly amount: Money
  readonly transitDays: { readonly min: number; readonly max: number }
}

/** A shipping label a carrier issued. */
export interface ShippingLabel {
  readonly carrier: string
  readonly trackingNumber: string
  readonly trackingUrl: string
}

/**
 * The carriers port, owned by the shipping domain: rates for a parcel and labels for a shipment.
 * The configuration-based implementation prices from `shipping.json`; carrier adapters (Pos Laju,
 * DHL…) can implement it later.
 */
export interface ShippingProvider {
  readonly name: string
  /** Rates for sending a parcel of `subtotal` worth to `address` with `carrier`'s `methodKey`. */
  getRates(input: {
    readonly address: ShippingAddress
    readonly subtotal: Money
    readonly weightGrams?: number | undefined
  }): Promise<CarrierRate[]>
  /** Books a shipment and returns its tracking number and link. */
  createLabel(input: {
    readonly orderNumber: string
    readonly address: ShippingAddress
    readonly methodKey: string
  }): Promise<ShippingLabel>
}
