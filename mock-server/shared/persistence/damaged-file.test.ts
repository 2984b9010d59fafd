/**
 * A damaged data file refuses the start with one line naming the file, the line number and what
 * is wrong, and is left exactly as it was: a `null` line, `{}`, a record without `r`, a record
 * with a bad value, a type with one flipped byte, and a directory in place of the file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp, type MockApp } from '../../app.js'
import { ManualClock } from '../clock.js'
import { T0_MS } from '../../../test/support/helpers.js'
import { DataFileError } from './data-file.js'
import { APPROVED_CARD } from '../../../fixtures/cards/catalogue.js'
import { DEFAULT_MERCHANT } from '../../../api/v1/docs-merchant.js'
import { runCli } from '../../../test/support/spawn.js'

let dir: string
let file: string
const apps: MockApp[] = []
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'iamport-mock-damaged-'))
  file = join(dir, 'state.jsonl')
})
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()))
  rmSync(dir, { recursive: true, force: true })
})

async function start(): Promise<MockApp> {
  const app = await buildApp({ clock: new ManualClock(T0_MS), data: { file } })
  apps.push(app)
  return app
}

/** A real file: a key and a paid payment of the docs merchant. */
async function validLines(): Promise<string[]> {
  const app = await start()
  const tok = (await app.inject({ method: 'POST', url: '/users/getToken', payload: DEFAULT_MERCHANT })).json().response.access_token
  const headers = { authorization: tok }
  await app.inject({
    method: 'POST',
    url: '/subscribe/customers/c1',
    headers,
    payload: { card_number: APPROVED_CARD, expiry: '2030-12', birth: '900101', pwd_2digit: '12' }
  })
  await app.inject({
    method: 'POST',
    url: '/subscribe/payments/again',
    headers,
    payload: { customer_uid: 'c1', merchant_uid: 'o1', amount: 1000, name: 'x' }
  })
  await app.close()
  apps.splice(0)
  return readFileSync(file, 'utf8').trimEnd().split('\n')
}

async function expectRefusal(text: string, lineNumber: number, problem: RegExp): Promise<void> {
  writeFileSync(file, text)
  const error = await start().then(
    () => null,
    (err: unknown) => err
  )
  expect(error).toBeInstanceOf(DataFileError)
  const message = (error as Error).message
  expect(message).not.toContain('\n')
  expect(message.startsWith(`${file}:${lineNumber}: `), message).toBe(true)
  expect(message).toMatch(problem)
  expect(readFileSync(file, 'utf8')).toBe(text)
}

describe('a damaged data file', () => {
  it('a null line', async () => {
    const lines = await validLines()
    await expectRefusal(`${[lines[0], 'null', ...lines.slice(1)].join('\n')}\n`, 2, /not a record \(null\)/)
  })

  it('an empty object', async () => {
    const lines = await validLines()
    await expectRefusal(`${[...lines, '{}'].join('\n')}\n`, lines.length + 1, /a record without a type/)
  })

  it('a payment without r', async () => {
    const lines = await validLines()
    await expectRefusal(
      `${[...lines, '{"t":"payment","k":"imp_apikey"}'].join('\n')}\n`,
      lines.length + 1,
      /payment record: the record must have required property 'r'/
    )
  })

  it('a payment whose amount is a string', async () => {
    const lines = await validLines()
    const n = lines.findIndex((l) => l.startsWith('{"t":"payment"'))
    const bad = lines.map((l, i) => (i === n ? l.replace(/"amount":1000/, '"amount":"1000"') : l))
    await expectRefusal(`${bad.join('\n')}\n`, n + 1, /payment record: r\.amount must be number/)
  })

  it('a type with one flipped byte, never rewritten away', async () => {
    const lines = await validLines()
    const n = lines.findIndex((l) => l.startsWith('{"t":"payment"'))
    const bad = lines.map((l, i) => (i === n ? l.replace('"t":"payment"', '"t":"paymenu"') : l))
    await expectRefusal(`${bad.join('\n')}\n`, n + 1, /unknown record type "paymenu"/)
  })

  it('a directory in place of the file', async () => {
    mkdirSync(file)
    const error = await start().then(
      () => null,
      (err: unknown) => err as Error
    )
    expect(error).toBeInstanceOf(DataFileError)
    expect(error!.message).toBe(`${file}: cannot read the data file: it is a directory, not a file`)
  })

  it('a torn last line is left out and its bytes kept aside', async () => {
    const lines = await validLines()
    const torn = '{"t":"payment","k":"imp_apikey","r":{"imp_uid":"imps_9'
    writeFileSync(file, `${lines.join('\n')}\n${torn}`)
    const app = await start()
    expect(app.dataFile?.loaded).toMatchObject({ payments: 1, dropped_tail: true, torn_file: `${file}.torn` })
    expect(readFileSync(`${file}.torn`, 'utf8')).toBe(`${torn}\n`)
  })

  it('the command says it in one line and exits 2', async () => {
    const lines = await validLines()
    writeFileSync(file, `${[lines[0], 'null', ...lines.slice(1)].join('\n')}\n`)
    const { code, stderr } = await runCli(['--port', '0', '--log-level', 'silent', '--data', file])
    expect(code).toBe(2)
    expect(stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(new RegExp(`^iamport-mock: ${file}:2: not a record \\(null\\)`))])
    mkdirSync(join(dir, 'adir'))
    const directory = await runCli(['--port', '0', '--log-level', 'silent', '--data', join(dir, 'adir')])
    expect(directory.code).toBe(2)
    expect(directory.stderr).toBe(`iamport-mock: ${join(dir, 'adir')}: cannot read the data file: it is a directory, not a file\n`)
  })
})
