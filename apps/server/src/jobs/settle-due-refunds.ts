import type { RefundSettlement } from '../workflows/settle-order-refunds/index.ts'

/**
 * Every `intervalMs` (default one minute), sends the refunds (and price-difference charges) that
 * are due to their payment provider: never tried, or whose provider did not answer and whose retry time came (see
 * `defaultRefundRetrySchedule`). A pass never overlaps the previous one. Returns the function that
 * stops the job.
 */
export function startDueRefundSettlement(options: {
  readonly settlement: Pick<RefundSettlement, 'settleDue'>
  readonly intervalMs?: number | undefined
  readonly onError: (error: unknown) => void
}): () => void {
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    options.settlement
      .settleDue()
      .catch(options.onError)
      .finally(() => {
        running = false
      })
  }, options.intervalMs ?? 60_000)
  timer.unref()
  return () => clearInterval(timer)
}
