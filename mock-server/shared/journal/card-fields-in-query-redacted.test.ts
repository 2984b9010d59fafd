import { describe, expect } from 'vitest'
import { Writable } from 'node:stream'
import { redactUrl } from '../http/logging.js'
import { it } from '../../../test/support/fixtures.js'

// Found by the card-data scan: a client that puts card fields in the query string (a PHP backend
// reads them there too) had them written to the server log and the request journal as they were.

describe('card fields in a query string', () => {
  it('are masked in the log and in the journal', async ({ testApp }) => {
    const lines: string[] = []
    const logStream = new Writable({
      write: (chunk, _e, done) => {
        lines.push(String(chunk))
        done()
      }
    })
    const t = await testApp({ logger: 'trace', logStream })
    await t.get('/payments/imp_1?card_number=5594-1087-3142-6500&birth=870514&pwd_2digit=37&cvc=913&x=1')
    const journal = (await t.app.inject('/__mock/requests')).body
    for (const text of [lines.join(''), journal]) {
      expect(text).toContain('card_number=[redacted]&birth=[redacted]&pwd_2digit=[redacted]&cvc=[redacted]&x=1')
      expect(text).not.toMatch(/5594-1087|870514|=37|=913/)
    }
  })

  it('are masked whatever their bracket form or case', () => {
    expect(redactUrl('/a?card_number[]=1&CVC=2&birth%5B0%5D=3&_token=t&name=ok')).toBe(
      '/a?card_number[]=[redacted]&CVC=[redacted]&birth%5B0%5D=[redacted]&_token=[redacted]&name=ok'
    )
  })
})
