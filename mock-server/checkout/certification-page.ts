/**
 * The identity-verification window's page (`IMP.certification`): who asks (merchant, channel,
 * order), the fields a person fills in on a real verification (name, phone, birth date, the first
 * digit of the back half of the resident number, carrier), prefilled from the page's parameters or
 * a test person, and the same three controls as the payment window, with the same hooks.
 */
import { CARRIERS } from '../../api/v1/certification.js'
import { startingPerson } from './certification.js'
import { escapeHtml, windowShell } from './window-page.js'
import type { CertificationWindow } from './windows.js'

const CARRIER_LABELS: Record<string, string> = { SKT: 'SKT', KT: 'KT', LGT: 'LG U+' }

export function renderCertificationPage(window: CertificationWindow, decisionUrl: string, scriptUrl: string): string {
  const person = startingPerson(window)
  const field = (name: string, label: string, value: string, extra: string) =>
    `<label class="field"><span>${label}</span><input name="${name}" value="${escapeHtml(value)}" ${extra}></label>`
  const carriers = CARRIERS.map(
    (code) => `<option value="${code}"${code === person.carrier ? ' selected' : ''}>${escapeHtml(CARRIER_LABELS[code] ?? code)}</option>`
  ).join('')
  const form = `<form id="imp-person" aria-label="본인 정보" onsubmit="return false">
    ${field('name', '이름', person.name, 'autocomplete="off" maxlength="50"')}
    ${field('phone', '휴대폰 번호', person.phone, 'inputmode="numeric" autocomplete="off" maxlength="20"')}
    ${field('birth', '생년월일 (6자리)', person.birth, 'inputmode="numeric" autocomplete="off" maxlength="6"')}
    ${field('gender_digit', '주민번호 뒷자리 첫 숫자', person.gender_digit, 'inputmode="numeric" autocomplete="off" maxlength="1"')}
    <label class="field"><span>통신사</span><select name="carrier">${carriers}</select></label>
  </form>`
  return windowShell({
    title: '테스트 본인인증창',
    heading: '본인인증',
    closeLabel: '본인인증창 닫기',
    rows: [
      ['상점', escapeHtml(window.merchant.merchant.name)],
      ['인증기관', escapeHtml(`${window.setting.pg_provider} (${window.setting.pg_id})`)],
      ['주문번호', escapeHtml(window.merchant_uid ?? '-')],
      ['인증수단', '휴대폰 본인인증']
    ],
    middle: form,
    declineLabel: '인증 실패',
    approveLabel: '인증하기',
    footer: 'iamport-mock 테스트 본인인증창: 실제 인증은 일어나지 않습니다.',
    boot: {
      id: window.id,
      mode: window.mode,
      page_origin: window.page_origin,
      decision_url: decisionUrl,
      auto: window.auto,
      decided: window.answer !== null
    },
    scriptUrl
  })
}
