/** Which ChatBet answers are worth another attempt; the waiting itself is cockatiel's (see `ChatBetApiClient`). */

/** Statuses that say "try again later" rather than "this request is wrong". */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}
