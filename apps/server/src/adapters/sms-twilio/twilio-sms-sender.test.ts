import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTwilioSmsSender } from './twilio-sms-sender.ts'

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')

interface ReceivedRequest {
  readonly path: string
  readonly authorization: string | undefined
  readonly contentType: string | undefined
  readonly form: URLSearchParams
}

describe('createTwilioSmsSender', () => {
  const requests: ReceivedRequest[] = []
  let server: Server
  let baseUrl = ''

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = ''
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
      request.on('end', () => {
        const form = new URLSearchParams(body)
        requests.push({
          path: request.url ?? '',
          authorization: request.headers.authorization,
          contentType: request.headers['content-type'],
          form,
        })
        const expectedAuthorization = `Basic ${Buffer.from('AC123:secret-token').toString('base64')}`
        if (
          request.method !== 'POST' ||
          request.url !== '/2010-04-01/Accounts/AC123/Messages.json'
        ) {
          response.writeHead(404).end()
          return
        }
        if (request.headers.authorization !== expectedAuthorization) {
          response
            .writeHead(401, { 'content-type': 'application/json' })
            .end(JSON.stringify({ code: 20003, message: 'Authenticate', status: 401 }))
          return
        }
        if (!/^\+[1-9]\d{7,14}$/.test(form.get('To') ?? '')) {
          response
            .writeHead(400, { 'content-type': 'application/json' })
            .end(fixture('error-invalid-to.json'))
          return
        }
        const message = {
          ...JSON.parse(fixture('message-created.json')),
          to: form.get('To'),
          from: form.get('From'),
          body: form.get('Body'),
        }
        response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(message))
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  it('posts a form-encoded message with basic auth and returns the message sid when accepted', async () => {
    const sender = createTwilioSmsSender({
      accountSid: 'AC123',
      authToken: 'secret-token',
      from: '+60312345678',
      baseUrl,
    })
    const outcome = await sender.send({
      channel: 'sms',
      to: '+60123456789',
      text: 'Kedai：訂單 #W2378156 已確認',
    })
    expect(outcome).toEqual({ ok: true, providerReference: 'SMXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX' })
    const request = requests.at(-1)
    expect(request?.contentType).toBe('application/x-www-form-urlencoded')
    expect(request?.form.get('To')).toBe('+60123456789')
    expect(request?.form.get('From')).toBe('+60312345678')
    expect(request?.form.get('Body')).toBe('Kedai：訂單 #W2378156 已確認')
  })

  it('returns rejected with Twilio’s error when the number is invalid', async () => {
    const sender = createTwilioSmsSender({
      accountSid: 'AC123',
      authToken: 'secret-token',
      from: '+60312345678',
      baseUrl,
    })
    const outcome = await sender.send({ channel: 'sms', to: '+60000', text: 'hi' })
    expect(outcome).toEqual({
      ok: false,
      reason: 'rejected',
      message: "21211: The 'To' number +60000 is not a valid phone number.",
    })
  })

  it('returns rejected when the credentials are wrong and unavailable when the server is down', async () => {
    const wrong = createTwilioSmsSender({
      accountSid: 'AC123',
      authToken: 'nope',
      from: '+60312345678',
      baseUrl,
    })
    expect(await wrong.send({ channel: 'sms', to: '+60123456789', text: 'hi' })).toMatchObject({
      ok: false,
      reason: 'rejected',
    })
    const down = createTwilioSmsSender({
      accountSid: 'AC123',
      authToken: 'secret-token',
      from: '+60312345678',
      baseUrl: 'http://127.0.0.1:1',
    })
    expect(await down.send({ channel: 'sms', to: '+60123456789', text: 'hi' })).toMatchObject({
      ok: false,
      reason: 'unavailable',
    })
  })
})
