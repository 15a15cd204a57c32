import { createHmac } from 'node:crypto';

/**
 * The `Sandbox-Signature` header of a webhook: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 * Each delivery attempt is signed again with its own timestamp, so a retried event is never stale.
 */
export function signatureHeader(secret: string, rawBody: string, timestampSeconds: number): string {
  const t = Math.floor(timestampSeconds);
  const v1 = createHmac('sha256', secret).update(`${t}.${rawBody}`, 'utf8').digest('hex');
  return `t=${t},v1=${v1}`;
}
