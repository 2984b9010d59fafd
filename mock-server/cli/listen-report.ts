/**
 * What the command says about where it listens: the busy-port line, the warning when the control
 * API is reachable from the network, and the address part of the ready line. Pure functions of
 * what they are given, so the wording is tested without binding ports.
 */
import { existsSync, readFileSync } from 'node:fs'

/** Loopback names and addresses: nothing outside this machine reaches them. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase()
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || /^::ffff:127\./.test(h)
}

/** 0.0.0.0 and :: listen on every interface. */
export function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]'
}

/**
 * The pid in `FILE.lock` when another live process holds it (a second simulator on the same data
 * file), else null.
 */
export function lockOwner(dataFile: string | undefined): number | null {
  if (dataFile === undefined) return null
  const lock = `${dataFile}.lock`
  if (!existsSync(lock)) return null
  const pid = Number(readFileSync(lock, 'utf8'))
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null
  try {
    process.kill(pid, 0)
    return pid
  } catch {
    return null
  }
}

/** One line for a port another process already listens on (the caller exits 1). */
export function busyPortMessage(port: number, host: string, ownerPid: number | null): string {
  const who = ownerPid === null ? 'another simulator may be running there' : `another simulator may be running there (pid ${ownerPid})`
  return `port ${port} on ${host} is already in use: ${who}; stop it, choose another --port N, or use --port 0 for any free port`
}

/** The stderr warning for a non-loopback bind with the control API on and no token; null when none is due. */
export function openControlWarning(host: string, control: { enabled: boolean; token: string | null }): string | null {
  if (isLoopback(host) || !control.enabled || control.token !== null) return null
  return (
    `warning: listening on ${host} without --control-token: the control API (/__mock: reset, faults, clock, ` +
    `webhooks) is open to anyone who can reach this address; pass --control-token T (or --no-control)`
  )
}

/**
 * For the ready line, on a wildcard bind: the address really bound (its URL says 127.0.0.1, the
 * address to use from this machine, but a container's log should not claim loopback only).
 */
export function boundNote(bound: { address: string; port: number } | null): string | null {
  if (bound === null || !isWildcard(bound.address)) return null
  const shown = bound.address.includes(':') ? `[${bound.address}]` : bound.address
  return `listening on ${shown}:${bound.port}, every interface`
}
