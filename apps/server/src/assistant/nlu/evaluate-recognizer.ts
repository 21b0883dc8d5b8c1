import { locales } from '../../shared/locale.ts'
import type { Locale } from '../../shared/locale.ts'
import type { Intent } from './intents.ts'
import type { Recognition, Recognizer } from './recognizer.ts'
import type { EvaluationLine } from './training-data.ts'

/** Precision, recall and F1 of one intent. */
export interface IntentScore {
  support: number
  precision: number
  recall: number
  f1: number
}

/** The figures `kedai eval nlu` and the benchmark print. */
export interface EvaluationReport {
  n: number
  /** Share of lines whose top intent is the expected one. */
  accuracy: number
  /**
   * Share of lines the bot would handle correctly: the top intent when its confidence reaches
   * the act threshold, `out_of_scope` otherwise.
   */
  accuracyAtThreshold: number
  threshold: number
  languageAccuracy: number
  byLanguage: Partial<Record<Locale, { n: number; accuracy: number; accuracyAtThreshold: number }>>
  byIntent: Partial<Record<Intent, IntentScore>>
  confusions: { expected: Intent; predicted: Intent; count: number }[]
  /** Share of listed entity values found; `null` when no line lists entities. */
  entityAccuracy: number | null
  entityByType: Record<string, { n: number; correct: number; accuracy: number }>
  /** Over `out_of_scope` lines: share given a retail intent at or above the threshold. */
  falseAcceptance: {
    n: number
    rate: number
    byLanguage: Partial<Record<Locale, { n: number; rate: number }>>
  } | null
  latencyMs: { p50: number; p99: number; mean: number }
  /**
   * Process CPU time per message (`process.cpuUsage`, microsecond resolution): unlike wall-clock
   * latency it leaves out time the message waited while other processes had the CPU.
   */
  cpuMs: { p50: number; p99: number }
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))
  return sorted[index] ?? 0
}

function entityValueMatches(expected: string, recognition: Recognition, type: string): boolean {
  const wanted = expected.trim().toLowerCase()
  return recognition.entities.some(
    (entity) => entity.type === type && entity.value.trim().toLowerCase() === wanted,
  )
}

/**
 * Runs the recognizer over evaluation lines and measures intent accuracy (overall, per language,
 * per intent), the most frequent confusions, entity accuracy over the entities each line lists,
 * false acceptance on `out_of_scope` lines and per-message latency (`performance.now()`).
 */
export function evaluateRecognizer(
  recognizer: Recognizer,
  lines: readonly EvaluationLine[],
  threshold: number,
): EvaluationReport {
  const latencies: number[] = []
  const cpuTimes: number[] = []
  let correct = 0
  let correctAtThreshold = 0
  let languageCorrect = 0
  const languageTotals = new Map<
    Locale,
    { n: number; correct: number; correctAtThreshold: number }
  >()
  const truePositives = new Map<Intent, number>()
  const predictedCounts = new Map<Intent, number>()
  const supportCounts = new Map<Intent, number>()
  const confusionCounts = new Map<string, { expected: Intent; predicted: Intent; count: number }>()
  const entityTotals = new Map<string, { n: number; correct: number }>()
  let outOfScopeLines = 0
  let falselyAccepted = 0
  const falseByLanguage = new Map<Locale, { n: number; accepted: number }>()

  for (const line of lines) {
    const cpuStarted = process.cpuUsage()
    const started = performance.now()
    const recognition = recognizer.recognize(line.text)
    latencies.push(performance.now() - started)
    const cpu = process.cpuUsage(cpuStarted)
    cpuTimes.push((cpu.user + cpu.system) / 1000)
    const decided: Intent =
      recognition.confidence >= threshold ? recognition.intent : 'out_of_scope'
    const isCorrect = recognition.intent === line.intent
    if (isCorrect) correct += 1
    if (decided === line.intent) correctAtThreshold += 1
    if (recognition.language === line.lang) languageCorrect += 1
    const languageTotal = languageTotals.get(line.lang) ?? {
      n: 0,
      correct: 0,
      correctAtThreshold: 0,
    }
    languageTotal.n += 1
    if (isCorrect) languageTotal.correct += 1
    if (decided === line.intent) languageTotal.correctAtThreshold += 1
    languageTotals.set(line.lang, languageTotal)
    supportCounts.set(line.intent, (supportCounts.get(line.intent) ?? 0) + 1)
    predictedCounts.set(recognition.intent, (predictedCounts.get(recognition.intent) ?? 0) + 1)
    if (isCorrect) truePositives.set(line.intent, (truePositives.get(line.intent) ?? 0) + 1)
    else {
      const key = `${line.intent}>${recognition.intent}`
      const confusion = confusionCounts.get(key) ?? {
        expected: line.intent,
        predicted: recognition.intent,
        count: 0,
      }
      confusion.count += 1
      confusionCounts.set(key, confusion)
    }
    for (const [type, value] of Object.entries(line.entities ?? {})) {
      const total = entityTotals.get(type) ?? { n: 0, correct: 0 }
      total.n += 1
      if (entityValueMatches(String(value), recognition, type)) total.correct += 1
      entityTotals.set(type, total)
    }
    if (line.intent === 'out_of_scope') {
      outOfScopeLines += 1
      const accepted = recognition.intent !== 'out_of_scope' && recognition.confidence >= threshold
      if (accepted) falselyAccepted += 1
      const languageFalse = falseByLanguage.get(line.lang) ?? { n: 0, accepted: 0 }
      languageFalse.n += 1
      if (accepted) languageFalse.accepted += 1
      falseByLanguage.set(line.lang, languageFalse)
    }
  }

  const byLanguage: EvaluationReport['byLanguage'] = {}
  for (const locale of locales) {
    const total = languageTotals.get(locale)
    if (total === undefined) continue
    byLanguage[locale] = {
      n: total.n,
      accuracy: total.correct / total.n,
      accuracyAtThreshold: total.correctAtThreshold / total.n,
    }
  }
  const byIntent: EvaluationReport['byIntent'] = {}
  for (const [intent, support] of [...supportCounts.entries()].sort()) {
    const hits = truePositives.get(intent) ?? 0
    const predicted = predictedCounts.get(intent) ?? 0
    const precision = predicted === 0 ? 0 : hits / predicted
    const recall = support === 0 ? 0 : hits / support
    byIntent[intent] = {
      support,
      precision,
      recall,
      f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    }
  }
  const entityByType: EvaluationReport['entityByType'] = {}
  let entityCount = 0
  let entityCorrect = 0
  for (const [type, total] of [...entityTotals.entries()].sort()) {
    entityByType[type] = { ...total, accuracy: total.correct / total.n }
    entityCount += total.n
    entityCorrect += total.correct
  }
  const falseLanguages: NonNullable<EvaluationReport['falseAcceptance']>['byLanguage'] = {}
  for (const [locale, total] of falseByLanguage) {
    falseLanguages[locale] = { n: total.n, rate: total.accepted / total.n }
  }
  const sorted = [...latencies].sort((left, right) => left - right)
  const sortedCpu = [...cpuTimes].sort((left, right) => left - right)
  const n = lines.length
  return {
    n,
    accuracy: n === 0 ? 0 : correct / n,
    accuracyAtThreshold: n === 0 ? 0 : correctAtThreshold / n,
    threshold,
    languageAccuracy: n === 0 ? 0 : languageCorrect / n,
    byLanguage,
    byIntent,
    confusions: [...confusionCounts.values()]
      .sort(
        (left, right) => right.count - left.count || left.expected.localeCompare(right.expected),
      )
      .slice(0, 10),
    entityAccuracy: entityCount === 0 ? null : entityCorrect / entityCount,
    entityByType,
    falseAcceptance:
      outOfScopeLines === 0
        ? null
        : {
            n: outOfScopeLines,
            rate: falselyAccepted / outOfScopeLines,
            byLanguage: falseLanguages,
          },
    latencyMs: {
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      mean: n === 0 ? 0 : sorted.reduce((sum, value) => sum + value, 0) / n,
    },
    cpuMs: { p50: percentile(sortedCpu, 0.5), p99: percentile(sortedCpu, 0.99) },
  }
}
