export {
  createInventoryService,
  defaultInventoryConfiguration,
  reservationStatuses,
  type InventoryConfiguration,
  type InventoryService,
  type InventoryServiceDependencies,
  type Reservation,
  type ReservationStatus,
  type ReserveFailure,
  type StockLevel,
  type StockRequest,
} from './inventory-service.ts'
export { inventoryEventTypes } from './inventory-events.ts'
