import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it, expect } from 'vitest'
import { createRecognizer, loadTrainingExamples, nluDataDirectory } from '../assistant/nlu/index.ts'
import { createEvalNluCommand, evalNluCommand } from './eval-nlu-command.ts'

const sample = loadTrainingExamples().filter((_, index) => index % 4 === 0)
const command = createEvalNluCommand(() =>
  createRecognizer({ trainingExamples: sample, epochs: 3 }),
)

async function run(argumentList: string[]): Promise<{ code: number; out: string; error: string }> {
  let out = ''
  let error = ''
  const code = await command.run(argumentList, {
    out: (text) => {
      out += `${text}\n`
    },
    error: (text) => {
      error += `${text}\n`
    },
  })
  return { code, out, error }
}

describe('evalNluCommand', () => {
  it('is named "eval nlu" when registered in the CLI', () => {
    expect(evalNluCommand.names).toEqual(['eval', 'nlu'])
  })

  it('prints one JSON object with the contract fields when given --json', async () => {
    const result = await run([join(nluDataDirectory, 'heldout', 'en.jsonl'), '--json'])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.out) as Record<string, unknown>
    expect(report).toMatchObject({
      n: expect.any(Number),
      accuracy: expect.any(Number),
      byLanguage: { en: { n: expect.any(Number), accuracy: expect.any(Number) } },
      entityAccuracy: expect.any(Number),
      latencyMs: { p50: expect.any(Number), p99: expect.any(Number) },
    })
    expect(report['n']).toBeGreaterThanOrEqual(40)
  })

  it('prints accuracy per language and intent, confusions, entities and latency as text', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'kedai-eval-'))
    const file = join(directory, 'mixed.jsonl')
    writeFileSync(
      file,
      [
        '{"text": "where is my order #W2378156", "lang": "en", "intent": "track_order", "entities": {"order_id": "#W2378156"}}',
        '{"text": "我的訂單在哪裡", "lang": "zh-Hant", "intent": "track_order"}',
        '{"text": "what is the weather tomorrow", "lang": "en", "intent": "out_of_scope"}',
      ].join('\n'),
    )
    const result = await run([file])
    expect(result.code).toBe(0)
    expect(result.out).toMatch(/lines 3 {3}accuracy/)
    expect(result.out).toMatch(/zh-Hant/)
    expect(result.out).toMatch(/track_order/)
    expect(result.out).toMatch(/order_id +1\/1/)
    expect(result.out).toMatch(/false acceptance on out_of_scope lines/)
    expect(result.out).toMatch(/latency per message: p50 [\d.]+ ms {3}p99/)
  })

  it('leaves out and counts Bitext test lines that occur in train when given --bitext', async () => {
    const result = await run([
      '--bitext',
      join(nluDataDirectory, 'bitext', 'test.csv'),
      '--map',
      join(nluDataDirectory, 'bitext', 'intent-map.json'),
      '--json',
    ])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.out) as { n: number; excludedDuplicates: number }
    expect(report.excludedDuplicates).toBe(26)
    expect(report.n).toBe(810 - 26)
  })

  it('reports invalid lines and evaluates the rest when a file has bad lines', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'kedai-eval-'))
    const file = join(directory, 'bad.jsonl')
    writeFileSync(
      file,
      [
        'not json',
        '{"text": "hi", "lang": "fr", "intent": "greeting"}',
        '{"text": "hello there", "lang": "en", "intent": "greeting"}',
      ].join('\n'),
    )
    const result = await run([file, '--json'])
    expect(result.code).toBe(0)
    expect(result.error).toMatch(/bad\.jsonl:1: skipped, not valid JSON/)
    expect(result.error).toMatch(/bad\.jsonl:2: skipped, lang/)
    expect((JSON.parse(result.out) as { n: number; skippedLines: number }).skippedLines).toBe(2)
  })

  it('fails with a usage message when arguments are wrong', async () => {
    expect((await run([])).code).toBe(2)
    expect((await run(['--bitext', 'x.csv'])).error).toMatch(/--bitext needs --map/)
    expect((await run(['--threshold', '7', 'x.jsonl'])).error).toMatch(/between 0 and 1/)
    expect((await run(['missing-file.jsonl'])).error).toMatch(/cannot read missing-file\.jsonl/)
  })
})
