import { describe, expect, it } from 'vitest'
import { ConfigurationError, loadConfiguration } from './config.ts'

describe('loadConfiguration', () => {
  it('uses SQLite under ./data and port 3000 when nothing is set', () => {
    const configuration = loadConfiguration({})
    expect(configuration.port).toBe(3000)
    expect(configuration.database.engine).toBe('sqlite')
    expect(configuration.database.engine === 'sqlite' && configuration.database.file).toMatch(
      /data\/kedai\.db$/,
    )
    expect(configuration.store).toEqual({ currency: 'MYR', locale: 'en' })
    expect(configuration.publicUrl).toBe('http://localhost:3000')
  })

  it('selects PostgreSQL when DATABASE_URL is a postgres URL', () => {
    const configuration = loadConfiguration({ DATABASE_URL: 'postgres://root@127.0.0.1:5432/test' })
    expect(configuration.database).toEqual({
      engine: 'postgres',
      url: 'postgres://root@127.0.0.1:5432/test',
    })
  })

  it('names every invalid variable when several are wrong', () => {
    let caught: unknown
    try {
      loadConfiguration({ PORT: 'abc', DATABASE_URL: 'mysql://x', STORE_LOCALE: 'fr' })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ConfigurationError)
    const problems = (caught as ConfigurationError).problems.map((problem) => problem.variable)
    expect(problems).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'STORE_LOCALE']))
    expect((caught as ConfigurationError).message).toMatch(/PORT: expected a port number/)
    expect((caught as ConfigurationError).message).toMatch(/DATABASE_URL: expected postgres:\/\//)
  })

  it('requires a secret in production', () => {
    expect(() => loadConfiguration({ NODE_ENV: 'production' })).toThrow(/KEDAI_SECRET/)
  })

  it('parses the allowed origins list', () => {
    const configuration = loadConfiguration({
      ALLOWED_ORIGINS: 'https://a.example, https://b.example',
    })
    expect(configuration.allowedOrigins).toEqual(['https://a.example', 'https://b.example'])
  })
})
