/**
 * Side-by-side benchmark: Kedai's recognizer against nlp.js (`node-nlp`), trained on exactly the
 * same examples, evaluated in one run on Bitext test (mapped, duplicates of train left out), the
 * held-out multilingual files and the out-of-scope file. Prints accuracy, false acceptance,
 * training time and latency p50/p99 for both. Run with `npm run bench:nlu`.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { loadavg } from 'node:os'
import {
  actThreshold,
  createRecognizer,
  evaluateRecognizer,
  excludeTrainDuplicates,
  intents,
  isIntent,
  loadTrainingExamples,
  nluDataDirectory,
  parseEvaluationLines,
  readBitextExamples,
  readIntentMap,
} from '../src/assistant/nlu/index.ts'
import type { EvaluationLine, Intent, Recognition, Recognizer } from '../src/assistant/nlu/index.ts'
import type { Locale } from '../src/shared/locale.ts'

interface NlpJsResult {
  intent: string
  score: number
}

interface NlpJsManager {
  addDocument(language: string, utterance: string, intent: string): void
  train(): Promise<void>
  process(language: string, utterance: string): Promise<NlpJsResult>
}

// node-nlp ships no type declarations; load it through require and type the part we use.
const { NlpManager } = createRequire(import.meta.url)('node-nlp') as {
  NlpManager: new (options: object) => NlpJsManager
}

const nlpJsLanguage: Record<Locale, string> = {
  en: 'en',
  'zh-Hant': 'zh',
  'zh-Hans': 'zh',
  ms: 'ms',
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`
}

function readJsonLines(path: string): EvaluationLine[] {
  return parseEvaluationLines(readFileSync(path, 'utf8')).lines
}

async function createNlpJsRecognizer(
  examples: ReturnType<typeof loadTrainingExamples>,
  evaluationLines: readonly EvaluationLine[],
): Promise<{
  recognizer: Recognizer
  trainingMilliseconds: number
  trainingCpuMilliseconds: number
  latencies: Map<string, number>
}> {
  const manager = new NlpManager({
    languages: ['en', 'zh', 'ms'],
    forceNER: false,
    autoSave: false,
    nlu: { log: false, useNoneFeature: true },
  })
  for (const example of examples) {
    manager.addDocument(nlpJsLanguage[example.language ?? 'en'], example.text, example.intent)
  }
  const started = performance.now()
  const cpuStarted = process.cpuUsage()
  await manager.train()
  const trainingMilliseconds = performance.now() - started
  const cpu = process.cpuUsage(cpuStarted)
  const trainingCpuMilliseconds = (cpu.user + cpu.system) / 1000
  // nlp.js answers asynchronously: its answers are computed (and timed one by one) first, so the
  // shared evaluation can read them like a synchronous recognizer. It is given the gold language.
  const answers = new Map<string, NlpJsResult>()
  const latencies = new Map<string, number>()
  for (const line of evaluationLines) {
    const key = `${line.lang}\u0000${line.text}`
    if (answers.has(key)) continue
    const lineStarted = performance.now()
    answers.set(key, await manager.process(nlpJsLanguage[line.lang], line.text))
    latencies.set(key, performance.now() - lineStarted)
  }
  const languageOf = new Map(evaluationLines.map((line) => [line.text, line.lang]))
  const recognizer: Recognizer = {
    recognize(text): Recognition {
      const language = languageOf.get(text) ?? 'en'
      const answer = answers.get(`${language}\u0000${text}`)
      const intent: Intent =
        answer !== undefined && isIntent(answer.intent) ? answer.intent : 'out_of_scope'
      return {
        text,
        language,
        intent,
        confidence: answer?.score ?? 0,
        alternatives: [],
        entities: [],
      }
    },
  }
  return { recognizer, trainingMilliseconds, trainingCpuMilliseconds, latencies }
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right)
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? 0
  )
}

function row(name: string, kedai: string, nlpJs: string): string {
  return `${name.padEnd(44)}${kedai.padStart(12)}${nlpJs.padStart(12)}`
}

async function main(): Promise<void> {
  const examples = loadTrainingExamples()
  const intentMap = readIntentMap(join(nluDataDirectory, 'bitext', 'intent-map.json'))
  const bitextAll = readBitextExamples(join(nluDataDirectory, 'bitext', 'test.csv'), intentMap)
  const { lines: bitext } = excludeTrainDuplicates(
    bitextAll,
    readBitextExamples(join(nluDataDirectory, 'bitext', 'train.csv'), intentMap),
  )
  const heldoutDirectory = join(nluDataDirectory, 'heldout')
  const heldout = readdirSync(heldoutDirectory)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .flatMap((file) => readJsonLines(join(heldoutDirectory, file)))
  const outOfScope = readJsonLines(join(nluDataDirectory, 'out-of-scope', 'out-of-scope.jsonl'))

  process.stdout.write(
    `training examples: ${examples.length} (${intents.length} intents); bitext test ${bitext.length} lines (${bitextAll.length - bitext.length} duplicates of train left out); held-out ${heldout.length}; out-of-scope ${outOfScope.length}\n`,
  )
  const kedaiCpuStarted = process.cpuUsage()
  const kedai = createRecognizer({ trainingExamples: examples })
  const kedaiCpu = process.cpuUsage(kedaiCpuStarted)
  const kedaiTrainingCpuMilliseconds = (kedaiCpu.user + kedaiCpu.system) / 1000
  for (const line of heldout.slice(0, 200)) kedai.recognize(line.text)
  const kedaiReports = {
    bitext: evaluateRecognizer(kedai, bitext, actThreshold),
    heldout: evaluateRecognizer(kedai, heldout, actThreshold),
    outOfScope: evaluateRecognizer(kedai, outOfScope, actThreshold),
  }
  process.stdout.write('training nlp.js (node-nlp) on the same examples…\n')
  const nlpJs = await createNlpJsRecognizer(examples, [...bitext, ...heldout, ...outOfScope])
  const nlpJsReports = {
    bitext: evaluateRecognizer(nlpJs.recognizer, bitext, actThreshold),
    heldout: evaluateRecognizer(nlpJs.recognizer, heldout, actThreshold),
    outOfScope: evaluateRecognizer(nlpJs.recognizer, outOfScope, actThreshold),
  }

  const lines: string[] = ['', row('figure', 'kedai', 'nlp.js')]
  const both = (name: string, pick: (report: typeof kedaiReports) => string): void => {
    lines.push(row(name, pick(kedaiReports), pick(nlpJsReports)))
  }
  both('bitext test accuracy', (reports) => percent(reports.bitext.accuracy))
  both('held-out accuracy (all)', (reports) => percent(reports.heldout.accuracy))
  for (const language of ['en', 'zh-Hant', 'zh-Hans', 'ms'] as const) {
    both(`held-out accuracy ${language}`, (reports) => {
      const score = reports.heldout.byLanguage[language]
      return score === undefined ? 'n/a' : percent(score.accuracy)
    })
  }
  both(`held-out accuracy at act threshold ${actThreshold}`, (reports) =>
    percent(reports.heldout.accuracyAtThreshold),
  )
  for (const language of ['en', 'zh-Hans', 'ms'] as const) {
    both(`out-of-scope false acceptance ${language}`, (reports) => {
      const score = reports.outOfScope.falseAcceptance?.byLanguage[language]
      return score === undefined ? 'n/a' : percent(score.rate)
    })
  }
  lines.push(
    row(
      'training time (wall clock)',
      `${(kedai.trainingMilliseconds / 1000).toFixed(2)} s`,
      `${(nlpJs.trainingMilliseconds / 1000).toFixed(2)} s`,
    ),
  )
  lines.push(
    row(
      'training time (process CPU)',
      `${(kedaiTrainingCpuMilliseconds / 1000).toFixed(2)} s`,
      `${(nlpJs.trainingCpuMilliseconds / 1000).toFixed(2)} s`,
    ),
  )
  const kedaiTimes = evaluateRecognizer(kedai, [...bitext, ...heldout], actThreshold)
  const kedaiLatency = kedaiTimes.latencyMs
  const nlpJsLatencies = [...bitext, ...heldout].map(
    (line) => nlpJs.latencies.get(`${line.lang}\u0000${line.text}`) ?? 0,
  )
  lines.push(
    row(
      'latency p50 (bitext + held-out)',
      `${kedaiLatency.p50.toFixed(3)} ms`,
      `${percentile(nlpJsLatencies, 0.5).toFixed(3)} ms`,
    ),
  )
  lines.push(
    row(
      'latency p99 (bitext + held-out)',
      `${kedaiLatency.p99.toFixed(3)} ms`,
      `${percentile(nlpJsLatencies, 0.99).toFixed(3)} ms`,
    ),
  )
  lines.push(row('cpu time p50 per message', `${kedaiTimes.cpuMs.p50.toFixed(3)} ms`, 'n/a'))
  lines.push(row('cpu time p99 per message', `${kedaiTimes.cpuMs.p99.toFixed(3)} ms`, 'n/a'))
  lines.push(row('load average (1 min) at the end', loadavg()[0]?.toFixed(2) ?? '?', ''))
  lines.push(
    row(
      'entity accuracy on held-out',
      kedaiReports.heldout.entityAccuracy === null
        ? 'n/a'
        : percent(kedaiReports.heldout.entityAccuracy),
      'n/a',
    ),
  )
  process.stdout.write(`${lines.join('\n')}\n`)
}

await main()
