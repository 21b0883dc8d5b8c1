export {
  isGiftCard,
  type Customer,
  type CustomerAddress,
  type CustomerProfile,
  type SavedPaymentMethod,
} from './customer.ts'
export {
  createCustomerService,
  type CustomerService,
  type CustomerServiceDependencies,
  type NewSavedCard,
  type PersonalDataExport,
} from './customer-service.ts'
export {
  findChargeablePaymentMethod,
  type ChargeablePaymentMethod,
} from './chargeable-payment-method.ts'
export { foldForMatch } from './fold-for-match.ts'
