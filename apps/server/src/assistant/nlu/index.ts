export { intents, entityTypes, isIntent, isEntityType } from './intents.ts'
export type { Intent, EntityType } from './intents.ts'
export type {
  RecognitionContext,
  Entity,
  Recognition,
  Recognizer,
  CatalogMention,
  CatalogMentionResolver,
  TrainingExample,
} from './recognizer.ts'
export { createRecognizer, actThreshold } from './create-recognizer.ts'
export type { RecognizerOptions, TrainedRecognizer } from './create-recognizer.ts'
export { detectLanguage } from './detect-language.ts'
export { normalizeText } from './normalize-text.ts'
export {
  loadTrainingExamples,
  parseEvaluationLines,
  readBitextExamples,
  readIntentMap,
  nluDataDirectory,
  excludeTrainDuplicates,
} from './training-data.ts'
export type { EvaluationLine, IntentMap } from './training-data.ts'
export { evaluateRecognizer } from './evaluate-recognizer.ts'
export type { EvaluationReport, IntentScore } from './evaluate-recognizer.ts'
