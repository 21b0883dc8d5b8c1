import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import {
  actThreshold,
  createRecognizer,
  evaluateRecognizer,
  excludeTrainDuplicates,
  parseEvaluationLines,
  readBitextExamples,
  readIntentMap,
} from '../assistant/nlu/index.ts'
import type { EvaluationLine, EvaluationReport, TrainedRecognizer } from '../assistant/nlu/index.ts'
import type { CliCommand, CliIo } from './cli-command.ts'

interface EvalArguments {
  files: string[]
  json: boolean
  bitext?: string
  map?: string
  train?: string
  threshold: number
}

const usage =
  'kedai eval nlu <file.jsonl>… [--json] [--threshold <0..1>]\n' +
  '       kedai eval nlu --bitext <test.csv> --map <intent-map.json> [--train <train.csv>] [--json]'

function parseArguments(argumentList: readonly string[]): EvalArguments | string {
  const parsed: EvalArguments = { files: [], json: false, threshold: actThreshold }
  for (let index = 0; index < argumentList.length; index += 1) {
    const argument = argumentList[index] ?? ''
    const next = (): string | undefined => {
      index += 1
      return argumentList[index]
    }
    if (argument === '--json') parsed.json = true
    else if (argument === '--bitext' || argument === '--map' || argument === '--train') {
      const value = next()
      if (value === undefined || value.startsWith('--')) return `${argument} needs a file path`
      parsed[argument.slice(2) as 'bitext' | 'map' | 'train'] = value
    } else if (argument === '--threshold') {
      const value = Number(next())
      if (!Number.isFinite(value) || value < 0 || value > 1)
        return '--threshold needs a number between 0 and 1'
      parsed.threshold = value
    } else if (argument.startsWith('--')) return `unknown option ${argument}`
    else parsed.files.push(argument)
  }
  if (parsed.bitext !== undefined && parsed.map === undefined)
    return '--bitext needs --map <intent-map.json>'
  if (parsed.map !== undefined && parsed.bitext === undefined)
    return '--map is only used with --bitext'
  if (parsed.files.length === 0 && parsed.bitext === undefined) return 'no evaluation file given'
  return parsed
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`
}

function formatReport(report: EvaluationReport, extra: Record<string, number>): string {
  const lines: string[] = []
  lines.push(
    `lines ${report.n}   accuracy ${percent(report.accuracy)}   at act threshold ${report.threshold}: ${percent(report.accuracyAtThreshold)}   language detection ${percent(report.languageAccuracy)}`,
  )
  for (const [key, value] of Object.entries(extra)) lines.push(`${key}: ${value}`)
  lines.push('', 'by language        n   accuracy   at threshold')
  for (const [language, score] of Object.entries(report.byLanguage)) {
    lines.push(
      `  ${language.padEnd(12)}${String(score.n).padStart(6)}   ${percent(score.accuracy).padStart(8)}   ${percent(score.accuracyAtThreshold).padStart(8)}`,
    )
  }
  lines.push('', 'by intent                      n  precision  recall     F1')
  for (const [intent, score] of Object.entries(report.byIntent)) {
    lines.push(
      `  ${intent.padEnd(26)}${String(score.support).padStart(5)}  ${percent(score.precision).padStart(9)}  ${percent(score.recall).padStart(6)}  ${percent(score.f1).padStart(6)}`,
    )
  }
  if (report.confusions.length > 0) {
    lines.push('', 'most frequent confusions (expected → recognised)')
    for (const confusion of report.confusions) {
      lines.push(
        `  ${String(confusion.count).padStart(4)}  ${confusion.expected} → ${confusion.predicted}`,
      )
    }
  }
  lines.push(
    '',
    `entity accuracy ${report.entityAccuracy === null ? 'n/a (no line lists entities)' : percent(report.entityAccuracy)}`,
  )
  for (const [type, score] of Object.entries(report.entityByType)) {
    lines.push(
      `  ${type.padEnd(16)}${String(score.correct).padStart(5)}/${score.n}  ${percent(score.accuracy)}`,
    )
  }
  if (report.falseAcceptance !== null) {
    lines.push(
      '',
      `false acceptance on out_of_scope lines (retail intent with confidence ≥ ${report.threshold}): ${percent(report.falseAcceptance.rate)} of ${report.falseAcceptance.n}`,
    )
    for (const [language, score] of Object.entries(report.falseAcceptance.byLanguage)) {
      lines.push(`  ${language.padEnd(12)}${String(score.n).padStart(6)}   ${percent(score.rate)}`)
    }
  }
  lines.push(
    '',
    `latency per message: p50 ${report.latencyMs.p50.toFixed(3)} ms   p99 ${report.latencyMs.p99.toFixed(3)} ms   mean ${report.latencyMs.mean.toFixed(3)} ms`,
    `cpu time per message: p50 ${report.cpuMs.p50.toFixed(3)} ms   p99 ${report.cpuMs.p99.toFixed(3)} ms`,
  )
  return lines.join('\n')
}

function readLines(
  files: readonly string[],
  io: CliIo,
): { lines: EvaluationLine[]; rejected: number } | string {
  const lines: EvaluationLine[] = []
  let rejected = 0
  for (const file of files) {
    if (!existsSync(file)) return `cannot read ${file}: no such file`
    const parsed = parseEvaluationLines(readFileSync(file, 'utf8'))
    for (const bad of parsed.rejected.slice(0, 5))
      io.error(`${file}:${bad.line}: skipped, ${bad.reason}`)
    if (parsed.rejected.length > 5)
      io.error(`${file}: ${parsed.rejected.length - 5} more lines skipped`)
    rejected += parsed.rejected.length
    lines.push(...parsed.lines)
  }
  return { lines, rejected }
}

/**
 * Runs the recognizer once over a few lines before measuring, so latency figures describe a
 * warmed-up server rather than the JIT compiling its first calls.
 */
function warmUp(recognizer: TrainedRecognizer, lines: readonly EvaluationLine[]): void {
  for (const line of lines.slice(0, 200)) recognizer.recognize(line.text)
}

/**
 * Builds the `kedai eval nlu` command around a recognizer factory (the real `createRecognizer`
 * in production; tests pass one trained on less data to stay fast).
 */
export function createEvalNluCommand(
  buildRecognizer: () => TrainedRecognizer = () => createRecognizer(),
): CliCommand {
  return {
    names: ['eval', 'nlu'],
    summary: 'Evaluate the intent recognizer on JSON Lines or Bitext CSV files',
    usage,
    async run(argumentList, io) {
      const parsed = parseArguments(argumentList)
      if (typeof parsed === 'string') {
        io.error(`kedai eval nlu: ${parsed}\nusage: ${usage}`)
        return 2
      }
      const extra: Record<string, number> = {}
      let lines: EvaluationLine[] = []
      try {
        if (parsed.bitext !== undefined && parsed.map !== undefined) {
          for (const path of [parsed.bitext, parsed.map]) {
            if (!existsSync(path)) throw new Error(`cannot read ${path}: no such file`)
          }
          const intentMap = readIntentMap(parsed.map)
          const trainPath = parsed.train ?? join(dirname(parsed.bitext), 'train.csv')
          const train = existsSync(trainPath) ? readBitextExamples(trainPath, intentMap) : []
          const selected = excludeTrainDuplicates(
            readBitextExamples(parsed.bitext, intentMap),
            train,
          )
          lines = selected.lines
          extra['bitext lines also in train (left out)'] = selected.excluded
        }
        const read = readLines(parsed.files, io)
        if (typeof read === 'string') throw new Error(read)
        lines.push(...read.lines)
        if (read.rejected > 0) extra['lines skipped as invalid'] = read.rejected
      } catch (error) {
        io.error(`kedai eval nlu: ${error instanceof Error ? error.message : String(error)}`)
        return 2
      }
      if (lines.length === 0) {
        io.error('kedai eval nlu: no valid evaluation line to run')
        return 1
      }
      const recognizer = buildRecognizer()
      extra['training examples'] = recognizer.trainingExampleCount
      extra['training ms'] = Math.round(recognizer.trainingMilliseconds)
      warmUp(recognizer, lines)
      const report = evaluateRecognizer(recognizer, lines, parsed.threshold)
      if (parsed.json) io.out(JSON.stringify({ ...report, ...jsonExtra(extra) }))
      else io.out(formatReport(report, extra))
      return 0
    },
  }
}

/** `kedai eval nlu`: trains the recognizer and reports accuracy, entities, false acceptance, latency. */
export const evalNluCommand: CliCommand = createEvalNluCommand()

function jsonExtra(extra: Record<string, number>): Record<string, number> {
  const renamed: Record<string, number> = {}
  const keys: Record<string, string> = {
    'bitext lines also in train (left out)': 'excludedDuplicates',
    'lines skipped as invalid': 'skippedLines',
    'training examples': 'trainingExamples',
    'training ms': 'trainingMs',
  }
  for (const [key, value] of Object.entries(extra)) renamed[keys[key] ?? key] = value
  return renamed
}
