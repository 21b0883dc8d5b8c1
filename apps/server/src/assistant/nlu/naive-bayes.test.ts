import { describe, it, expect } from 'vitest'
import { extractFeatures } from './extract-features.ts'
import { addNaiveBayesScores, trainNaiveBayes } from './naive-bayes.ts'
import { normalizeText } from './normalize-text.ts'

const examples = [
  ['where is my parcel', 0],
  ['track my parcel please', 0],
  ['我的包裹在哪', 0],
  ['refund my money', 1],
  ['i want a refund', 1],
  ['我要退款', 1],
] as const

describe('trainNaiveBayes', () => {
  const model = trainNaiveBayes(
    examples.map(([text, label]) => ({ features: extractFeatures(normalizeText(text)), label })),
    2,
  )

  function scores(text: string): Float64Array {
    const result = new Float64Array(2)
    addNaiveBayesScores(model, extractFeatures(normalizeText(text)), result, 1)
    return result
  }

  it('scores the class whose words the message shares higher when classifying', () => {
    const parcel = scores('parcel where')
    expect(parcel[0]).toBeGreaterThan(parcel[1] ?? 0)
    const refund = scores('退款')
    expect(refund[1]).toBeGreaterThan(refund[0] ?? 0)
  })

  it('adds scores centred on zero when combined with another model', () => {
    const result = scores('refund please')
    expect((result[0] ?? 0) + (result[1] ?? 0)).toBeCloseTo(0, 10)
  })

  it('adds nothing when the message has no features', () => {
    const result = new Float64Array(2)
    addNaiveBayesScores(model, { indices: new Uint32Array(0), value: 0 }, result, 1)
    expect([...result]).toEqual([0, 0])
  })
})
