/**
 * The test payment window's page: a server-rendered summary of the order (merchant, order name,
 * amount, PG, pay method), the test card picker and the three controls with their automation
 * hooks (`data-testid="imp-approve" | "imp-decline" | "imp-close"`). Its script (browser/window.ts)
 * sends the decision and hands the result back to the merchant's page. Fixed sizes throughout, so
 * nothing moves when the status line changes.
 */
import type { WindowBoot } from '../../api/checkout/window.js'
import type { PaymentWindow } from './windows.js'
import { TEST_CARDS, APPROVED_PRESET } from './test-cards.js'
import { isKeyIssueOnly } from '../v1/domain/window-payments.js'
import { DEFAULT_VBANK_BANK, defaultDue, VBANK_WINDOW_BANKS } from './vbank-window.js'

const PAY_METHOD_LABELS: Record<string, string> = { card: '신용카드', vbank: '가상계좌', trans: '실시간 계좌이체', phone: '휴대폰 소액결제' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** JSON safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
}

function formatAmount(amount: number, currency: string): string {
  const number = amount.toLocaleString('ko-KR')
  return currency === 'KRW' ? `${number}원` : `${number} ${currency}`
}

/** UNIX seconds as Korean wall-clock time, `YYYY-MM-DD HH:mm`. */
function kstTime(seconds: number): string {
  return new Date((seconds + 9 * 3600) * 1000).toISOString().slice(0, 16).replace('T', ' ')
}

/** The picker: test cards, or for a virtual account the banks it can be opened at. */
function pickerOf(window: PaymentWindow): { legend: string; options: string } {
  if (window.request.input.pay_method === 'vbank') {
    const options = VBANK_WINDOW_BANKS.map(
      (
        bank
      ) => `<label class="card"><input type="radio" name="bank" value="${escapeHtml(bank.code)}"${bank.code === DEFAULT_VBANK_BANK ? ' checked' : ''}>
      <span class="card-name">${escapeHtml(bank.name)}</span><span class="card-number">은행코드 ${escapeHtml(bank.code)}</span></label>`
    ).join('\n')
    return { legend: '입금 은행 선택', options }
  }
  const options = TEST_CARDS.map(
    (
      card
    ) => `<label class="card"><input type="radio" name="card" value="${escapeHtml(card.preset)}"${card.preset === APPROVED_PRESET ? ' checked' : ''}>
      <span class="card-name">${escapeHtml(card.label)}</span><span class="card-number">${escapeHtml(card.shown)}</span></label>`
  ).join('\n')
  return { legend: '테스트 카드 선택', options }
}

export function renderWindowPage(window: PaymentWindow, decisionUrl: string, scriptUrl: string): string {
  const { input } = window.request
  const issueOnly = isKeyIssueOnly(input)
  const isVbank = input.pay_method === 'vbank'
  const amountText = formatAmount(input.amount, input.currency || 'KRW')
  const approveLabel = issueOnly ? '카드 등록하기' : isVbank ? '가상계좌 발급받기' : `${amountText} 결제하기`
  const boot: WindowBoot = {
    id: window.id,
    mode: window.mode,
    page_origin: window.page_origin,
    decision_url: decisionUrl,
    auto: window.auto,
    decided: window.answer !== null
  }
  const rows: Array<[string, string]> = [
    ['상점', escapeHtml(window.merchant.merchant.name)],
    ['주문명', escapeHtml(input.name ?? '')],
    ['결제금액', issueOnly ? '0원 (빌링키 발급)' : escapeHtml(amountText)],
    ['PG사', escapeHtml(`${window.channel.pg_provider} (${window.channel.pg_id})`)],
    ['결제수단', escapeHtml(PAY_METHOD_LABELS[input.pay_method] ?? input.pay_method)]
  ]
  if (isVbank) {
    // The account number is drawn when it is issued; the holder is the merchant, as the PG shows it.
    rows.push(['예금주', escapeHtml(window.merchant.merchant.name)])
    rows.push(['입금기한', `${kstTime(window.request.vbank_due ?? defaultDue(window.merchant.now()))} (한국시간)`])
  }
  const picker = pickerOf(window)
  return windowShell({
    title: '테스트 결제창',
    heading: '결제하기',
    closeLabel: '결제창 닫기',
    rows,
    middle: `<fieldset>
    <legend>${picker.legend}</legend>
    ${picker.options}
  </fieldset>`,
    declineLabel: '승인 거절',
    approveLabel,
    footer: 'iamport-mock 테스트 결제창: 실제 결제는 일어나지 않습니다.',
    boot,
    scriptUrl
  })
}

export interface WindowShell {
  /** The document title (before " - iamport-mock"). */
  readonly title: string
  readonly heading: string
  /** The accessible name of the × button. */
  readonly closeLabel: string
  /** The summary rows, values already escaped. */
  readonly rows: ReadonlyArray<[string, string]>
  /** Markup between the summary and the status line (a picker, a form), already escaped. */
  readonly middle: string
  readonly declineLabel: string
  readonly approveLabel: string
  readonly footer: string
  readonly boot: WindowBoot
  readonly scriptUrl: string
}

/** The page every window shares: header with ×, summary, the middle part, status line, the two buttons. */
export function windowShell(page: WindowShell): string {
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} - iamport-mock</title>
<style>
  *{box-sizing:border-box}
  html,body{margin:0;height:100%;background:#f3f4f6;font-family:-apple-system,BlinkMacSystemFont,"Apple SD Gothic Neo","Malgun Gothic",sans-serif;color:#111827}
  main{width:100%;max-width:420px;height:100%;margin:0 auto;background:#fff;display:flex;flex-direction:column;overflow:hidden}
  header{flex:none;height:56px;display:flex;align-items:center;justify-content:space-between;padding:0 16px;background:#1e3a8a;color:#fff}
  header h1{font-size:17px;margin:0;font-weight:600}
  .badge{font-size:11px;background:#fbbf24;color:#111827;border-radius:4px;padding:2px 6px;margin-left:8px;vertical-align:middle}
  #imp-close{width:40px;height:40px;border:0;background:transparent;color:#fff;font-size:24px;cursor:pointer;border-radius:6px}
  #imp-close:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #fbbf24;outline-offset:2px}
  dl{flex:none;margin:0;padding:12px 16px;display:grid;grid-template-columns:88px 1fr;row-gap:8px;border-bottom:1px solid #e5e7eb}
  dt{color:#6b7280;font-size:14px} dd{margin:0;font-size:14px;font-weight:500;overflow-wrap:anywhere}
  fieldset{border:0;margin:0;padding:10px 16px 0;flex:1 1 auto;min-height:0;overflow-y:auto}
  legend{font-size:14px;font-weight:600;padding:0 0 8px}
  #imp-person{flex:1 1 auto;min-height:0;overflow-y:auto;padding:12px 16px 0}
  .field{display:grid;grid-template-columns:120px 1fr;align-items:center;column-gap:8px;margin-bottom:8px;font-size:14px}
  .field input,.field select{height:36px;border:1px solid #d1d5db;border-radius:6px;padding:0 8px;font-size:14px;min-width:0}
  .card{display:grid;grid-template-columns:24px 1fr;grid-template-rows:auto auto;column-gap:8px;padding:6px 10px;margin-bottom:6px;border:1px solid #d1d5db;border-radius:8px;cursor:pointer;height:48px}
  .card input{grid-row:span 2;align-self:center;margin:0}
  .card:has(input:checked){border-color:#1e3a8a;background:#eff6ff}
  .card-name{font-size:14px} .card-number{font-size:12px;color:#6b7280;font-variant-numeric:tabular-nums}
  #imp-status{flex:none;height:36px;margin:0;padding:0 16px;font-size:13px;color:#b91c1c;display:flex;align-items:center}
  .actions{flex:none;display:grid;grid-template-columns:1fr 2fr;gap:8px;padding:0 16px 16px}
  .actions button{height:48px;border-radius:8px;font-size:15px;font-weight:600;cursor:pointer}
  #imp-decline{border:1px solid #d1d5db;background:#fff;color:#374151}
  #imp-approve{border:0;background:#1e3a8a;color:#fff}
  button:disabled{opacity:.6;cursor:progress}
  footer{flex:none;font-size:11px;color:#9ca3af;padding:0 16px 12px;text-align:center}
</style>
</head>
<body>
<main aria-labelledby="imp-title">
  <header>
    <h1 id="imp-title">${escapeHtml(page.heading)}<span class="badge">테스트</span></h1>
    <button type="button" id="imp-close" data-testid="imp-close" aria-label="${escapeHtml(page.closeLabel)}">×</button>
  </header>
  <dl aria-label="주문 정보">
    ${page.rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('\n    ')}
  </dl>
  ${page.middle}
  <p id="imp-status" role="status" aria-live="polite"></p>
  <div class="actions">
    <button type="button" id="imp-decline" data-testid="imp-decline">${escapeHtml(page.declineLabel)}</button>
    <button type="button" id="imp-approve" data-testid="imp-approve">${escapeHtml(page.approveLabel)}</button>
  </div>
  <footer>${escapeHtml(page.footer)}</footer>
</main>
<script type="application/json" id="imp-boot">${scriptJson(page.boot)}</script>
<script src="${escapeHtml(page.scriptUrl)}"></script>
</body>
</html>
`
}
