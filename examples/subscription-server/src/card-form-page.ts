/**
 * The card form of i'mport's billing-key guide, as a plain HTML page: card number
 * `XXXX-XXXX-XXXX-XXXX`, expiry `YYYY-MM`, birth date `YYMMDD` (or a 10-digit business number for
 * a corporate card), the first two password digits, and the customer's `customer_uid` hidden.
 * public/card-form.js sends it to `POST /subscriptions/issue-billing` and shows the answer.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)

export function cardFormPage(customerUid: string): string {
  return `<!doctype html>
<html lang="ko">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>정기결제 카드 등록</title>
  <script src="/card-form.js" defer></script>
</head>
<body>
  <h1>정기결제 카드 등록</h1>
  <form id="card-form" action="/subscriptions/issue-billing" method="post" autocomplete="off">
    <div>
      <label for="card_number">카드 번호 XXXX-XXXX-XXXX-XXXX</label>
      <input id="card_number" name="card_number" type="text" inputmode="numeric" required
             pattern="\\d{4}-\\d{4}-\\d{4}-\\d{4}" placeholder="0000-0000-0000-0000" autocomplete="cc-number">
    </div>
    <div>
      <label for="expiry">카드 유효기간 YYYY-MM</label>
      <input id="expiry" name="expiry" type="text" inputmode="numeric" required pattern="\\d{4}-\\d{2}" placeholder="2030-12">
    </div>
    <div>
      <label for="birth">생년월일 YYMMDD (법인카드: 사업자등록번호 10자리)</label>
      <input id="birth" name="birth" type="text" inputmode="numeric" required pattern="\\d{6}|\\d{10}" placeholder="900101">
    </div>
    <div>
      <label for="pwd_2digit">카드 비밀번호 앞 두자리 XX</label>
      <input id="pwd_2digit" name="pwd_2digit" type="password" inputmode="numeric" required pattern="\\d{2}" maxlength="2">
    </div>
    <input type="hidden" name="customer_uid" value="${escapeHtml(customerUid)}">
    <button type="submit">카드 등록</button>
  </form>
  <p id="result" role="status" aria-live="polite"></p>
</body>
</html>
`
}
