/**
 * The test payment window's script: sends what the buyer did to the simulator and hands the
 * result back: by `postMessage` to the page that opened the overlay (only to that page's origin),
 * or, for a mobile window, by moving to the return URL. A decision queued through the control API
 * (`/__mock/checkout/auto`) is taken on opening by the same code as a click.
 */
import type { DecisionAnswer, WindowBoot, WindowMessage } from '../../../api/checkout/window.js'

const boot = JSON.parse(document.getElementById('imp-boot')!.textContent ?? '{}') as WindowBoot
const status = document.getElementById('imp-status')!
const buttons = ['imp-approve', 'imp-decline', 'imp-close'].map((id) => document.getElementById(id) as HTMLButtonElement)
let busy = false

function pickedCard(): string {
  return document.querySelector<HTMLInputElement>('input[name="card"]:checked')?.value ?? 'approved'
}

/** What an approval sends besides the card: the bank picked for a virtual account, the person of an identity verification. */
function approvalExtras(): Record<string, unknown> {
  const bank = document.querySelector<HTMLInputElement>('input[name="bank"]:checked')
  if (bank) return { bank: bank.value }
  const form = document.querySelector<HTMLFormElement>('form#imp-person')
  if (!form) return {}
  const person: Record<string, string> = {}
  for (const field of ['name', 'phone', 'birth', 'gender_digit', 'carrier']) {
    const input = form.elements.namedItem(field) as HTMLInputElement | HTMLSelectElement | null
    person[field] = input?.value.trim() ?? ''
  }
  return { person }
}

function pick(preset: string): void {
  const input = document.querySelector<HTMLInputElement>(`input[name="card"][value="${CSS.escape(preset)}"]`)
  if (input) input.checked = true
}

function deliver(answer: DecisionAnswer): void {
  if (boot.mode === 'redirect') {
    if (answer.redirect_url) location.replace(answer.redirect_url)
    return
  }
  const message: WindowMessage = { source: 'iamport-mock', type: 'result', window_id: boot.id, result: answer.result }
  // Only the page that asked for this window may read its result; a file:// page has no origin to name.
  window.parent.postMessage(message, boot.page_origin ?? '*')
}

async function decide(decision: 'approve' | 'decline' | 'close', card?: string, message?: string): Promise<void> {
  if (busy) return
  busy = true
  for (const button of buttons) button.disabled = true
  status.textContent = decision === 'approve' ? '승인 요청 중…' : decision === 'decline' ? '거절 처리 중…' : '결제창을 닫는 중…'
  try {
    const response = await fetch(boot.decision_url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        decision,
        ...(card === undefined || document.querySelector('input[name="card"]') === null ? {} : { card }),
        ...(message === undefined ? {} : { message }),
        ...(decision === 'approve' ? approvalExtras() : {})
      })
    })
    if (response.status === 400) {
      // What the buyer typed was refused (an identity window's fields): say why and let them fix it.
      const refusal = (await response.json().catch(() => null)) as { error?: { message?: string } } | null
      status.textContent = refusal?.error?.message ?? '입력한 정보를 확인해주세요.'
      busy = false
      for (const button of buttons) button.disabled = false
      return
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    deliver((await response.json()) as DecisionAnswer)
    status.textContent = '처리되었습니다.'
  } catch {
    status.textContent = '시뮬레이터에 연결할 수 없습니다. 다시 시도해주세요.'
    busy = false
    for (const button of buttons) button.disabled = false
  }
}

buttons[0]!.addEventListener('click', () => void decide('approve', pickedCard()))
buttons[1]!.addEventListener('click', () => void decide('decline'))
buttons[2]!.addEventListener('click', () => void decide('close'))
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') void decide('close')
})

if (boot.auto) {
  const auto = boot.auto
  if (auto.card) pick(auto.card)
  void decide(auto.decision, auto.decision === 'approve' ? (auto.card ?? pickedCard()) : undefined, auto.message ?? undefined)
} else if (boot.decided) {
  // A reloaded window that has already decided hands the same outcome back again.
  void decide('close')
}
