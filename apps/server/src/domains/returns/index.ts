export {
  labelInstructions,
  renderReturnInstructions,
  type ReturnInstructionValues,
} from './return-instructions.ts'
export type { ReturnLabel, ReturnLabelRenderer } from './return-label-renderer.ts'
export {
  advanceReturnsOfOrder,
  createReturnService,
  formatRmaNumber,
  returnStatuses,
  type LabelLinkRefusal,
  type ReturnRecord,
  type ReturnService,
  type ReturnServiceDependencies,
  type ReturnStatus,
} from './return-service.ts'
