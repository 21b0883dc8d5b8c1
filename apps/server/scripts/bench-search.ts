/**
 * Search benchmark: builds a synthetic catalog of 100,000 variants (20,000 products × 5 variants,
 * names and descriptions in en, zh-Hant, zh-Hans and ms), indexes it with the MiniSearch adapter and
 * prints index time, index memory and per-query wall-clock latency (p50/p95/p99) for typo, Chinese,
 * prefix and filtered queries, plus the garbage collections that happened while measuring.
 * Run: `npm run bench:search [products] [queries per kind]` (defaults 20000 and 2500).
 */
import { cpus, loadavg } from 'node:os'
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { createMiniSearchProductSearch } from '../src/adapters/search-minisearch/index.ts'
import type { ProductSearchDocument, ProductSearchQuery } from '../src/domains/catalog/index.ts'

const productCount = Number(process.argv[2] ?? 20_000)
const queriesPerKind = Number(process.argv[3] ?? 2_500)
const variantsPerProduct = 5

/** Product kinds with names in four languages and a category. */
const kinds = [
  { en: 'Sneakers', hant: '運動鞋', hans: '运动鞋', ms: 'Kasut Sukan', category: 'sneakers' },
  {
    en: 'Running Shoes',
    hant: '跑鞋',
    hans: '跑鞋',
    ms: 'Kasut Larian',
    category: 'running-shoes',
  },
  { en: 'Hiking Boots', hant: '登山靴', hans: '登山靴', ms: 'But Mendaki', category: 'boots' },
  { en: 'Jacket', hant: '夾克', hans: '夹克', ms: 'Jaket', category: 'jackets' },
  { en: 'T-Shirt', hant: 'T恤', hans: 'T恤', ms: 'Baju-T', category: 'tops' },
  { en: 'Dress', hant: '洋裝', hans: '连衣裙', ms: 'Gaun', category: 'dresses' },
  { en: 'Headphones', hant: '耳機', hans: '耳机', ms: 'Fon Kepala', category: 'audio' },
  { en: 'Backpack', hant: '背包', hans: '背包', ms: 'Beg Galas', category: 'bags' },
  { en: 'Coffee Maker', hant: '咖啡機', hans: '咖啡机', ms: 'Pembuat Kopi', category: 'kitchen' },
  { en: 'Water Bottle', hant: '水壺', hans: '水壶', ms: 'Botol Air', category: 'sports' },
  { en: 'Desk Lamp', hant: '檯燈', hans: '台灯', ms: 'Lampu Meja', category: 'home' },
  {
    en: 'Smart Watch',
    hant: '智慧手錶',
    hans: '智能手表',
    ms: 'Jam Pintar',
    category: 'wearables',
  },
] as const
const adjectives = [
  { en: 'Urban', hant: '都市', hans: '都市', ms: 'Bandar' },
  { en: 'Classic', hant: '經典', hans: '经典', ms: 'Klasik' },
  { en: 'Lightweight', hant: '輕量', hans: '轻量', ms: 'Ringan' },
  { en: 'Waterproof', hant: '防水', hans: '防水', ms: 'Kalis Air' },
  { en: 'Premium', hant: '高級', hans: '高级', ms: 'Premium' },
  { en: 'Compact', hant: '小巧', hans: '小巧', ms: 'Padat' },
  { en: 'Breathable', hant: '透氣', hans: '透气', ms: 'Bernafas' },
  { en: 'Wireless', hant: '無線', hans: '无线', ms: 'Tanpa Wayar' },
] as const
const brands = [
  'Kedai Studio',
  'Stride',
  'TrailGrip',
  'Pulse',
  'Nordik',
  'Harbour',
  'Lumen',
  'Orchid',
]
const colors = ['black', 'white', 'navy', 'red', 'olive', 'grey', 'teal', 'sage']
const sizes = ['XS', 'S', 'M', 'L', 'XL', '6', '7', '8', '9', '10']
const materials = ['cotton', 'leather', 'mesh', 'canvas', 'linen', 'nylon']

/** A small deterministic pseudo-random generator, so every run indexes the same catalog. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0
    return state / 2 ** 32
  }
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) throw new Error('empty list')
  return item
}

function buildCatalog(count: number): ProductSearchDocument[] {
  const random = createRandom(42)
  const documents: ProductSearchDocument[] = []
  for (let index = 0; index < count; index += 1) {
    const kind = pick(kinds, random)
    const adjective = pick(adjectives, random)
    const brand = pick(brands, random)
    const material = pick(materials, random)
    const basePrice = 1_000 + Math.floor(random() * 80_000)
    documents.push({
      productId: `prd_${index.toString().padStart(6, '0')}`,
      categoryKeys: [kind.category],
      name: {
        en: `${brand} ${adjective.en} ${kind.en}`,
        'zh-Hant': `${brand} ${adjective.hant}${kind.hant}`,
        'zh-Hans': `${brand} ${adjective.hans}${kind.hans}`,
        ms: `${kind.ms} ${adjective.ms} ${brand}`,
      },
      description: {
        en: `${adjective.en} ${kind.en.toLowerCase()} in ${material}, made for everyday comfort and easy care.`,
        'zh-Hant': `${material}材質的${adjective.hant}${kind.hant}，日常舒適，容易保養。`,
        'zh-Hans': `${material}材质的${adjective.hans}${kind.hans}，日常舒适，容易保养。`,
        ms: `${kind.ms} ${adjective.ms.toLowerCase()} daripada ${material}, selesa untuk setiap hari.`,
      },
      tags: [kind.en.toLowerCase(), kind.hant, kind.hans, kind.ms.toLowerCase()],
      brand,
      categoryNames: [kind.en, kind.hant, kind.hans, kind.ms],
      variants: Array.from({ length: variantsPerProduct }, (_, variantIndex) => ({
        variantId: `var_${index}_${variantIndex}`,
        options: { color: pick(colors, random), size: pick(sizes, random), material },
        priceAmount: basePrice + variantIndex * 500,
        inStock: random() > 0.25,
      })),
    })
  }
  return documents
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0
  const position = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)
  return sorted[Math.max(0, position)] ?? 0
}

const querySets: Record<string, Omit<ProductSearchQuery, 'offset' | 'limit'>[]> = {
  typo: [
    { text: 'snekers' },
    { text: 'jakcet' },
    { text: 'hedphones' },
    { text: 'bakcpack' },
    { text: 'waterprof boots' },
    { text: 'lightwieght dress' },
    { text: 'cofee maker' },
    { text: 'kasut sukn' },
  ],
  chinese: [
    { text: '運動鞋' },
    { text: '运动鞋' },
    { text: '耳機' },
    { text: '防水登山靴' },
    { text: '輕量夾克' },
    { text: '咖啡机' },
    { text: '智慧手錶' },
    { text: '透气连衣裙' },
  ],
  // The shopper still typing: the last word is matched as a prefix of longer words.
  prefix: [
    { text: 'sne' },
    { text: 'wireless he' },
    { text: 'kasut la' },
    { text: 'ba' },
    { text: 'premium ja' },
    { text: 'cof' },
  ],
  filtered: [
    { text: 'sneakers', categoryKeys: ['sneakers'], priceMaxAmount: 30_000, inStockOnly: true },
    { text: 'jacket', options: { color: ['black', 'navy'] }, inStockOnly: true },
    { categoryKeys: ['audio'], priceMinAmount: 10_000, priceMaxAmount: 40_000 },
    { text: '耳机', options: { color: ['white'] }, priceMaxAmount: 50_000 },
    { categoryKeys: ['tops', 'dresses'], options: { size: ['M'] }, inStockOnly: true },
    { text: 'waterproof', categoryKeys: ['boots'], options: { material: ['leather'] } },
  ],
}

/** Node's `gc()` without restarting under `--expose-gc`, to measure retained memory. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  gc()
  gc()
}

function megabytes(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(0)
}

function formatLoad(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')
}

/** One query of the measured sequence, built before measuring so the loop allocates nothing. */
interface PlannedQuery {
  readonly kind: string
  readonly position: number
  readonly query: ProductSearchQuery
}

async function main(): Promise<void> {
  const startedBuild = performance.now()
  const documents = buildCatalog(productCount)
  const buildMs = performance.now() - startedBuild
  const search = createMiniSearchProductSearch()
  collectGarbage()
  const before = process.memoryUsage()
  const startedIndex = performance.now()
  await search.replaceAll(documents)
  const indexMs = performance.now() - startedIndex
  collectGarbage()
  const after = process.memoryUsage()
  const variantCount = documents.reduce((sum, document) => sum + document.variants.length, 0)
  console.log(
    `catalog: ${documents.length} products, ${variantCount} variants (generated in ${buildMs.toFixed(0)} ms)`,
  )
  console.log(
    `index: ${(indexMs / 1000).toFixed(2)} s; heap used ${megabytes(before.heapUsed)} → ${megabytes(after.heapUsed)} MB (index ${megabytes(after.heapUsed - before.heapUsed)} MB), RSS ${megabytes(before.rss)} → ${megabytes(after.rss)} MB`,
  )

  // Interleave the kinds, so a collection or a busy neighbour hits every kind alike.
  const kinds = Object.entries(querySets)
  const plan: PlannedQuery[] = []
  for (let round = 0; plan.length < queriesPerKind * kinds.length; round += 1) {
    for (const [kind, queries] of kinds) {
      const position = round % queries.length
      const query = queries[position] ?? {}
      plan.push({ kind, position, query: { ...query, offset: 0, limit: 20 } })
    }
  }
  // Warm up the JIT and the converter caches before measuring.
  for (const { query } of plan.slice(0, 2_000)) await search.search(query)

  const wallMs = new Float64Array(plan.length)
  const cpuMs = new Float64Array(plan.length)
  const totals = new Float64Array(plan.length)
  const collections: PerformanceEntry[] = []
  const observer = new PerformanceObserver((list) => collections.push(...list.getEntries()))
  observer.observe({ entryTypes: ['gc'] })
  console.log(
    `queries: ${queriesPerKind} per kind, interleaved, first page of 20 (after ${Math.min(2_000, plan.length)} warm-up queries)`,
  )
  console.log(
    `load average at start: ${formatLoad()} on ${cpus().length} cores, node ${process.version}`,
  )
  const startedQueries = process.hrtime.bigint()
  for (const [index, { query }] of plan.entries()) {
    const cpuStarted = process.cpuUsage()
    const started = process.hrtime.bigint()
    const result = await search.search(query)
    const ended = process.hrtime.bigint()
    const cpu = process.cpuUsage(cpuStarted)
    wallMs[index] = Number(ended - started) / 1e6
    cpuMs[index] = (cpu.user + cpu.system) / 1000
    totals[index] = result.total
  }
  const queriesMs = Number(process.hrtime.bigint() - startedQueries) / 1e6
  await new Promise((done) => setTimeout(done, 10))
  collections.push(...observer.takeRecords())
  observer.disconnect()
  console.log(`load average at end:   ${formatLoad()}`)
  const gcMs = collections.reduce((sum, entry) => sum + entry.duration, 0)
  const longestGcMs = collections.reduce((most, entry) => Math.max(most, entry.duration), 0)
  console.log(
    `garbage collection while measuring: ${collections.length} collections, ${gcMs.toFixed(1)} ms in all (longest ${longestGcMs.toFixed(2)} ms) over ${(queriesMs / 1000).toFixed(2)} s of queries`,
  )

  console.log(
    'kind       count   min ms   p50 ms   p95 ms   p99 ms   max ms   avg hits | CPU p50   p95   p99 ms',
  )
  const perQuery: string[] = []
  for (const [kind, queries] of kinds) {
    const chosen = plan.flatMap((entry, index) => (entry.kind === kind ? [index] : []))
    const timings = chosen.map((index) => wallMs[index] ?? 0).sort((left, right) => left - right)
    const cpuTimings = chosen.map((index) => cpuMs[index] ?? 0).sort((left, right) => left - right)
    const hits = chosen.reduce((sum, index) => sum + (totals[index] ?? 0), 0)
    console.log(
      `${kind.padEnd(10)} ${String(timings.length).padStart(5)} ${(timings[0] ?? 0).toFixed(2).padStart(8)} ${percentile(timings, 0.5).toFixed(2).padStart(8)} ${percentile(timings, 0.95).toFixed(2).padStart(8)} ${percentile(timings, 0.99).toFixed(2).padStart(8)} ${(timings.at(-1) ?? 0).toFixed(2).padStart(8)} ${(hits / Math.max(1, timings.length)).toFixed(0).padStart(10)} | ${percentile(cpuTimings, 0.5).toFixed(2).padStart(7)} ${percentile(cpuTimings, 0.95).toFixed(2).padStart(5)} ${percentile(cpuTimings, 0.99).toFixed(2).padStart(5)}`,
    )
    for (const [position, query] of queries.entries()) {
      const own = chosen
        .filter((index) => plan[index]?.position === position)
        .map((index) => wallMs[index] ?? 0)
        .sort((left, right) => left - right)
      const total = totals[chosen.find((index) => plan[index]?.position === position) ?? 0] ?? 0
      perQuery.push(
        `  ${kind.padEnd(9)} ${JSON.stringify(query)}: ${total} found, p50 ${percentile(own, 0.5).toFixed(3)} ms, p95 ${percentile(own, 0.95).toFixed(3)} ms`,
      )
    }
  }
  console.log('per query (wall clock):')
  for (const line of perQuery) console.log(line)
}

await main()
