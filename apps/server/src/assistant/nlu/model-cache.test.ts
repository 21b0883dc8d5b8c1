import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createRecognizer } from './create-recognizer.ts'
import { modelCacheFile, readTrainedParts, writeTrainedParts } from './model-cache.ts'

const folder = mkdtempSync(join(tmpdir(), 'kedai-nlu-cache-'))
const examples = [
  { text: 'where is my order', intent: 'track_order' as const },
  { text: 'track my parcel please', intent: 'track_order' as const },
  { text: 'hello there', intent: 'greeting' as const },
  { text: 'hi', intent: 'greeting' as const },
  { text: 'what is the weather tomorrow', intent: 'out_of_scope' as const },
  { text: 'tell me a joke', intent: 'out_of_scope' as const },
]

describe('model cache', () => {
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('stores the trained model on disk and reads back identical arrays', () => {
    const recognizer = createRecognizer({
      trainingExamples: examples,
      modelCacheDirectory: folder,
      epochs: 2,
      seed: 7,
    })
    const files = readdirSync(folder).filter((file) => file.startsWith('nlu-model-'))
    expect(files).toHaveLength(1)
    const parts = readTrainedParts(join(folder, files[0] ?? ''))
    expect(parts).toBeDefined()
    expect(parts?.model.weights).toEqual(recognizer.model.weights)
    expect(parts?.temperature).toBe(recognizer.temperature)
    expect(parts?.exampleCount).toBe(examples.length)
  })

  it('round-trips every array exactly', () => {
    const file = join(folder, 'round-trip.bin')
    const parts = {
      model: {
        classCount: 2,
        weights: new Float32Array([1.5, -2.25, 3, 0.125]),
        bias: new Float32Array([0.5, -0.5]),
      },
      bayes: {
        classCount: 2,
        logLikelihoods: new Float32Array([-1, -2, -3, -4]),
        logPriors: new Float32Array([-0.7, -0.69]),
      },
      temperature: 1.37,
      exampleCount: 42,
    }
    writeTrainedParts(file, parts)
    expect(readTrainedParts(file)).toEqual(parts)
  })

  it('ignores a missing or damaged file instead of failing', () => {
    expect(readTrainedParts(join(folder, 'absent.bin'))).toBeUndefined()
    const damaged = join(folder, 'damaged.bin')
    writeFileSync(damaged, '{"version":1,"lengths":[1,1,1,1]}\nshort')
    expect(readTrainedParts(damaged)).toBeUndefined()
    expect(existsSync(modelCacheFile(folder, 'another fingerprint'))).toBe(false)
  })
})
