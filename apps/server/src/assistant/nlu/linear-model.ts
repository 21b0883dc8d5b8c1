import { featureSpaceSize } from './extract-features.ts'
import type { FeatureVector } from './extract-features.ts'

/**
 * A multinomial logistic-regression model over hashed features. Weights are feature-major
 * (`weights[feature * classCount + class]`) so one feature's class weights sit together in memory.
 */
export interface LinearModel {
  readonly classCount: number
  readonly weights: Float32Array
  readonly bias: Float32Array
}

/** One training example: its features and the index of its class. */
export interface LabelledFeatures {
  readonly features: FeatureVector
  readonly label: number
}

/** How {@link trainLinearModel} trains; every field has a tested default. */
export interface TrainingOptions {
  readonly classCount: number
  readonly epochs?: number
  readonly learningRate?: number
  readonly seed?: number
  /** Per-class loss weights (to keep small classes heard next to large ones); default 1. */
  readonly classWeights?: Float32Array
}

/** A small deterministic PRNG (mulberry32), so shuffling and thus training are reproducible. */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = state
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
}

/** Writes the model's raw class scores (logits) for `features` into `scores`. */
export function scoreLinearModel(
  model: LinearModel,
  features: FeatureVector,
  scores: Float64Array,
): void {
  const { classCount, weights, bias } = model
  for (let label = 0; label < classCount; label += 1) scores[label] = bias[label] ?? 0
  const value = features.value
  for (const index of features.indices) {
    const offset = index * classCount
    for (let label = 0; label < classCount; label += 1) {
      scores[label] = (scores[label] ?? 0) + (weights[offset + label] ?? 0) * value
    }
  }
}

/** Turns logits into probabilities in place, dividing by `temperature` first. */
export function softmaxInPlace(scores: Float64Array, temperature = 1): void {
  let maximum = -Infinity
  for (const score of scores) maximum = Math.max(maximum, score / temperature)
  let total = 0
  for (let label = 0; label < scores.length; label += 1) {
    const exponent = Math.exp((scores[label] ?? 0) / temperature - maximum)
    scores[label] = exponent
    total += exponent
  }
  for (let label = 0; label < scores.length; label += 1)
    scores[label] = (scores[label] ?? 0) / total
}

/**
 * Trains a softmax regression with averaged stochastic gradient descent: a fixed number of
 * epochs over a seeded shuffle, so the same examples and options always give the same weights.
 */
export function trainLinearModel(
  examples: readonly LabelledFeatures[],
  options: TrainingOptions,
): LinearModel {
  const classCount = options.classCount
  const epochs = options.epochs ?? 12
  const learningRate = options.learningRate ?? 0.6
  const random = createSeededRandom(options.seed ?? 20261124)
  const weights = new Float32Array(featureSpaceSize * classCount)
  const bias = new Float32Array(classCount)
  // Averaging trick: keep the running sum of step-weighted updates and subtract it at the end.
  const weightUpdates = new Float32Array(featureSpaceSize * classCount)
  const biasUpdates = new Float32Array(classCount)
  const scores = new Float64Array(classCount)
  const order = examples.map((_, index) => index)
  let step = 1
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (let index = order.length - 1; index > 0; index -= 1) {
      const swap = Math.floor(random() * (index + 1))
      const held = order[index] ?? 0
      order[index] = order[swap] ?? 0
      order[swap] = held
    }
    const rate = learningRate / (1 + epoch * 0.5)
    const model = { classCount, weights, bias }
    for (const exampleIndex of order) {
      const example = examples[exampleIndex]
      if (example === undefined) continue
      scoreLinearModel(model, example.features, scores)
      softmaxInPlace(scores)
      const exampleWeight = options.classWeights?.[example.label] ?? 1
      const value = example.features.value
      for (let label = 0; label < classCount; label += 1) {
        const gradient =
          ((scores[label] ?? 0) - (label === example.label ? 1 : 0)) * exampleWeight * rate
        if (gradient > -1e-3 && gradient < 1e-3) continue
        bias[label] = (bias[label] ?? 0) - gradient * 0.1
        biasUpdates[label] = (biasUpdates[label] ?? 0) - step * gradient * 0.1
        const delta = gradient * value
        for (const feature of example.features.indices) {
          const offset = feature * classCount + label
          weights[offset] = (weights[offset] ?? 0) - delta
          weightUpdates[offset] = (weightUpdates[offset] ?? 0) - step * delta
        }
      }
      step += 1
    }
  }
  for (let offset = 0; offset < weights.length; offset += 1) {
    const update = weightUpdates[offset] ?? 0
    if (update !== 0) weights[offset] = (weights[offset] ?? 0) - update / step
  }
  for (let label = 0; label < classCount; label += 1) {
    bias[label] = (bias[label] ?? 0) - (biasUpdates[label] ?? 0) / step
  }
  return { classCount, weights, bias }
}

/**
 * The softmax temperature that minimises the negative log-likelihood of `labels` under `logits`
 * (temperature scaling): probabilities from the calibrated model then match observed accuracy.
 */
export function fitTemperature(logits: readonly Float64Array[], labels: readonly number[]): number {
  const negativeLogLikelihood = (temperature: number): number => {
    let total = 0
    const buffer = new Float64Array(logits[0]?.length ?? 0)
    logits.forEach((row, index) => {
      buffer.set(row)
      softmaxInPlace(buffer, temperature)
      total -= Math.log(Math.max(buffer[labels[index] ?? 0] ?? 0, 1e-12))
    })
    return total
  }
  let low = Math.log(0.05)
  let high = Math.log(20)
  // Golden-section search on log-temperature: the likelihood is unimodal in it.
  const ratio = (Math.sqrt(5) - 1) / 2
  for (let iteration = 0; iteration < 40; iteration += 1) {
    const left = high - ratio * (high - low)
    const right = low + ratio * (high - low)
    if (negativeLogLikelihood(Math.exp(left)) < negativeLogLikelihood(Math.exp(right))) high = right
    else low = left
  }
  return Math.exp((low + high) / 2)
}
