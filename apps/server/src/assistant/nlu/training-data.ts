import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { locales } from '../../shared/locale.ts'
import { intents, isIntent } from './intents.ts'
import type { Intent } from './intents.ts'
import type { TrainingExample } from './recognizer.ts'

function findNluDataDirectory(): string {
  // Walk up from this module (source tree or a bundle in dist/) to the repository's data/nlu.
  let directory = dirname(fileURLToPath(import.meta.url))
  for (let depth = 0; depth < 8; depth += 1) {
    const candidate = join(directory, 'data', 'nlu')
    if (existsSync(join(candidate, 'train'))) return candidate
    directory = dirname(directory)
  }
  return join(process.cwd(), 'data', 'nlu')
}

/** The project's NLU data folder (`data/nlu/` at the repository root). */
export const nluDataDirectory = findNluDataDirectory()

/** One line of the evaluation format of `intents.md`. */
export const evaluationLineSchema = z.object({
  text: z.string(),
  lang: z.enum(locales),
  intent: z.enum(intents),
  entities: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  source: z.string().optional(),
})

/** A parsed evaluation line. */
export type EvaluationLine = z.infer<typeof evaluationLineSchema>

/** A line that could not be read, with its 1-based line number and the reason. */
export interface RejectedLine {
  line: number
  reason: string
}

/** Parses JSON Lines in the evaluation format; bad lines are reported, never thrown. */
export function parseEvaluationLines(content: string): {
  lines: EvaluationLine[]
  rejected: RejectedLine[]
} {
  const lines: EvaluationLine[] = []
  const rejected: RejectedLine[] = []
  content.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      rejected.push({ line: index + 1, reason: 'not valid JSON' })
      return
    }
    const parsed = evaluationLineSchema.safeParse(json)
    if (parsed.success) lines.push(parsed.data)
    else {
      const issue = parsed.error.issues[0]
      rejected.push({
        line: index + 1,
        reason: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
      })
    }
  })
  return { lines, rejected }
}

/** Splits CSV text (RFC 4180: quoted fields, doubled quotes, embedded commas and newlines). */
export function parseCsv(content: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let index = 0; index < content.length; index += 1) {
    const character = content.charAt(index)
    if (quoted) {
      if (character === '"') {
        if (content.charAt(index + 1) === '"') {
          field += '"'
          index += 1
        } else quoted = false
      } else field += character
    } else if (character === '"') quoted = true
    else if (character === ',') {
      row.push(field)
      field = ''
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && content.charAt(index + 1) === '\n') index += 1
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += character
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

/** Bitext intent name → contract intent (`intent-map.json`). */
export type IntentMap = Readonly<Record<string, Intent>>

/** Reads and checks an intent map file: every target must be a contract intent. */
export function readIntentMap(path: string): IntentMap {
  const parsed = z.record(z.string(), z.string()).parse(JSON.parse(readFileSync(path, 'utf8')))
  const map: Record<string, Intent> = {}
  for (const [source, target] of Object.entries(parsed)) {
    if (!isIntent(target)) throw new Error(`intent map: "${target}" is not an intent of intents.md`)
    map[source] = target
  }
  return map
}

/** Reads a Bitext CSV and maps its intents; rows with an unmapped intent are skipped. */
export function readBitextExamples(path: string, intentMap: IntentMap): EvaluationLine[] {
  const rows = parseCsv(readFileSync(path, 'utf8'))
  const header = rows[0] ?? []
  const utteranceColumn = header.indexOf('utterance')
  const intentColumn = header.indexOf('intent')
  const lines: EvaluationLine[] = []
  for (const row of rows.slice(1)) {
    const text = row[utteranceColumn]?.trim()
    const intent = intentMap[row[intentColumn] ?? '']
    if (text === undefined || text === '' || intent === undefined) continue
    lines.push({ text, lang: 'en', intent })
  }
  return lines
}

/**
 * All training examples of the project: every `data/nlu/train/*.jsonl` plus Bitext `train.csv`
 * and `dev.csv` mapped through `intent-map.json`. Never reads `heldout/`, Bitext `test.csv` or
 * the out-of-scope file, which are for evaluation only.
 */
export function loadTrainingExamples(directory: string = nluDataDirectory): TrainingExample[] {
  const examples: TrainingExample[] = []
  const trainDirectory = join(directory, 'train')
  if (existsSync(trainDirectory)) {
    for (const file of readdirSync(trainDirectory).sort()) {
      if (!file.endsWith('.jsonl')) continue
      const { lines } = parseEvaluationLines(readFileSync(join(trainDirectory, file), 'utf8'))
      for (const line of lines)
        examples.push({ text: line.text, intent: line.intent, language: line.lang })
    }
  }
  const bitextDirectory = join(directory, 'bitext')
  const mapPath = join(bitextDirectory, 'intent-map.json')
  if (existsSync(mapPath)) {
    const intentMap = readIntentMap(mapPath)
    for (const file of ['train.csv', 'dev.csv']) {
      const path = join(bitextDirectory, file)
      if (!existsSync(path)) continue
      for (const line of readBitextExamples(path, intentMap)) {
        examples.push({ text: line.text, intent: line.intent, language: 'en' })
      }
    }
  }
  return examples
}

function duplicateKey(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ')
}

/**
 * The Bitext test lines that do not also occur in train, and how many were left out. Lines are
 * compared ignoring case and repeated spaces: that finds the 23 duplicates the Bitext README
 * mentions plus 3 that differ only by a doubled space (26 in all).
 */
export function excludeTrainDuplicates(
  test: readonly EvaluationLine[],
  train: readonly EvaluationLine[],
): { lines: EvaluationLine[]; excluded: number } {
  const trainKeys = new Set(train.map((line) => duplicateKey(line.text)))
  const lines = test.filter((line) => !trainKeys.has(duplicateKey(line.text)))
  return { lines, excluded: test.length - lines.length }
}
