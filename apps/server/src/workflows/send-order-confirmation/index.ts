/** Order confirmation: reads the order and customer, sends through the notifications domain. */
export {
  createOrderConfirmationNotifier,
  sendOrderConfirmation,
  type OrderConfirmationDependencies,
} from './send-order-confirmation.ts'
