import type { LocationView } from '../../../domains/catalog/index.ts'
import type { Flow, FlowContext, FlowOutcome } from '../flow.ts'
import { isSameOptionValue, readEntity, resolveProductId } from './resolve-product.ts'

const hoursQuestion =
  /\b(open|opens|opening|close|closes|closing|hours?|buka|tutup|jam|waktu)\b|營業|营业|幾點|几点|開門|开门|關門|关门|時間|时间/i

const hanRun = /\p{Script=Han}{2,}/gu

/** Two-character pieces of a store's Chinese name ("檳城葛尼廣場店" → 葛尼, 尼廣 …), without 店. */
function chineseNamePieces(name: string): string[] {
  const pieces: string[] = []
  for (const run of name.replace(/店/g, ' ').match(hanRun) ?? []) {
    for (let index = 0; index + 2 <= run.length; index += 1)
      pieces.push(run.slice(index, index + 2))
  }
  return pieces
}

/**
 * The store the shopper named ("at Mid Valley", "葛尼店"), matched against the live locations: the
 * recognizer's store entity against the location codes and names, else a piece of a store's
 * Chinese name written in the message.
 */
function findNamedStore(
  context: FlowContext,
  stores: readonly LocationView[],
): LocationView | undefined {
  const entity = context.recognition.entities.find((candidate) => candidate.type === 'store')
  if (entity !== undefined) {
    const words = [entity.resolvedId, entity.value]
      .filter((value): value is string => typeof value === 'string')
      .map((value) => value.replace(/^store-/, '').toLowerCase())
    const text = entity.text.toLowerCase()
    const found = stores.find(
      (store) =>
        words.some((word) => word.length > 1 && store.code.includes(word)) ||
        store.name.toLowerCase().includes(text),
    )
    if (found !== undefined) return found
  }
  return stores.find((store) =>
    chineseNamePieces(store.name).some((piece) => context.text.includes(piece)),
  )
}

/** Today's opening hours of a store in its own time zone (`10:00–22:00`), or undefined when closed. */
function hoursToday(store: LocationView, now: Date): string | undefined {
  const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: store.timezone })
    .format(now)
    .toLowerCase()
    .slice(0, 3)
  const hours = store.openingHours?.[weekday]
  return hours === null || hours === undefined ? undefined : `${hours[0]}–${hours[1]}`
}

function describeAddress(store: LocationView): string {
  return [store.address['line1'], store.address['city']].filter(Boolean).join(', ')
}

/**
 * In-store help: which store has a product (with its aisle), the stock of the store the shopper is
 * in (a kiosk) or names, and opening hours. Answers from the live stock of each physical store.
 */
export const storeAvailabilityFlow: Flow = {
  name: 'store-availability',
  intents: ['store_availability'],
  async complete(_slots, context): Promise<FlowOutcome> {
    const catalog = context.services.catalog
    if (catalog === undefined) return { replies: [{ key: 'not-yet-available' }] }
    const stores = (await catalog.listLocations(context.locale)).filter(
      (location) => location.kind === 'store',
    )
    const here = stores.find((store) => store.code === context.memory.locationCode)
    const named = findNamedStore(context, stores) ?? here
    const productId = hoursQuestion.test(context.text) ? undefined : await resolveProductId(context)
    const product =
      productId === undefined ? undefined : await catalog.getProduct(productId, context.locale)

    if (product === undefined) {
      if (named === undefined) {
        return {
          replies: [
            {
              key: 'store-list',
              values: {
                stores: stores
                  .map((store) => `${store.name} (${hoursToday(store, new Date()) ?? '—'})`)
                  .join('; '),
              },
            },
          ],
        }
      }
      const hours = hoursToday(named, new Date())
      return {
        replies: [
          hours === undefined
            ? { key: 'store-closed-today', values: { store: named.name } }
            : {
                key: 'store-hours',
                values: { store: named.name, hours, address: describeAddress(named) },
              },
        ],
      }
    }

    const size = readEntity(context, 'size')
    const color = readEntity(context, 'color')
    const variants = product.variants.filter(
      (variant) =>
        variant.isAvailable &&
        (size === undefined || isSameOptionValue(variant.options['size'], size)) &&
        (color === undefined || isSameOptionValue(variant.options['color'], color)),
    )
    const byStore = stores
      .map((store) => {
        const stock = variants.flatMap((variant) =>
          variant.stock.filter((level) => level.locationCode === store.code && level.available > 0),
        )
        return {
          store,
          units: stock.reduce((sum, level) => sum + level.available, 0),
          aisle: stock.find((level) => level.aisle !== null)?.aisle ?? null,
        }
      })
      .filter((entry) => entry.units > 0)
    const remember = { focus: { productId: product.id, name: product.name } }
    const describe = (entry: (typeof byStore)[number]) =>
      entry.aisle === null ? entry.store.name : `${entry.store.name} (${entry.aisle})`

    if (named !== undefined) {
      const there = byStore.find((entry) => entry.store.code === named.code)
      if (there !== undefined) {
        return {
          replies: [
            {
              key: 'store-stock-here',
              values: {
                product: product.name,
                store: named.name,
                aisle: there.aisle ?? '—',
                units: there.units,
              },
            },
          ],
          remember,
        }
      }
      const others = byStore.filter((entry) => entry.store.code !== named.code)
      return {
        replies: [
          others.length === 0
            ? { key: 'store-stock-none', values: { product: product.name } }
            : {
                key: 'store-stock-elsewhere',
                values: {
                  product: product.name,
                  store: named.name,
                  others: others.map(describe).join('; '),
                },
              },
        ],
        remember,
      }
    }
    return {
      replies: [
        byStore.length === 0
          ? { key: 'store-stock-none', values: { product: product.name } }
          : {
              key: 'store-stock-list',
              values: { product: product.name, stores: byStore.map(describe).join('; ') },
            },
      ],
      remember,
    }
  },
}
