/**
 * What the shop remembers: its subscribers and its orders. In memory here; a real shop keeps the
 * same two tables in its database. Neither ever holds card data: i'mport keeps the card behind the
 * billing key, and the shop keeps only the card's name and last four digits to show the customer.
 */
export interface Subscriber {
  customer_uid: string
  /** e.g. 현대카드, as i'mport names it. */
  card_name: string | null
  /** The last four digits, for "card ending in 4242". */
  card_last4: string | null
}

export type OrderStatus = 'pending' | 'paid' | 'failed' | 'cancelled' | 'unknown'

export interface Order {
  merchant_uid: string
  customer_uid: string
  amount: number
  name: string
  /** `unknown`: i'mport did not answer and could not be asked; settled by the next charge call or the webhook. */
  status: OrderStatus
  imp_uid: string | null
  /** The PG's reason for a decline, or i'mport's message for a refusal. */
  fail_reason: string | null
}

export class MemoryStore {
  private readonly subscribers = new Map<string, Subscriber>()
  private readonly orders = new Map<string, Order>()

  saveSubscriber(subscriber: Subscriber): void {
    this.subscribers.set(subscriber.customer_uid, { ...subscriber })
  }

  subscriber(customerUid: string): Subscriber | undefined {
    const found = this.subscribers.get(customerUid)
    return found && { ...found }
  }

  saveOrder(order: Order): void {
    this.orders.set(order.merchant_uid, { ...order })
  }

  order(merchantUid: string): Order | undefined {
    const found = this.orders.get(merchantUid)
    return found && { ...found }
  }
}
