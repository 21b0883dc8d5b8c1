/** What similarity looks at for one product. */
export interface SimilarityCandidate {
  readonly productId: string
  readonly categoryKey: string | null
  /** Every option value of its variants, lower-cased, as `name=value`. */
  readonly optionPairs: ReadonlySet<string>
  /** Lowest variant price (minor units). */
  readonly priceAmount: number
  readonly inStock: boolean
}

/**
 * Orders candidates by how well they replace `target` (for the out-of-stock path): in-stock first,
 * then same category, then most shared option values, then closest price. Excludes the target.
 */
export function rankSimilarProducts(
  target: SimilarityCandidate,
  candidates: readonly SimilarityCandidate[],
  limit: number,
): SimilarityCandidate[] {
  const scored = candidates
    .filter((candidate) => candidate.productId !== target.productId)
    .map((candidate) => {
      let shared = 0
      for (const pair of candidate.optionPairs) if (target.optionPairs.has(pair)) shared += 1
      const overlap =
        shared / Math.max(1, Math.min(target.optionPairs.size, candidate.optionPairs.size))
      const priceDistance =
        Math.abs(candidate.priceAmount - target.priceAmount) / Math.max(1, target.priceAmount)
      return {
        candidate,
        sameCategory:
          candidate.categoryKey !== null && candidate.categoryKey === target.categoryKey,
        score: overlap - Math.min(priceDistance, 1),
      }
    })
  scored.sort(
    (left, right) =>
      Number(right.candidate.inStock) - Number(left.candidate.inStock) ||
      Number(right.sameCategory) - Number(left.sameCategory) ||
      right.score - left.score ||
      left.candidate.productId.localeCompare(right.candidate.productId),
  )
  return scored.slice(0, limit).map((entry) => entry.candidate)
}
