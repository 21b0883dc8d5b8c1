import { sql } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { Clock } from '../../shared/clock.ts'
import type { EventBus } from '../../shared/event-bus.ts'
import type { IdGenerator } from '../../shared/ids.ts'
import { fail, succeed, type Result } from '../../shared/result.ts'
import { inventoryEventTypes } from './inventory-events.ts'

/** States of a stock reservation. */
export const reservationStatuses = ['held', 'committed', 'released', 'expired'] as const

/** One of {@link reservationStatuses}. */
export type ReservationStatus = (typeof reservationStatuses)[number]

/** Units of one variant wanted by a checkout. */
export interface StockRequest {
  readonly variantId: string
  readonly quantity: number
}

/** Units held for a checkout at one location until `expiresAt`. */
export interface Reservation {
  readonly id: string
  readonly reference: string
  readonly variantId: string
  readonly locationId: string
  readonly quantity: number
  readonly status: ReservationStatus
  readonly expiresAt: string
}

/** Stock of a variant at one location. `available` is `onHand - reserved`. */
export interface StockLevel {
  readonly variantId: string
  readonly locationId: string
  readonly locationCode: string
  readonly locationKind: string
  readonly onHand: number
  readonly reserved: number
  readonly available: number
}

/** Why {@link InventoryService.reserve} refused: `available` is what the serving locations can give. */
export type ReserveFailure = {
  readonly variantId: string
  readonly requested: number
  readonly available: number
}

/** How inventory behaves: how long a checkout holds stock and which locations serve online orders. */
export interface InventoryConfiguration {
  /** Minutes a reservation holds stock before it expires (default 15). */
  readonly reservationMinutes: number
  /**
   * Location kinds or codes that serve online orders, tried in this order for each line (default
   * `['warehouse']`: the online warehouse first and only).
   */
  readonly onlineLocationPriority: readonly string[]
}

/** The default {@link InventoryConfiguration}. */
export const defaultInventoryConfiguration: InventoryConfiguration = {
  reservationMinutes: 15,
  onlineLocationPriority: ['warehouse'],
}

/** Stock per variant per location, reservations for checkouts, restocks. */
export interface InventoryService {
  /** Stock levels of the given variants at every location. */
  getStockLevels(variantIds: readonly string[]): Promise<StockLevel[]>
  /**
   * Holds stock for every request under `reference` (all or nothing), from the online locations in
   * priority order. Can never oversell: each hold is a conditional update `on_hand - reserved >= qty`.
   * Expires stale reservations first. Idempotent: when `reference` already holds stock, those
   * reservations are returned. Fails with `out-of-stock` naming the first short variant, or
   * `invalid-quantity`.
   */
  reserve(
    reference: string,
    requests: readonly StockRequest[],
  ): Promise<Result<Reservation[], 'out-of-stock' | 'invalid-quantity', Partial<ReserveFailure>>>
  /** Gives back every held unit of `reference`; returns how many reservations were released. */
  release(reference: string): Promise<number>
  /**
   * Turns `reference`'s held reservations into sold stock (on hand and reserved both go down). Fails
   * with `not-held` when there is nothing held (it expired or was released) and changes nothing.
   */
  commit(reference: string): Promise<Result<Reservation[], 'not-held'>>
  /** Undoes {@link commit} for `reference` (units return on hand), when a later step failed. */
  revertCommit(reference: string): Promise<number>
  /** Expires every held reservation past its time; returns how many. Called by a job and lazily. */
  expireStaleReservations(): Promise<number>
  /** Reservations of a reference, in creation order. */
  listReservations(reference: string): Promise<Reservation[]>
  /**
   * Adds units at a location (creating the stock row when missing) and publishes
   * `inventory.restocked`. Throws on a non-positive quantity or unknown variant/location.
   */
  restock(input: { variantId: string; locationId: string; quantity: number }): Promise<StockLevel>
}

/** What {@link createInventoryService} needs. */
export interface InventoryServiceDependencies {
  readonly db: Db
  readonly clock: Clock
  readonly eventBus: EventBus
  readonly createId: IdGenerator
  readonly configuration?: Partial<InventoryConfiguration>
}

interface ReservationRow {
  id: string
  reference: string
  variant_id: string
  location_id: string
  quantity: number
  status: string
  expires_at: string
}

function mapReservation(row: ReservationRow): Reservation {
  return {
    id: row.id,
    reference: row.reference,
    variantId: row.variant_id,
    locationId: row.location_id,
    quantity: Number(row.quantity),
    status: row.status as ReservationStatus,
    expiresAt: row.expires_at,
  }
}

/** Signals a rollback of the reservation transaction with the failure to return. */
class ReserveRollback extends Error {
  constructor(readonly failure: ReserveFailure) {
    super('out of stock')
  }
}

/** Creates the {@link InventoryService} over the `stock_levels` and `stock_reservations` tables. */
export function createInventoryService(
  dependencies: InventoryServiceDependencies,
): InventoryService {
  const { db, clock, eventBus, createId } = dependencies
  const configuration = { ...defaultInventoryConfiguration, ...dependencies.configuration }

  async function servingLocations(): Promise<{ id: string; code: string; kind: string }[]> {
    const rows = await db.selectFrom('locations').select(['id', 'code', 'kind']).execute()
    const rank = (row: { code: string; kind: string }): number => {
      const byCode = configuration.onlineLocationPriority.indexOf(row.code)
      if (byCode >= 0) return byCode
      const byKind = configuration.onlineLocationPriority.indexOf(row.kind)
      return byKind
    }
    return rows
      .filter((row) => rank(row) >= 0)
      .sort((left, right) => rank(left) - rank(right) || left.code.localeCompare(right.code))
  }

  async function releaseWhere(
    reference: string | undefined,
    to: 'released' | 'expired',
  ): Promise<number> {
    const now = clock.now().toISOString()
    let query = db.selectFrom('stock_reservations').selectAll().where('status', '=', 'held')
    query =
      reference === undefined
        ? query.where('expires_at', '<=', now)
        : query.where('reference', '=', reference)
    const rows = await query.execute()
    let count = 0
    for (const row of rows) {
      const changed = await db.transaction().execute(async (transaction) => {
        // Claiming the row by its status first means two releasers never both give units back.
        const claimed = await transaction
          .updateTable('stock_reservations')
          .set({ status: to, updated_at: now })
          .where('id', '=', row.id)
          .where('status', '=', 'held')
          .executeTakeFirst()
        if (Number(claimed.numUpdatedRows) !== 1) return false
        await transaction
          .updateTable('stock_levels')
          .set({ reserved: sql<number>`reserved - ${Number(row.quantity)}`, updated_at: now })
          .where('variant_id', '=', row.variant_id)
          .where('location_id', '=', row.location_id)
          .execute()
        return true
      })
      if (changed) count += 1
    }
    return count
  }

  async function readLevel(variantId: string, locationId: string): Promise<StockLevel | undefined> {
    const levels = await service.getStockLevels([variantId])
    return levels.find((level) => level.locationId === locationId)
  }

  const service: InventoryService = {
    async getStockLevels(variantIds) {
      if (variantIds.length === 0) return []
      const rows = await db
        .selectFrom('stock_levels')
        .innerJoin('locations', 'locations.id', 'stock_levels.location_id')
        .select([
          'stock_levels.variant_id',
          'stock_levels.location_id',
          'stock_levels.on_hand',
          'stock_levels.reserved',
          'locations.code',
          'locations.kind',
        ])
        .where('stock_levels.variant_id', 'in', [...variantIds])
        .orderBy('locations.code')
        .execute()
      return rows.map((row) => ({
        variantId: row.variant_id,
        locationId: row.location_id,
        locationCode: row.code,
        locationKind: row.kind,
        onHand: Number(row.on_hand),
        reserved: Number(row.reserved),
        available: Number(row.on_hand) - Number(row.reserved),
      }))
    },

    async reserve(reference, requests) {
      for (const request of requests) {
        if (!Number.isSafeInteger(request.quantity) || request.quantity < 1) {
          return fail('invalid-quantity', {
            variantId: request.variantId,
            requested: request.quantity,
          })
        }
      }
      await service.expireStaleReservations()
      const alreadyHeld = (await service.listReservations(reference)).filter(
        (reservation) => reservation.status === 'held',
      )
      if (alreadyHeld.length > 0) return succeed(alreadyHeld)
      const locations = await servingLocations()
      const now = clock.now()
      const expiresAt = new Date(
        now.getTime() + configuration.reservationMinutes * 60_000,
      ).toISOString()
      const merged = new Map<string, number>()
      for (const request of requests) {
        merged.set(request.variantId, (merged.get(request.variantId) ?? 0) + request.quantity)
      }
      try {
        const reservations = await db.transaction().execute(async (transaction) => {
          const held: Reservation[] = []
          // A fixed order (by variant id) means two checkouts never lock the same rows in opposite orders.
          for (const [variantId, quantity] of [...merged].sort(([left], [right]) =>
            left.localeCompare(right),
          )) {
            let placed = false
            for (const location of locations) {
              const updated = await transaction
                .updateTable('stock_levels')
                .set({
                  reserved: sql<number>`reserved + ${quantity}`,
                  updated_at: now.toISOString(),
                })
                .where('variant_id', '=', variantId)
                .where('location_id', '=', location.id)
                .where(sql<boolean>`on_hand - reserved >= ${quantity}`)
                .executeTakeFirst()
              if (Number(updated.numUpdatedRows) !== 1) continue
              const reservation: Reservation = {
                id: createId('rsv'),
                reference,
                variantId,
                locationId: location.id,
                quantity,
                status: 'held',
                expiresAt,
              }
              await transaction
                .insertInto('stock_reservations')
                .values({
                  id: reservation.id,
                  reference,
                  variant_id: variantId,
                  location_id: location.id,
                  quantity,
                  status: 'held',
                  expires_at: expiresAt,
                  created_at: now.toISOString(),
                  updated_at: now.toISOString(),
                })
                .execute()
              held.push(reservation)
              placed = true
              break
            }
            if (!placed) {
              const levels = await transaction
                .selectFrom('stock_levels')
                .select(['location_id', 'on_hand', 'reserved'])
                .where('variant_id', '=', variantId)
                .execute()
              const servingIds = new Set(locations.map((location) => location.id))
              const available = Math.max(
                0,
                ...levels
                  .filter((level) => servingIds.has(level.location_id))
                  .map((level) => Number(level.on_hand) - Number(level.reserved)),
              )
              throw new ReserveRollback({ variantId, requested: quantity, available })
            }
          }
          return held
        })
        return succeed(reservations)
      } catch (error) {
        if (error instanceof ReserveRollback) return fail('out-of-stock', error.failure)
        throw error
      }
    },

    release: (reference) => releaseWhere(reference, 'released'),

    expireStaleReservations: () => releaseWhere(undefined, 'expired'),

    async commit(reference) {
      const now = clock.now().toISOString()
      const committed = await db.transaction().execute(async (transaction) => {
        const rows = await transaction
          .selectFrom('stock_reservations')
          .selectAll()
          .where('reference', '=', reference)
          .where('status', '=', 'held')
          .orderBy('variant_id')
          .orderBy('location_id')
          .execute()
        const done: Reservation[] = []
        for (const row of rows) {
          const claimed = await transaction
            .updateTable('stock_reservations')
            .set({ status: 'committed', updated_at: now })
            .where('id', '=', row.id)
            .where('status', '=', 'held')
            .executeTakeFirst()
          if (Number(claimed.numUpdatedRows) !== 1) continue
          const quantity = Number(row.quantity)
          await transaction
            .updateTable('stock_levels')
            .set({
              on_hand: sql<number>`on_hand - ${quantity}`,
              reserved: sql<number>`reserved - ${quantity}`,
              updated_at: now,
            })
            .where('variant_id', '=', row.variant_id)
            .where('location_id', '=', row.location_id)
            .execute()
          done.push(mapReservation({ ...row, status: 'committed' }))
        }
        return done
      })
      if (committed.length === 0) return fail('not-held')
      await eventBus.publish({
        type: inventoryEventTypes.committed,
        aggregateId: reference,
        payload: {
          variantIds: [...new Set(committed.map((reservation) => reservation.variantId))],
        },
      })
      return succeed(committed)
    },

    async revertCommit(reference) {
      const now = clock.now().toISOString()
      const rows = await db
        .selectFrom('stock_reservations')
        .selectAll()
        .where('reference', '=', reference)
        .where('status', '=', 'committed')
        .execute()
      let count = 0
      for (const row of rows) {
        const changed = await db.transaction().execute(async (transaction) => {
          const claimed = await transaction
            .updateTable('stock_reservations')
            .set({ status: 'released', updated_at: now })
            .where('id', '=', row.id)
            .where('status', '=', 'committed')
            .executeTakeFirst()
          if (Number(claimed.numUpdatedRows) !== 1) return false
          await transaction
            .updateTable('stock_levels')
            .set({ on_hand: sql<number>`on_hand + ${Number(row.quantity)}`, updated_at: now })
            .where('variant_id', '=', row.variant_id)
            .where('location_id', '=', row.location_id)
            .execute()
          return true
        })
        if (changed) count += 1
      }
      return count
    },

    async listReservations(reference) {
      const rows = await db
        .selectFrom('stock_reservations')
        .selectAll()
        .where('reference', '=', reference)
        .orderBy('id')
        .execute()
      return rows.map(mapReservation)
    },

    async restock({ variantId, locationId, quantity }) {
      if (!Number.isSafeInteger(quantity) || quantity < 1) {
        throw new RangeError(`restock quantity must be a positive integer, got ${quantity}`)
      }
      const now = clock.now().toISOString()
      const before = await readLevel(variantId, locationId)
      if (before === undefined) {
        await db
          .insertInto('stock_levels')
          .values({
            variant_id: variantId,
            location_id: locationId,
            on_hand: quantity,
            reserved: 0,
            aisle: null,
            updated_at: now,
          })
          .execute()
      } else {
        await db
          .updateTable('stock_levels')
          .set({ on_hand: sql<number>`on_hand + ${quantity}`, updated_at: now })
          .where('variant_id', '=', variantId)
          .where('location_id', '=', locationId)
          .execute()
      }
      const after = await readLevel(variantId, locationId)
      if (after === undefined)
        throw new Error(`stock row for ${variantId} at ${locationId} vanished`)
      await eventBus.publish({
        type: inventoryEventTypes.restocked,
        aggregateId: variantId,
        payload: {
          variantId,
          locationId,
          locationCode: after.locationCode,
          quantity,
          availableBefore: before?.available ?? 0,
          availableAfter: after.available,
        },
      })
      return after
    },
  }
  return service
}
