import type { Order, OrderItem, OrderService } from '../domains/orders/index.ts'
import type { PaymentMethodInput, PaymentsService } from '../domains/payments/index.ts'
import { money } from '../shared/money.ts'

/**
 * Test support: a pending order for `template`'s customer, paid in full through the payments
 * domain (so it has a provider payment to refund) and linked to it, as checkout stores it. One unit
 * per line at the given price; the total is the lines less `discountAmount` plus `shippingAmount`.
 */
export async function placeCardPaidOrder(
  services: { readonly payments: PaymentsService; readonly orders: OrderService },
  template: Order,
  input: {
    readonly number: string
    readonly paymentMethod: PaymentMethodInput
    readonly lines: readonly { readonly item: OrderItem; readonly unitPriceAmount: number }[]
    readonly discountAmount?: number
    readonly shippingAmount?: number
  },
): Promise<{ order: Order; paymentId: string }> {
  const discountAmount = input.discountAmount ?? 0
  const shippingAmount = input.shippingAmount ?? 0
  const total =
    input.lines.reduce((sum, line) => sum + line.unitPriceAmount, 0) -
    discountAmount +
    shippingAmount
  const started = await services.payments.startPayment({
    checkoutReference: `chk_${input.number.replace(/\W/g, '')}`,
    amount: money(total, template.currency),
    description: `Test order ${input.number}`,
    paymentMethod: input.paymentMethod,
    captureMode: 'automatic',
  })
  if (!started.ok || started.value.status !== 'captured') throw new Error('payment not captured')
  const order = await services.orders.createOrder({
    number: input.number,
    customerId: template.customerId,
    currency: template.currency,
    shippingAddress: template.shippingAddress,
    items: input.lines.map((line) => ({
      ...line.item,
      unitPriceAmount: line.unitPriceAmount,
      quantity: 1,
    })),
    shippingAmount,
    discountAmount,
    taxAmount: 0,
    payments: [
      {
        kind: 'payment',
        amount: total,
        paymentMethodId: null,
        paymentMethodReference: 'card',
        providerReference: started.value.providerReference,
      },
    ],
  })
  await services.payments.linkOrder(started.value.id, order.id)
  return { order, paymentId: started.value.id }
}
