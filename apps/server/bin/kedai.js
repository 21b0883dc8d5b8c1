#!/usr/bin/env node
// The `kedai` command: loads the TypeScript CLI through tsx (no build step needed).
import { register } from 'tsx/esm/api'

register()
await import('../src/cli.ts')
