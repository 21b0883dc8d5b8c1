/**
 * One sub-command of the `kedai` command-line tool.
 *
 * `names` is the word sequence that selects it (`['eval', 'nlu']` for `kedai eval nlu`).
 * `run` receives the remaining arguments and returns the process exit code; it reports bad
 * arguments itself (a clear message on stderr and a non-zero code), never by throwing.
 */
export interface CliCommand {
  readonly names: readonly string[]
  readonly summary: string
  readonly usage: string
  run(argumentList: readonly string[], io: CliIo): Promise<number>
}

/** Where a command writes; injected so commands can be tested without a terminal. */
export interface CliIo {
  out(text: string): void
  error(text: string): void
}
