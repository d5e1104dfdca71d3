import { isRetryableStatus } from './retry-policy.js';

describe('isRetryableStatus', () => {
  it('retries throttling and server errors only', () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409, 422].some(isRetryableStatus)).toBe(false);
  });
});
