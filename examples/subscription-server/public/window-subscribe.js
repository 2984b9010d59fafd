// "결제창으로 구독하기": opens i'mport's payment window for a billing key (`customer_uid`,
// `amount: 0`), then asks the shop's own server to verify the result and charge the first month.
// On a phone the window takes the whole page and comes back to m_redirect_url instead.
const button = document.getElementById('subscribe')
const result = document.getElementById('result')

button.addEventListener('click', () => {
  const { customerUid, merchantUid, impCode, returnUrl } = button.dataset
  button.disabled = true
  result.dataset.status = 'pending'
  result.textContent = '결제창을 여는 중입니다…'
  window.IMP.init(impCode)
  window.IMP.request_pay(
    {
      pay_method: 'card',
      merchant_uid: merchantUid,
      name: '월간 이용권 카드 등록',
      amount: 0,
      customer_uid: customerUid,
      m_redirect_url: returnUrl
    },
    async (rsp) => {
      if (rsp.error_code != null) {
        result.dataset.status = 'failed'
        result.textContent = `카드 등록에 실패했습니다: ${rsp.error_msg}`
        button.disabled = false
        return
      }
      try {
        const response = await fetch('/subscriptions/window-complete', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ imp_uid: rsp.imp_uid, customer_uid: customerUid })
        })
        const body = await response.json()
        result.dataset.status = body.status
        result.textContent = body.message
      } catch {
        result.dataset.status = 'failed'
        result.textContent = '서버에 연결하지 못했습니다. 잠시 후 다시 시도해주세요.'
        button.disabled = false
      }
    }
  )
})
