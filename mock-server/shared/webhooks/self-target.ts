/**
 * Whether a webhook URL is the simulator itself. A `notice_url` (or merchant URL, or a hand-made
 * send) aimed at the simulator's own port reaches its control API: one merchant made another's
 * webhooks redeliver through `/__mock/webhooks/{id}/redeliver`, and a delivery aimed at its own
 * redeliver route looped for ever, holding control reads and the shutdown. Such a target is
 * refused at delivery, with a reason, and never retried.
 *
 * It is the simulator when the port is the one it listens on and the host is (or resolves to) a
 * loopback or unspecified address, or an address of this machine.
 */
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import { networkInterfaces } from 'node:os'

export class SelfTargets {
  private port: number | null = null

  /** Told once the server listens (the port is known only then). */
  listening(port: number): void {
    this.port = port
  }

  /** Why the URL is the simulator itself, or null when it is not (or cannot be read: the send reports that). */
  async reasonToRefuse(url: string): Promise<string | null> {
    if (this.port === null) return null
    let target: URL
    try {
      target = new URL(url)
    } catch {
      return null
    }
    const port = target.port === '' ? (target.protocol === 'https:' ? 443 : 80) : Number(target.port)
    if (port !== this.port) return null
    const host = target.hostname.replace(/^\[|\]$/g, '')
    let addresses: string[]
    if (isIP(host) !== 0) {
      addresses = [host]
    } else {
      try {
        addresses = (await lookup(host, { all: true })).map((a) => a.address)
      } catch {
        return null
      }
    }
    const own = ownAddresses()
    const self = addresses.find((a) => isLoopbackOrAny(a) || own.has(normalise(a)))
    return self === undefined
      ? null
      : `refused: ${target.host} is this simulator itself (port ${port}); a webhook aimed at the simulator would reach its own API, so it is never sent nor retried`
  }
}

function normalise(address: string): string {
  return address.toLowerCase().replace(/^::ffff:/, '')
}

function isLoopbackOrAny(address: string): boolean {
  const a = normalise(address)
  return a.startsWith('127.') || a === '::1' || a === '0.0.0.0' || a === '::' || a === '0:0:0:0:0:0:0:1'
}

function ownAddresses(): Set<string> {
  const out = new Set<string>()
  for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) out.add(normalise(i.address))
  return out
}
