import { fail, succeed, type Result } from '../../shared/result.ts'
import type { OrderChange } from './order-change.ts'
import type { Order, OrderAddress } from './order.ts'

/** Changes where a pending order (items modified or not) ships to. */
export function modifyPendingOrderAddress(
  order: Order,
  address: OrderAddress,
): Result<OrderChange, 'not-pending'> {
  if (order.status !== 'pending') return fail('not-pending')
  return succeed({
    order: { ...order, shippingAddress: { ...address } },
    changedItems: [],
    newPayments: [],
    giftCardAdjustments: [],
    event: {
      type: 'order.address-changed',
      payload: { orderNumber: order.number, from: order.shippingAddress, to: address },
    },
  })
}
