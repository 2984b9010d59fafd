/**
 * "Subscribe with the payment window": the other way i'mport's billing-key guide offers
 * (결제창 방식). The page loads i'mport's browser SDK, and its button calls `IMP.request_pay` with
 * the customer's `customer_uid` and `amount: 0`, so the card is typed into the PG's window and
 * never reaches the shop. public/window-subscribe.js hands the result to the shop's server, which
 * verifies it with i'mport before charging the first month.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)

export interface WindowSubscribeSettings {
  customerUid: string
  /** A fresh order id for the key's issue (i'mport refuses a merchant_uid already paid). */
  merchantUid: string
  impCode: string
  scriptUrl: string
  /** Where a phone's full-page window returns (`m_redirect_url`). */
  returnUrl: string
  firstMonth: { amount: number; name: string }
}

export function windowSubscribePage(settings: WindowSubscribeSettings): string {
  const price = settings.firstMonth.amount.toLocaleString('ko-KR')
  return `<!doctype html>
<html lang="ko">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>결제창으로 구독하기</title>
  <script src="${escapeHtml(settings.scriptUrl)}"></script>
  <script src="/window-subscribe.js" defer></script>
</head>
<body>
  <h1>${escapeHtml(settings.firstMonth.name)} 구독</h1>
  <p>카드를 등록하면 첫 달 ${price}원이 결제되고, 매달 같은 카드로 결제됩니다.</p>
  <button type="button" id="subscribe"
    data-customer-uid="${escapeHtml(settings.customerUid)}"
    data-merchant-uid="${escapeHtml(settings.merchantUid)}"
    data-imp-code="${escapeHtml(settings.impCode)}"
    data-return-url="${escapeHtml(settings.returnUrl)}">결제창으로 구독하기</button>
  <p id="result" role="status" aria-live="polite"></p>
</body>
</html>
`
}

/** The page a phone's window returns to: what the shop's server made of the result. */
export function windowResultPage(status: 'success' | 'failed', message: string): string {
  return `<!doctype html>
<html lang="ko">
<head><meta charset="utf-8"><title>구독 결과</title></head>
<body>
  <h1>구독 결과</h1>
  <p id="result" role="status" data-status="${status}">${escapeHtml(message)}</p>
</body>
</html>
`
}
