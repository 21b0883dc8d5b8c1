import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadTrainingExamples, nluDataDirectory, parseEvaluationLines } from './training-data.ts'

function jsonLine(text: string, intent: string): string {
  return `${JSON.stringify({ text, lang: 'ms', intent })}\n`
}

function textKey(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ')
}

const temporaryDirectories: string[] = []

afterEach(() => {
  for (const directory of temporaryDirectories.splice(0)) {
    rmSync(directory, { recursive: true, force: true })
  }
})

describe('loadTrainingExamples', () => {
  it('reads train/ only when dev/ and heldout/ sit next to it', () => {
    const directory = mkdtempSync(join(tmpdir(), 'kedai-nlu-data-'))
    temporaryDirectories.push(directory)
    for (const folder of ['train', 'dev', 'heldout']) mkdirSync(join(directory, folder))
    writeFileSync(
      join(directory, 'train', 'ms.jsonl'),
      jsonLine('nak cancel order', 'cancel_order'),
    )
    writeFileSync(join(directory, 'dev', 'ms.jsonl'), jsonLine('batalkan pesanan', 'cancel_order'))
    writeFileSync(join(directory, 'heldout', 'ms.jsonl'), jsonLine('mana parcel', 'track_order'))

    expect(loadTrainingExamples(directory)).toEqual([
      { text: 'nak cancel order', intent: 'cancel_order', language: 'ms' },
    ])
  })

  it('never contains a line of the project dev set when loading the real training data', () => {
    const devDirectory = join(nluDataDirectory, 'dev')
    const devLines = readdirSync(devDirectory)
      .filter((file) => file.endsWith('.jsonl'))
      .flatMap((file) => parseEvaluationLines(readFileSync(join(devDirectory, file), 'utf8')).lines)
    expect(devLines.length).toBeGreaterThanOrEqual(150)
    const trainingKeys = new Set(loadTrainingExamples().map((example) => textKey(example.text)))
    const leaked = devLines.filter((line) => trainingKeys.has(textKey(line.text)))
    expect(leaked.map((line) => line.text)).toEqual([])
  })
})
