export {
  advanceOrderLifecycle,
  defaultOrderLifecycleSchedule,
  type LifecycleReport,
  type OrderLifecycleSchedule,
} from './advance-order-lifecycle.ts'
