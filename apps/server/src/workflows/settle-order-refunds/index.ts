export {
  createRefundSettlement,
  defaultRefundRetrySchedule,
  refundRetryDelayMs,
  type RefundRetrySchedule,
  type RefundSettlement,
  type RefundSettlementDependencies,
  type RefundSettlementReport,
} from './settle-order-refunds.ts'
