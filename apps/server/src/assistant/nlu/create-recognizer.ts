import {
  modelCacheFile,
  readTrainedParts,
  writeTrainedParts,
  type TrainedParts,
} from './model-cache.ts'
import type { Locale } from '../../shared/locale.ts'
import type { Clock } from '../../shared/clock.ts'
import { systemClock } from '../../shared/clock.ts'
import { detectLanguage } from './detect-language.ts'
import { createEntityExtractor } from './extract-entities.ts'
import type { StoreEntry } from './entity-lexicons.ts'
import { extractFeatures } from './extract-features.ts'
import type { FeatureVector } from './extract-features.ts'
import { intents } from './intents.ts'
import type { Intent } from './intents.ts'
import {
  fitTemperature,
  scoreLinearModel,
  softmaxInPlace,
  trainLinearModel,
} from './linear-model.ts'
import type { LabelledFeatures, LinearModel } from './linear-model.ts'
import { addNaiveBayesScores, trainNaiveBayes } from './naive-bayes.ts'
import { maximumAnalysedLength, normalizeText } from './normalize-text.ts'
import type {
  CatalogMentionResolver,
  Entity,
  Recognition,
  RecognitionContext,
  Recognizer,
  TrainingExample,
} from './recognizer.ts'
import { loadTrainingExamples } from './training-data.ts'

/**
 * The confidence above which the bot acts on a recognised intent. Below it the message is
 * treated as not understood (a clarifying question or `out_of_scope`), which keeps false
 * acceptance of off-topic messages low. Chosen by looking at false acceptance on the out-of-scope
 * file against held-out accuracy at the threshold (see docs/architecture/nlu.md).
 */
export const actThreshold = 0.5

/** How {@link createRecognizer} builds its model. */
export interface RecognizerOptions {
  /** Finds product and category mentions in the live catalog (all four languages). */
  mentionResolver?: CatalogMentionResolver
  /** Approved examples (for instance from agents) that join the training data. */
  extraExamples?: TrainingExample[]
  /** Where the training data lives; defaults to the repository's `data/nlu/`. */
  dataDirectory?: string
  /** Replaces the project's training data entirely (tests, benchmarks). */
  trainingExamples?: TrainingExample[]
  /** The physical stores shoppers may name; defaults to the demo stores. */
  stores?: readonly StoreEntry[]
  /** Resolves relative dates (`tomorrow`); defaults to the system clock. */
  clock?: Clock
  /** Training epochs; the default is tuned for accuracy within about two seconds. */
  epochs?: number
  /** Seed of the training shuffle; the same seed and data give the same model. */
  seed?: number
  /** Initial SGD step size. */
  learningRate?: number
  /**
   * Reuse a model this process already trained on the same examples and options (default true);
   * false always trains afresh.
   */
  reuseTrainedModel?: boolean
  /**
   * A folder where the trained model is kept on disk, keyed by a fingerprint of the examples and
   * options: a later start with the same data loads it instead of training (servers pass their data
   * folder; without it the model is trained in memory only).
   */
  modelCacheDirectory?: string
}

/** A recognizer plus what it was trained with, for evaluation and tests. */
export interface TrainedRecognizer extends Recognizer {
  readonly model: LinearModel
  readonly temperature: number
  readonly trainingExampleCount: number
  readonly trainingMilliseconds: number
}

const intentIndex = new Map<Intent, number>(intents.map((intent, index) => [intent, index]))
const outOfScopeIndex = intents.indexOf('out_of_scope')
// How much the naive Bayes view adds to the linear model's scores (an ensemble of two views of
// the same features: it sharpens the out_of_scope decision and helps with rare words).
const bayesWeight = 1
const confirmationSlots = new Set(['confirmation', 'confirm', 'yes-no', 'affirm'])
const affirmations = new Set(
  (
    'yes|yeah|yea|yep|yup|sure|ok|ok please|ok lah|ok la|okla|oklah|alright|correct|right|confirm|' +
    'confirmed|go ahead|please do|please|do it|sounds good|ya|yes please|ya boleh|boleh|boleh je|' +
    'baik|betul|setuju|ok boleh|teruskan|好|好的|好啊|好呀|好喔|好哦|可以|可以啊|是|是的|对|对的|' +
    '没问题|行|嗯|嗯嗯|确认|确定|没错|要|要的|ya betul|ya saya'
  ).split('|'),
)
const negations = new Set(
  (
    'no|nope|nah|no thanks|not now|no need|dont|do not|never mind|nevermind|tak|tak nak|tak payah|' +
    'tak mau|tak perlu|jangan|taknak|bukan|tak apa|tak pe|takpe|不|不要|不用|不用了|算了|不是|否|' +
    '不需要|先不要|不了|no la|no lah|tak lah|x nak|tak jadi'
  ).split('|'),
)
const slotAnswerTypes: Readonly<Record<string, readonly string[]>> = {
  size: ['size'],
  quantity: ['quantity'],
  color: ['color'],
  colour: ['color'],
  order_id: ['order_id'],
  email: ['email'],
  phone: ['phone'],
  coupon_code: ['coupon_code'],
  date: ['date'],
  payment_method: ['payment_method'],
  store: ['store'],
  product: ['product', 'category', 'color', 'size'],
}
// Messages that are mostly control characters or replacement marks are junk, not language.
const junkCharacterPattern = /[\p{Cc}\p{Cs}\p{Co}\uFFFD]/gu
const meaningfulCharacterPattern = /[\p{L}\p{N}]/gu

const markerExtractor = createEntityExtractor()
const markerTime = new Date(0)

/** The entity types found in a message, as classifier features (context-free, so training and use agree). */
function entityMarkers(entities: readonly Entity[]): string[] {
  return [...new Set(entities.map((entity) => entity.type))]
}

function featurize(text: string, normalized: string = normalizeText(text)): FeatureVector {
  const language = detectLanguage(text)
  return extractFeatures(
    normalized,
    entityMarkers(markerExtractor(text, language, undefined, markerTime)),
  )
}

function computeClassWeights(labels: readonly number[]): Float32Array {
  const counts = new Float64Array(intents.length)
  for (const label of labels) counts[label] = (counts[label] ?? 0) + 1
  const present = [...counts].filter((count) => count > 0).sort((left, right) => left - right)
  const median = present[Math.floor(present.length / 2)] ?? 1
  const weights = new Float32Array(intents.length)
  counts.forEach((count, label) => {
    // Square-root reweighting: classes with fewer examples count more, without drowning big ones.
    weights[label] = count === 0 ? 1 : Math.min(3, Math.max(0.35, Math.sqrt(median / count)))
  })
  return weights
}

function buildLabelled(examples: readonly TrainingExample[]): LabelledFeatures[] {
  const labelled: LabelledFeatures[] = []
  for (const example of examples) {
    const label = intentIndex.get(example.intent)
    if (label === undefined) continue
    labelled.push({ features: featurize(example.text), label })
  }
  return labelled
}

function outOfScopeRecognition(text: string, language: Locale): Recognition {
  return { text, language, intent: 'out_of_scope', confidence: 0, alternatives: [], entities: [] }
}

function isJunk(text: string): boolean {
  if (text.trim() === '') return true
  const meaningful = text.match(meaningfulCharacterPattern)?.length ?? 0
  if (meaningful === 0) return true
  const junk = text.match(junkCharacterPattern)?.length ?? 0
  return junk / text.length > 0.1
}

// Trained models by a fingerprint of their examples and options: several parts of one process
// (server, tests) asking for the same recognizer share one training run.
const trainedCache = new Map<string, TrainedParts>()
const maximumCachedModels = 2

function fingerprint(examples: readonly TrainingExample[], options: object): string {
  let hash = 0x811c9dc5
  const mix = (text: string): void => {
    for (let index = 0; index < text.length; index += 1) {
      hash ^= text.charCodeAt(index)
      hash = Math.imul(hash, 0x01000193)
    }
  }
  for (const example of examples) mix(`${example.intent}\u0000${example.text}\u0001`)
  return `${(hash >>> 0).toString(16)}:${examples.length}:${JSON.stringify(options)}`
}

function trainParts(
  examples: readonly TrainingExample[],
  trainingOptions: { classCount: number; epochs: number; seed: number; learningRate: number },
): TrainedParts {
  const labelled = buildLabelled(examples)
  const calibrationFold = labelled.filter((_, index) => index % 10 === 7)
  const fitFold = labelled.filter((_, index) => index % 10 !== 7)
  let temperature = 1
  if (calibrationFold.length >= 20) {
    // Half the epochs: enough to see how confident the model is on lines it has not seen, at a
    // quarter less start-up time.
    const foldModel = trainLinearModel(fitFold, {
      ...trainingOptions,
      epochs: Math.max(1, Math.ceil(trainingOptions.epochs / 2)),
      classWeights: computeClassWeights(fitFold.map((example) => example.label)),
    })
    const foldBayes = trainNaiveBayes(fitFold, intents.length)
    const logits = calibrationFold.map((example) => {
      const scores = new Float64Array(intents.length)
      scoreLinearModel(foldModel, example.features, scores)
      addNaiveBayesScores(foldBayes, example.features, scores, bayesWeight)
      return scores
    })
    temperature = fitTemperature(
      logits,
      calibrationFold.map((example) => example.label),
    )
  }
  const model = trainLinearModel(labelled, {
    ...trainingOptions,
    classWeights: computeClassWeights(labelled.map((example) => example.label)),
  })
  const bayes = trainNaiveBayes(labelled, intents.length)
  return { model, bayes, temperature, exampleCount: labelled.length }
}

/**
 * Trains the intent classifier (softmax regression over hashed character and word n-grams, plus
 * a naive Bayes view of the same features; see `docs/architecture/nlu.md`) on the project's multilingual training data and returns a
 * recognizer. Training is deterministic. The softmax temperature is fitted on a 10% fold held
 * out from a first training run, then the final model is trained on everything. A process that
 * asks twice for the same examples and options reuses the first trained model.
 */
export function createRecognizer(options: RecognizerOptions = {}): TrainedRecognizer {
  const started = performance.now()
  const examples = [
    ...(options.trainingExamples ?? loadTrainingExamples(options.dataDirectory)),
    ...(options.extraExamples ?? []),
  ]
  const trainingOptions = {
    classCount: intents.length,
    epochs: options.epochs ?? 8,
    seed: options.seed ?? 20261124,
    learningRate: options.learningRate ?? 6,
  }
  const key = fingerprint(examples, trainingOptions)
  const cached = options.reuseTrainedModel === false ? undefined : trainedCache.get(key)
  const cacheFile =
    options.modelCacheDirectory === undefined || options.reuseTrainedModel === false
      ? undefined
      : modelCacheFile(options.modelCacheDirectory, key)
  const stored = cached ?? (cacheFile === undefined ? undefined : readTrainedParts(cacheFile))
  const parts = stored ?? trainParts(examples, trainingOptions)
  if (stored === undefined && cacheFile !== undefined) {
    try {
      writeTrainedParts(cacheFile, parts)
    } catch {
      // A read-only data folder only costs the next start a training run.
    }
  }
  if (cached === undefined) {
    if (trainedCache.size >= maximumCachedModels) {
      const oldest = trainedCache.keys().next().value
      if (oldest !== undefined) trainedCache.delete(oldest)
    }
    trainedCache.set(key, parts)
  }
  const { model, bayes, temperature } = parts
  const trainingMilliseconds = performance.now() - started
  const extractEntities = createEntityExtractor({
    ...(options.mentionResolver === undefined ? {} : { mentionResolver: options.mentionResolver }),
    ...(options.stores === undefined ? {} : { stores: options.stores }),
  })
  const clock = options.clock ?? systemClock
  const scores = new Float64Array(intents.length)
  const order = intents.map((_, index) => index)

  const recognize = (input: string, context?: RecognitionContext): Recognition => {
    const text = typeof input === 'string' ? input : ''
    const analysed = text.slice(0, maximumAnalysedLength)
    const language = detectLanguage(analysed, context?.locale)
    if (isJunk(analysed)) return outOfScopeRecognition(text, language)
    const normalized = normalizeText(analysed)
    const features = featurize(analysed, normalized)
    if (features.indices.length === 0) return outOfScopeRecognition(text, language)
    scoreLinearModel(model, features, scores)
    addNaiveBayesScores(bayes, features, scores, bayesWeight)
    softmaxInPlace(scores, temperature)
    order.sort((left, right) => (scores[right] ?? 0) - (scores[left] ?? 0))
    const ranked = order.slice(0, 4).map((label) => ({
      intent: intents[label] ?? 'out_of_scope',
      confidence: scores[label] ?? 0,
    }))
    let top = ranked[0] ?? {
      intent: 'out_of_scope' as Intent,
      confidence: scores[outOfScopeIndex] ?? 0,
    }
    const entities: Entity[] = extractEntities(text, language, context, clock.now())
    let answersExpectedSlot = false
    const expectedSlot = context?.expectedSlot
    if (expectedSlot !== undefined && confirmationSlots.has(expectedSlot)) {
      if (affirmations.has(normalized))
        top = { intent: 'affirm', confidence: Math.max(0.97, top.confidence) }
      else if (negations.has(normalized))
        top = { intent: 'deny', confidence: Math.max(0.97, top.confidence) }
      answersExpectedSlot = top.intent === 'affirm' || top.intent === 'deny'
    } else if (expectedSlot !== undefined) {
      const wanted = slotAnswerTypes[expectedSlot] ?? [expectedSlot]
      const answer = entities.filter((entity) =>
        (wanted as readonly string[]).includes(entity.type),
      )
      const covered = answer.reduce((sum, entity) => sum + entity.end - entity.start, 0)
      const meaningfulLength = analysed.replace(/[^\p{L}\p{N}]/gu, '').length
      // A short message that is mostly the expected value ("9", "size 9 pls", "the black one").
      answersExpectedSlot =
        answer.length > 0 && (normalized.split(' ').length <= 4 || covered * 2 >= meaningfulLength)
    }
    const alternatives = ranked.filter((candidate) => candidate.intent !== top.intent).slice(0, 3)
    const recognition: Recognition = {
      text,
      language,
      intent: top.intent,
      confidence: top.confidence,
      alternatives,
      entities,
    }
    if (answersExpectedSlot) recognition.answersExpectedSlot = true
    return recognition
  }

  return {
    model,
    temperature,
    trainingExampleCount: parts.exampleCount,
    trainingMilliseconds,
    recognize(input, context) {
      try {
        return recognize(input, context)
      } catch {
        return outOfScopeRecognition(
          typeof input === 'string' ? input : '',
          context?.locale ?? 'en',
        )
      }
    },
  }
}
