// Prints the raw and gzipped size of the embeddable widget (apps/widget/dist/widget.js) and checks
// the budget of 40 KB gzipped. Run `npm run build` first (or `npm start`, which builds it).
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync, brotliCompressSync } from 'node:zlib'

const root = resolve(import.meta.dirname, '..')
const file = join(root, 'apps/widget/dist/widget.js')
const budgetBytes = 40 * 1024

if (!existsSync(file)) {
  console.error(`No ${file}: run \`npm run build\` first.`)
  process.exit(1)
}
const body = readFileSync(file)
const gzipped = gzipSync(body, { level: 9 }).length
const brotli = brotliCompressSync(body).length
const kilobytes = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
console.log(`widget.js raw:     ${body.length} bytes (${kilobytes(body.length)})`)
console.log(`widget.js gzip -9: ${gzipped} bytes (${kilobytes(gzipped)})`)
console.log(`widget.js brotli:  ${brotli} bytes (${kilobytes(brotli)})`)
console.log(
  `budget:            ${kilobytes(budgetBytes)} gzipped — ${gzipped <= budgetBytes ? 'within budget' : 'OVER BUDGET'}`,
)
if (gzipped > budgetBytes) process.exit(1)
