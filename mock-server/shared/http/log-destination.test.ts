/** The stdout log writer drops its lines once its descriptor is dead, and its exit flush never waits. */
import { describe, expect, it } from 'vitest'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DroppingDestination } from './log-destination.js'

describe('the log destination', () => {
  it('drops every line after EBADF, and flushSync returns at once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamport-mock-log-'))
    const fd = openSync(join(dir, 'log'), 'w')
    closeSync(fd)
    const destination = new DroppingDestination(fd)
    destination.write('a line\n')
    const started = performance.now()
    destination.flushSync()
    expect(destination.dropped).toBe(true)
    destination.write('x'.repeat(10_000))
    destination.end()
    expect(performance.now() - started).toBeLessThan(100)
    rmSync(dir, { recursive: true, force: true })
  })

  it('writes every line to a live descriptor', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamport-mock-log-'))
    const file = join(dir, 'log')
    const fd = openSync(file, 'w')
    const destination = new DroppingDestination(fd)
    for (let i = 0; i < 1000; i++) destination.write(`line ${i}\n`)
    destination.end()
    closeSync(fd)
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean)).toHaveLength(1000)
    rmSync(dir, { recursive: true, force: true })
  })
})
