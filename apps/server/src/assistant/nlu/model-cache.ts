import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { LinearModel } from './linear-model.ts'
import type { NaiveBayesModel } from './naive-bayes.ts'

/** What training produces: both models and the fitted softmax temperature. */
export interface TrainedParts {
  readonly model: LinearModel
  readonly bayes: NaiveBayesModel
  readonly temperature: number
  readonly exampleCount: number
}

const formatVersion = 1

/** The cache file of a training fingerprint (examples + options), inside `directory`. */
export function modelCacheFile(directory: string, fingerprint: string): string {
  const digest = createHash('sha256')
    .update(`${formatVersion}:${fingerprint}`)
    .digest('hex')
    .slice(0, 24)
  return join(directory, `nlu-model-${digest}.bin`)
}

/**
 * Writes trained parts to `file` (a JSON header line, then the raw float arrays), atomically, so a
 * later start with the same training data loads the model in milliseconds instead of training.
 */
export function writeTrainedParts(file: string, parts: TrainedParts): void {
  const arrays = [
    parts.model.weights,
    parts.model.bias,
    parts.bayes.logLikelihoods,
    parts.bayes.logPriors,
  ]
  const header = Buffer.from(
    `${JSON.stringify({
      version: formatVersion,
      classCount: parts.model.classCount,
      temperature: parts.temperature,
      exampleCount: parts.exampleCount,
      lengths: arrays.map((array) => array.length),
    })}\n`,
  )
  const padding = Buffer.alloc((4 - (header.length % 4)) % 4, 0x20)
  const body = Buffer.concat([
    header,
    padding,
    ...arrays.map((array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength)),
  ])
  mkdirSync(join(file, '..'), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, body)
  renameSync(temporary, file)
}

/** Reads parts written by {@link writeTrainedParts}; `undefined` when absent or unreadable. */
export function readTrainedParts(file: string): TrainedParts | undefined {
  let content: Buffer
  try {
    content = readFileSync(file)
  } catch {
    return undefined
  }
  try {
    const newline = content.indexOf(0x0a)
    const header = JSON.parse(content.subarray(0, newline).toString('utf8')) as {
      version: number
      classCount: number
      temperature: number
      exampleCount: number
      lengths: number[]
    }
    if (header.version !== formatVersion || header.lengths.length !== 4) return undefined
    let offset = newline + 1
    offset += (4 - (offset % 4)) % 4
    const arrays = header.lengths.map((length) => {
      // Copy into a fresh, aligned buffer (the file buffer's offset need not be 4-aligned).
      const array = new Float32Array(length)
      new Uint8Array(array.buffer).set(content.subarray(offset, offset + length * 4))
      offset += length * 4
      return array
    })
    if (offset !== content.length) return undefined
    const [weights, bias, logLikelihoods, logPriors] = arrays as [
      Float32Array,
      Float32Array,
      Float32Array,
      Float32Array,
    ]
    return {
      model: { classCount: header.classCount, weights, bias },
      bayes: { classCount: header.classCount, logLikelihoods, logPriors },
      temperature: header.temperature,
      exampleCount: header.exampleCount,
    }
  } catch {
    return undefined
  }
}
