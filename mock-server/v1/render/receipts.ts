/**
 * PG receipt URLs. The Inicis form is the one in the 2024 capture; NICE's is its public receipt
 * page; other PGs get a recognisable placeholder on a reserved (.invalid) domain.
 */
export function receiptUrl(pgProvider: string, pgTid: string): string {
  switch (pgProvider) {
    case 'html5_inicis':
    case 'inicis':
      return `https://iniweb.inicis.com/receipt/iniReceipt.jsp?noTid=${pgTid}`
    case 'nice':
      return `https://npg.nicepay.co.kr/issue/IssueLoader.do?TID=${pgTid}&type=0`
    default:
      return `https://receipt.iamport-mock.invalid/${pgProvider}/${pgTid}`
  }
}
