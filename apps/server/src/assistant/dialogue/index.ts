export { cancelWords, isCancelRequest } from './control-words.ts'
export { defaultFlows } from './default-flows.ts'
export {
  createDialogueEngine,
  type DialogueEngine,
  type DialogueEngineOptions,
  type TurnInput,
  type TurnOutput,
} from './dialogue-engine.ts'
export {
  dialogueStateSchema,
  flowFrameSchema,
  readDialogueState,
  type DialogueState,
  type FlowFrame,
} from './dialogue-state.ts'
export {
  handOverReasons,
  type Flow,
  type FlowContext,
  type FlowOutcome,
  type HandOverReason,
  type SlotDefinition,
} from './flow.ts'
export type {
  CardTokenizer,
  ExchangeStarter,
  FlowServices,
  InvoiceIssuer,
  PaymentLinkStarter,
  ReturnStarter,
} from './flow-services.ts'
export { unavailableFlow } from './flows/unavailable-flow.ts'
