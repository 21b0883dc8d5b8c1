import { readFileSync } from 'node:fs'
import { z } from 'zod'

const fileSchema = z.object({ domains: z.array(z.string().min(3)) })

/** Reads the disposable e-mail domain list (`data/demo/disposable-email-domains.json`). */
export function loadDisposableEmailDomains(file: string): string[] {
  return fileSchema
    .parse(JSON.parse(readFileSync(file, 'utf8')))
    .domains.map((domain) => domain.toLowerCase())
}
