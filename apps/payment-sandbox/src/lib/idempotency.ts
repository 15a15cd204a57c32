import { createHash } from 'node:crypto';

export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
}

/**
 * Idempotency keys of the server API. The first request with a key runs; every later one with the same
 * key and the same request (method, path and body) gets the very same response, even while the first one
 * is still running (it waits for it). The same key with another request is answered 409.
 * A 5xx answer is not kept: the request did nothing, and a retry with the key runs again.
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, { fingerprint: string; response: Promise<ApiResponse> }>();

  async run(key: string, fingerprint: string, action: () => ApiResponse | Promise<ApiResponse>): Promise<ApiResponse & { replayed: boolean }> {
    const existing = this.entries.get(key);
    if (existing) {
      if (existing.fingerprint !== fingerprint) {
        return {
          status: 409,
          body: { error: 'idempotency_key_reused', message: 'This Idempotency-Key was used with another request.' },
          replayed: false,
        };
      }
      return { ...(await existing.response), replayed: true };
    }
    const entry = { fingerprint, response: Promise.resolve().then(action) };
    this.entries.set(key, entry);
    try {
      const response = await entry.response;
      if (response.status >= 500 && this.entries.get(key) === entry) this.entries.delete(key);
      return { ...response, replayed: false };
    } catch (err) {
      if (this.entries.get(key) === entry) this.entries.delete(key);
      throw err;
    }
  }
}

/** What identifies a request for its idempotency key: method, path and body with its keys sorted. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${canonicalJson(body)}`).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
