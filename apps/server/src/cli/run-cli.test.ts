import { describe, expect, it } from 'vitest'
import type { CliCommand } from './cli-command.ts'
import { runCli } from './run-cli.ts'

function captureIo() {
  const out: string[] = []
  const error: string[] = []
  return {
    io: {
      out: (text: string) => void out.push(text),
      error: (text: string) => void error.push(text),
    },
    out,
    error,
  }
}

const seen: string[][] = []
const commands: CliCommand[] = [
  {
    names: ['eval'],
    summary: 'short',
    usage: 'kedai eval',
    run: async (rest) => (seen.push(['eval', ...rest]), 0),
  },
  {
    names: ['eval', 'nlu'],
    summary: 'long match',
    usage: 'kedai eval nlu <file>',
    run: async (rest) => (seen.push(['eval nlu', ...rest]), 3),
  },
]

describe('runCli', () => {
  it('prints help and exits 0 for --help', async () => {
    const { io, out } = captureIo()
    expect(await runCli(['--help'], commands, io)).toBe(0)
    expect(out.join('\n')).toMatch(/kedai eval nlu <file>/)
  })

  it('picks the longest matching command and passes the rest of the arguments', async () => {
    const { io } = captureIo()
    expect(await runCli(['eval', 'nlu', 'a.jsonl', '--json'], commands, io)).toBe(3)
    expect(seen.at(-1)).toEqual(['eval nlu', 'a.jsonl', '--json'])
  })

  it('rejects an unknown command with exit code 2 and names it', async () => {
    const { io, error } = captureIo()
    expect(await runCli(['frobnicate', '--now'], commands, io)).toBe(2)
    expect(error[0]).toBe('Unknown command: kedai frobnicate --now\n')
  })

  it('exits 2 with the help when no command is given', async () => {
    const { io, out } = captureIo()
    expect(await runCli([], commands, io)).toBe(2)
    expect(out.join('\n')).toMatch(/Usage: kedai <command>/)
  })
})
