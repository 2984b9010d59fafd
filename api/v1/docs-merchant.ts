/**
 * The public test key pair that i'mport's own documentation prints (and every official client's
 * README uses). The simulator serves it as its default merchant; it is no secret.
 */
export const DEFAULT_MERCHANT = {
  imp_key: 'imp_apikey',
  imp_secret: 'ekKoeW8RyKuT0zgaZsUtXXTLQ4AhPFW3ZGseDA6bkA5lamv9OqDMnxyeB9wqOsuO9W3Mx9YSJ4dTqJ3f'
} as const
