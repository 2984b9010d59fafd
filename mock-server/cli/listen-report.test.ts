import { describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { boundNote, busyPortMessage, isLoopback, lockOwner, openControlWarning } from './listen-report.js'

describe('what the command says about where it listens', () => {
  it('tells loopback from network addresses', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopback(host)).toBe(true)
    for (const host of ['0.0.0.0', '::', '192.168.0.10', 'example.test', '::ffff:10.0.0.1']) expect(isLoopback(host)).toBe(false)
  })

  it('names the port, a possible other simulator (with its pid when known) and --port 0 for a busy port', () => {
    expect(busyPortMessage(4010, '127.0.0.1', null)).toBe(
      'port 4010 on 127.0.0.1 is already in use: another simulator may be running there; stop it, choose another --port N, or use --port 0 for any free port'
    )
    expect(busyPortMessage(4010, '127.0.0.1', 4242)).toContain('another simulator may be running there (pid 4242);')
  })

  it('reads the pid of a live other owner from the data file lock, and nothing from a stale or own lock', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamport-mock-lock-'))
    const data = join(dir, 'data.jsonl')
    expect(lockOwner(undefined)).toBeNull()
    expect(lockOwner(data)).toBeNull()
    writeFileSync(`${data}.lock`, String(process.ppid))
    expect(lockOwner(data)).toBe(process.ppid)
    writeFileSync(`${data}.lock`, String(process.pid))
    expect(lockOwner(data)).toBeNull()
    writeFileSync(`${data}.lock`, '2147483646')
    expect(lockOwner(data)).toBeNull()
  })

  it('warns about an open control API only off loopback, with the control API on and no token', () => {
    const open = { enabled: true, token: null }
    expect(openControlWarning('0.0.0.0', open)).toMatch(
      /^warning: listening on 0\.0\.0\.0 without --control-token: the control API .* is open to anyone/
    )
    expect(openControlWarning('127.0.0.1', open)).toBeNull()
    expect(openControlWarning('0.0.0.0', { enabled: true, token: 't' })).toBeNull()
    expect(openControlWarning('0.0.0.0', { enabled: false, token: null })).toBeNull()
  })

  it('shows the wildcard address really bound, and nothing for a specific address', () => {
    expect(boundNote({ address: '0.0.0.0', port: 4010 })).toBe('listening on 0.0.0.0:4010, every interface')
    expect(boundNote({ address: '::', port: 4010 })).toBe('listening on [::]:4010, every interface')
    expect(boundNote({ address: '127.0.0.1', port: 4010 })).toBeNull()
    expect(boundNote(null)).toBeNull()
  })
})
