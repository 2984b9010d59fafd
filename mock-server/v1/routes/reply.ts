/** The success envelope. */
export function ok<T>(response: T): { code: 0; message: null; response: T } {
  return { code: 0, message: null, response }
}
