import { z } from 'zod'

/** The address fields of τ²'s address-changing tools. */
export const addressInputShape = {
  address1: z.string().describe("The first line of the address, such as '123 Main St'."),
  address2: z.string().describe("The second line of the address, such as 'Apt 1' or ''."),
  city: z.string().describe("The city, such as 'San Francisco'."),
  state: z.string().describe("The state, such as 'CA'."),
  country: z.string().describe("The country, such as 'USA'."),
  zip: z.string().describe("The zip code, such as '12345'."),
}

/** Converts the τ² address fields to Kedai's address. */
export function convertFromAddressInput(input: {
  address1: string
  address2: string
  city: string
  state: string
  country: string
  zip: string
}): {
  line1: string
  line2: string
  city: string
  state: string
  postcode: string
  country: string
} {
  return {
    line1: input.address1,
    line2: input.address2,
    city: input.city,
    state: input.state,
    postcode: input.zip,
    country: input.country,
  }
}

/** The shared description of a payment method argument. */
export const paymentMethodIdDescription =
  "The payment method id to pay or receive refund for the item price difference, such as 'gift_card_0000000' or 'credit_card_0000000'. These can be looked up from the user or order details."
