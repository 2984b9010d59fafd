// Sends the card form as JSON to the shop's own server (never to a third party) and shows its
// answer. The password digits are cleared after every try, and the whole card after a success.
const form = document.getElementById('card-form')
const result = document.getElementById('result')

form.addEventListener('submit', async (event) => {
  event.preventDefault()
  const button = form.querySelector('button')
  button.disabled = true
  result.dataset.status = 'pending'
  result.textContent = '카드를 등록하고 있습니다…'
  try {
    const response = await fetch(form.action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(Object.fromEntries(new FormData(form)))
    })
    const body = await response.json()
    result.dataset.status = body.status
    result.textContent = body.message
    if (body.status === 'success') form.reset()
  } catch {
    result.dataset.status = 'failed'
    result.textContent = '서버에 연결하지 못했습니다. 잠시 후 다시 시도해주세요.'
  } finally {
    form.elements.pwd_2digit.value = ''
    button.disabled = false
  }
})
