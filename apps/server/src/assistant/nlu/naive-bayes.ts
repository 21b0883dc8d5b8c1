import { featureSpaceSize } from './extract-features.ts'
import type { FeatureVector } from './extract-features.ts'
import type { LabelledFeatures } from './linear-model.ts'

/**
 * A multinomial naive Bayes model over the same hashed features as the linear model: per-class
 * log-probabilities of each feature (Laplace-smoothed) and log priors. It reads rare, telling
 * words better than the discriminative model and is combined with it (see `createRecognizer`).
 */
export interface NaiveBayesModel {
  readonly classCount: number
  /** Feature-major `logLikelihoods[feature * classCount + class]`. */
  readonly logLikelihoods: Float32Array
  readonly logPriors: Float32Array
}

/**
 * Counts features per class in one pass and turns them into smoothed log-probabilities. The small
 * default smoothing lets a feature never seen with a class count strongly against it.
 */
export function trainNaiveBayes(
  examples: readonly LabelledFeatures[],
  classCount: number,
  smoothing = 0.001,
): NaiveBayesModel {
  const counts = new Float32Array(featureSpaceSize * classCount)
  const totals = new Float64Array(classCount)
  const classExamples = new Float64Array(classCount)
  for (const example of examples) {
    classExamples[example.label] = (classExamples[example.label] ?? 0) + 1
    for (const feature of example.features.indices) {
      const offset = feature * classCount + example.label
      counts[offset] = (counts[offset] ?? 0) + 1
      totals[example.label] = (totals[example.label] ?? 0) + 1
    }
  }
  const logLikelihoods = new Float32Array(featureSpaceSize * classCount)
  const denominators = Float64Array.from(totals, (total) =>
    Math.log(total + smoothing * featureSpaceSize),
  )
  for (let feature = 0; feature < featureSpaceSize; feature += 1) {
    for (let label = 0; label < classCount; label += 1) {
      const offset = feature * classCount + label
      logLikelihoods[offset] =
        Math.log((counts[offset] ?? 0) + smoothing) - (denominators[label] ?? 0)
    }
  }
  // Uniform priors: the training mix of intents says little about what shoppers will ask.
  const logPriors = new Float32Array(classCount).fill(-Math.log(classCount))
  return { classCount, logLikelihoods, logPriors }
}

/**
 * Adds `weight` times the naive Bayes scores, centred per message so only the differences between
 * classes count, to `scores`.
 */
export function addNaiveBayesScores(
  model: NaiveBayesModel,
  features: FeatureVector,
  scores: Float64Array,
  weight: number,
): void {
  const { classCount, logLikelihoods, logPriors } = model
  const own = new Float64Array(classCount)
  for (let label = 0; label < classCount; label += 1) own[label] = logPriors[label] ?? 0
  for (const feature of features.indices) {
    const offset = feature * classCount
    for (let label = 0; label < classCount; label += 1) {
      own[label] = (own[label] ?? 0) + (logLikelihoods[offset + label] ?? 0)
    }
  }
  let mean = 0
  for (const value of own) mean += value
  mean /= classCount
  const scale = features.indices.length === 0 ? 0 : weight / features.indices.length
  for (let label = 0; label < classCount; label += 1) {
    scores[label] = (scores[label] ?? 0) + ((own[label] ?? 0) - mean) * scale
  }
}
