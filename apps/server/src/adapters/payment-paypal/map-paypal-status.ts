import type { PaymentStatus } from '../../domains/payments/index.ts'
import type { PaypalOrder } from './paypal-api.ts'

/** Our status for a PayPal order's status. An approved order waits for our capture call. */
export function mapPaypalOrderStatus(status: PaypalOrder['status']): PaymentStatus {
  switch (status) {
    case 'CREATED':
    case 'SAVED':
    case 'PAYER_ACTION_REQUIRED':
      return 'requires-action'
    case 'APPROVED':
      return 'authorized'
    case 'COMPLETED':
      return 'captured'
    case 'VOIDED':
      return 'canceled'
  }
}

/** The link the buyer approves the order at. */
export function findApprovalLink(order: PaypalOrder): string | undefined {
  return order.links.find((link) => link.rel === 'approve' || link.rel === 'payer-action')?.href
}

/** Our refund status for a PayPal refund's `status` (`PENDING` waits; `CANCELLED`, `FAILED` fail). */
export function mapPaypalRefundStatus(status: string): 'refunded' | 'pending' | 'failed' {
  if (status === 'COMPLETED') return 'refunded'
  if (status === 'PENDING') return 'pending'
  return 'failed'
}
