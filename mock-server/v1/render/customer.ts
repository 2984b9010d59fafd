/** A stored billing key as the wire `CustomerAnnotation`. */
import type { Customer } from '../../../api/v1/customer.js'
import type { BillingKeyRecord } from '../../shared/store/records.js'

export function renderCustomer(k: BillingKeyRecord): Customer {
  return {
    customer_uid: k.customer_uid,
    pg_provider: k.channel.pg_provider,
    pg_id: k.channel.pg_id,
    sandbox: k.channel.sandbox,
    customer_id: k.customer_id,
    card_name: k.card.card_name,
    card_code: k.card.card_code,
    card_issuer_code: null,
    card_issuer_name: null,
    card_publisher_code: null,
    card_publisher_name: null,
    card_number: k.card.card_number,
    card_type: k.card.card_type,
    customer_name: k.customer_name,
    customer_tel: k.customer_tel,
    customer_email: k.customer_email,
    customer_addr: k.customer_addr,
    customer_postcode: k.customer_postcode,
    inserted: k.inserted,
    updated: k.updated
  }
}
