import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, it, expect } from 'vitest'
import { createManualClock } from '../../shared/clock.ts'
import { actThreshold, createRecognizer } from './create-recognizer.ts'
import type { TrainedRecognizer } from './create-recognizer.ts'
import { evaluateRecognizer } from './evaluate-recognizer.ts'
import {
  excludeTrainDuplicates,
  loadTrainingExamples,
  nluDataDirectory,
  parseEvaluationLines,
  readBitextExamples,
  readIntentMap,
} from './training-data.ts'

// Figures the held-out files must keep (see docs/architecture/nlu.md). A regression below them
// fails CI. The target is 92% per language; the floors sit a few lines below what the
// model reaches now (93–96%, Malay 92%), as the training files are still growing.
const heldoutAccuracyFloor = { en: 0.9, 'zh-Hant': 0.93, 'zh-Hans': 0.9, ms: 0.9 } as const
const entityAccuracyFloor = 0.95
const bitextAccuracyFloor = 0.97
// The target; measured 1.5–6% per language.
const falseAcceptanceCeiling = 0.1

let recognizer: TrainedRecognizer

beforeAll(() => {
  recognizer = createRecognizer({ clock: createManualClock('2026-11-24T09:00:00.000Z') })
})

describe('createRecognizer', () => {
  it('reads the headline example when a shopper writes Traditional Chinese', () => {
    const recognition = recognizer.recognize('你們有 9 號的運動鞋嗎?')
    expect(recognition.language).toBe('zh-Hant')
    expect(recognition.intent).toBe('product_availability')
    expect(recognition.confidence).toBeGreaterThanOrEqual(actThreshold)
    const entities = Object.fromEntries(
      recognition.entities.map((entity) => [entity.type, entity.value]),
    )
    expect(entities).toMatchObject({ size: '9', product: 'sneakers' })
  })

  it('reads Malaysian code-switching when a shopper mixes Malay and English', () => {
    const recognition = recognizer.recognize('boleh track my order tak')
    expect(recognition.language).toBe('ms')
    expect(recognition.intent).toBe('track_order')
  })

  it('gives calibrated probabilities and ranked alternatives when recognising', () => {
    const recognition = recognizer.recognize('where is my order #W2378156?')
    expect(recognition.intent).toBe('track_order')
    expect(recognition.confidence).toBeGreaterThan(0)
    expect(recognition.confidence).toBeLessThanOrEqual(1)
    const confidences = recognition.alternatives.map((alternative) => alternative.confidence)
    expect(confidences).toEqual([...confidences].sort((left, right) => right - left))
    expect(confidences.every((confidence) => confidence <= recognition.confidence)).toBe(true)
    expect(recognition.entities).toContainEqual(
      expect.objectContaining({ type: 'order_id', value: '#W2378156' }),
    )
  })

  it('answers out_of_scope with low confidence when the input is empty, huge or junk', () => {
    const junk = [
      '',
      '   ',
      '🤔🤔🤔',
      'x'.repeat(100_000),
      String.fromCharCode(...Array.from({ length: 300 }, (_, index) => index % 32)),
      '\uFFFD\uFFFD\uFFFD\u0000\u0001abc',
    ]
    for (const text of junk) {
      const recognition = recognizer.recognize(text)
      expect(recognition.text).toBe(text)
      if (text !== 'x'.repeat(100_000)) {
        expect(recognition.intent).toBe('out_of_scope')
        expect(recognition.confidence).toBeLessThan(actThreshold)
      }
    }
    expect(() => recognizer.recognize(undefined as unknown as string)).not.toThrow()
    expect(recognizer.recognize(42 as unknown as string).intent).toBe('out_of_scope')
  })

  it('reads "ok", "boleh" and "好的" as affirm when the bot asked for a confirmation', () => {
    for (const [text, locale] of [
      ['ok', 'en'],
      ['boleh', 'ms'],
      ['好的', 'zh-Hans'],
    ] as const) {
      const recognition = recognizer.recognize(text, { expectedSlot: 'confirmation', locale })
      expect(recognition.intent).toBe('affirm')
      expect(recognition.language).toBe(locale)
      expect(recognition.answersExpectedSlot).toBe(true)
    }
    expect(recognizer.recognize('tak nak', { expectedSlot: 'confirmation' }).intent).toBe('deny')
    expect(recognizer.recognize('不用了', { expectedSlot: 'confirmation' }).intent).toBe('deny')
  })

  it('reads a bare "9" as the size when the bot asked for a size', () => {
    const recognition = recognizer.recognize('9', { expectedSlot: 'size', locale: 'zh-Hant' })
    expect(recognition.answersExpectedSlot).toBe(true)
    expect(recognition.language).toBe('zh-Hant')
    expect(recognition.entities).toEqual([expect.objectContaining({ type: 'size', value: '9' })])
  })

  it('reads a bare "2" as the quantity when the bot asked how many', () => {
    const recognition = recognizer.recognize('2', { expectedSlot: 'quantity' })
    expect(recognition.answersExpectedSlot).toBe(true)
    expect(recognition.entities).toEqual([
      expect.objectContaining({ type: 'quantity', value: '2' }),
    ])
  })

  it('resolves "the black one" to the product in focus when the conversation has one', () => {
    const recognition = recognizer.recognize('I will take the black one', {
      productInFocus: { productId: 'prod_7471004230', name: 'Sneakers' },
    })
    expect(recognition.intent).toBe('add_to_cart')
    expect(recognition.entities).toContainEqual(
      expect.objectContaining({ type: 'color', value: 'black' }),
    )
    expect(recognition.entities).toContainEqual(
      expect.objectContaining({ type: 'product', resolvedId: 'prod_7471004230' }),
    )
  })

  it('does not treat a new question as a slot answer when the bot asked for a size', () => {
    const recognition = recognizer.recognize('actually where is my order?', {
      expectedSlot: 'size',
    })
    expect(recognition.answersExpectedSlot).toBeUndefined()
    expect(recognition.intent).toBe('track_order')
  })
})

describe('createRecognizer training', () => {
  const sample = loadTrainingExamples().filter((_, index) => index % 16 === 0)

  it('trains the same model twice when given the same data and seed', () => {
    const first = createRecognizer({
      trainingExamples: sample,
      epochs: 2,
      reuseTrainedModel: false,
    })
    const second = createRecognizer({
      trainingExamples: sample,
      epochs: 2,
      reuseTrainedModel: false,
    })
    // Compared by identity as booleans: printing multi-megabyte weight arrays would take seconds.
    expect(second.model === first.model).toBe(false)
    expect(second.temperature).toBe(first.temperature)
    expect(
      Buffer.from(second.model.weights.buffer).equals(Buffer.from(first.model.weights.buffer)),
    ).toBe(true)
  })

  it('reuses the trained model when asked again for the same examples and options', () => {
    const first = createRecognizer({ trainingExamples: sample, epochs: 2 })
    const second = createRecognizer({ trainingExamples: sample, epochs: 2 })
    expect(second.model === first.model).toBe(true)
    const other = createRecognizer({ trainingExamples: sample, epochs: 2, seed: 5 })
    expect(other.model === first.model).toBe(false)
  })

  it('learns from extra examples when agents approve new phrasings', () => {
    const extraExamples = [
      'zorblax points',
      'how many zorblax',
      'zorblax balance',
      'my zorblax',
    ].map((text) => ({ text, intent: 'loyalty_points' as const, language: 'en' as const }))
    const trained = createRecognizer({ trainingExamples: sample, extraExamples, epochs: 4 })
    expect(trained.trainingExampleCount).toBe(sample.length + extraExamples.length)
    expect(trained.recognize('zorblax').intent).toBe('loyalty_points')
  })
})

describe('createRecognizer evaluation', () => {
  const heldoutDirectory = join(nluDataDirectory, 'heldout')
  const heldout = readdirSync(heldoutDirectory)
    .filter((file) => file.endsWith('.jsonl'))
    .flatMap(
      (file) => parseEvaluationLines(readFileSync(join(heldoutDirectory, file), 'utf8')).lines,
    )

  it('keeps held-out accuracy per language when evaluated on the held-out files', () => {
    const report = evaluateRecognizer(recognizer, heldout, actThreshold)
    for (const [language, floor] of Object.entries(heldoutAccuracyFloor)) {
      const score = report.byLanguage[language as keyof typeof heldoutAccuracyFloor]
      expect(score?.n ?? 0, `held-out lines in ${language}`).toBeGreaterThanOrEqual(40)
      expect(score?.accuracy ?? 0, `held-out accuracy in ${language}`).toBeGreaterThanOrEqual(floor)
    }
    for (const type of ['size', 'color', 'quantity', 'order_id', 'coupon_code']) {
      expect(report.entityByType[type]?.accuracy ?? 0, `${type} accuracy`).toBeGreaterThanOrEqual(
        entityAccuracyFloor,
      )
    }
  })

  it('keeps Bitext test accuracy when evaluated on the mapped Bitext test set', () => {
    const intentMap = readIntentMap(join(nluDataDirectory, 'bitext', 'intent-map.json'))
    const { lines, excluded } = excludeTrainDuplicates(
      readBitextExamples(join(nluDataDirectory, 'bitext', 'test.csv'), intentMap),
      readBitextExamples(join(nluDataDirectory, 'bitext', 'train.csv'), intentMap),
    )
    // Bitext says 23 test lines occur in train; ignoring case and repeated spaces finds 26.
    expect(excluded).toBe(26)
    expect(evaluateRecognizer(recognizer, lines, actThreshold).accuracy).toBeGreaterThanOrEqual(
      bitextAccuracyFloor,
    )
  })

  it('keeps false acceptance low when evaluated on the out-of-scope file', () => {
    const lines = parseEvaluationLines(
      readFileSync(join(nluDataDirectory, 'out-of-scope', 'out-of-scope.jsonl'), 'utf8'),
    ).lines
    const report = evaluateRecognizer(recognizer, lines, actThreshold)
    for (const [language, score] of Object.entries(report.falseAcceptance?.byLanguage ?? {})) {
      expect(score.rate, `false acceptance in ${language}`).toBeLessThanOrEqual(
        falseAcceptanceCeiling,
      )
    }
  })
})
