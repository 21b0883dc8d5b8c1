import { describe, it, expect } from 'vitest'
import { extractFeatures } from './extract-features.ts'
import {
  createSeededRandom,
  fitTemperature,
  scoreLinearModel,
  softmaxInPlace,
  trainLinearModel,
} from './linear-model.ts'
import { normalizeText } from './normalize-text.ts'

const examples = [
  ['where is my order', 0],
  ['track my parcel', 0],
  ['has my package shipped', 0],
  ['di mana pesanan saya', 0],
  ['我的訂單在哪裡', 0],
  ['i want to return this', 1],
  ['refund this jacket', 1],
  ['send it back for a refund', 1],
  ['nak pulangkan barang ni', 1],
  ['我要退貨', 1],
] as const
const labelled = examples.map(([text, label]) => ({
  features: extractFeatures(normalizeText(text)),
  label,
}))

function predict(model: ReturnType<typeof trainLinearModel>, text: string): number {
  const scores = new Float64Array(model.classCount)
  scoreLinearModel(model, extractFeatures(normalizeText(text)), scores)
  softmaxInPlace(scores)
  return (scores[1] ?? 0) > (scores[0] ?? 0) ? 1 : 0
}

describe('trainLinearModel', () => {
  it('learns to separate two intents when trained on labelled examples', () => {
    const model = trainLinearModel(labelled, { classCount: 2, epochs: 10, learningRate: 2 })
    expect(predict(model, 'where is my parcel')).toBe(0)
    expect(predict(model, 'i want a refund')).toBe(1)
    expect(predict(model, '訂單在哪')).toBe(0)
  })

  it('gives identical weights when trained twice on the same data and seed', () => {
    const first = trainLinearModel(labelled, { classCount: 2, epochs: 5, seed: 7 })
    const second = trainLinearModel(labelled, { classCount: 2, epochs: 5, seed: 7 })
    expect(Buffer.from(first.weights.buffer).equals(Buffer.from(second.weights.buffer))).toBe(true)
    expect([...first.bias]).toEqual([...second.bias])
  })

  it('gives different weights when the seed changes the shuffle', () => {
    const first = trainLinearModel(labelled, { classCount: 2, epochs: 5, seed: 7 })
    const second = trainLinearModel(labelled, { classCount: 2, epochs: 5, seed: 8 })
    expect(Buffer.from(first.weights.buffer).equals(Buffer.from(second.weights.buffer))).toBe(false)
  })
})

describe('softmaxInPlace', () => {
  it('turns scores into probabilities that sum to one when given logits', () => {
    const scores = Float64Array.from([2, 1, 0])
    softmaxInPlace(scores)
    expect(scores.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 10)
    expect(scores[0]).toBeGreaterThan(scores[1] ?? 1)
  })

  it('flattens probabilities when the temperature is above one', () => {
    const sharp = Float64Array.from([2, 0])
    const flat = Float64Array.from([2, 0])
    softmaxInPlace(sharp, 1)
    softmaxInPlace(flat, 4)
    expect(flat[0]).toBeLessThan(sharp[0] ?? 0)
  })
})

describe('fitTemperature', () => {
  it('raises the temperature when the model is over-confident and often wrong', () => {
    const logits = Array.from({ length: 40 }, () => Float64Array.from([6, 0]))
    const labels = Array.from({ length: 40 }, (_, index) => (index % 3 === 0 ? 1 : 0))
    expect(fitTemperature(logits, labels)).toBeGreaterThan(2)
  })

  it('lowers the temperature when the model is under-confident and always right', () => {
    const logits = Array.from({ length: 40 }, () => Float64Array.from([0.5, 0]))
    const labels = Array.from({ length: 40 }, () => 0)
    expect(fitTemperature(logits, labels)).toBeLessThan(0.2)
  })
})

describe('createSeededRandom', () => {
  it('repeats the same sequence when given the same seed', () => {
    const first = createSeededRandom(42)
    const second = createSeededRandom(42)
    const sequence = Array.from({ length: 5 }, () => first())
    expect(Array.from({ length: 5 }, () => second())).toEqual(sequence)
    expect(sequence.every((value) => value >= 0 && value < 1)).toBe(true)
  })
})
