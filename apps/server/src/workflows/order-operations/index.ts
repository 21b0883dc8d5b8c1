export {
  createOrderOperations,
  type OrderAccess,
  type OrderLookupRefusal,
  type OrderOperationResult,
  type OrderOperations,
  type OrderOperationsDependencies,
} from './order-operations.ts'
export { runInTransaction } from './run-in-transaction.ts'
