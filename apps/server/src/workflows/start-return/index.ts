export {
  defaultReturnAddress,
  issueReturn,
  labelUrlOf,
  renderReturnLabel,
  startExchange,
  startReturn,
  type ReturnAddress,
  type ReturnLabelServices,
  type StartReturnDependencies,
  type StartedReturn,
} from './start-return.ts'
