import { GatewayCallbackVerifier, InvalidGatewaySignature, type GatewayEvent } from '@guichet/billing/application';
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks the provider's `Sandbox-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`
 * over the raw bytes received (never a re-serialized body), in constant time, then the timestamp against
 * a tolerance, then parses the event. Several `v1` values are accepted (a provider rotating its secret
 * signs with both). Anything malformed is an `InvalidGatewaySignature`.
 */
export class HmacGatewayCallbackVerifier extends GatewayCallbackVerifier {
  constructor(
    private readonly secret: string,
    private readonly toleranceSeconds = 300,
  ) {
    super();
    if (!secret) throw new Error('HmacGatewayCallbackVerifier needs the webhook secret');
  }

  verify(rawBody: Buffer, signatureHeader: string | undefined, now: Date): GatewayEvent {
    const { timestamp, signatures } = parseHeader(signatureHeader);
    const expected = createHmac('sha256', this.secret).update(`${timestamp}.`, 'utf8').update(rawBody).digest();
    if (!signatures.some((signature) => signature.length === expected.length && timingSafeEqual(signature, expected))) {
      throw new InvalidGatewaySignature('the signature does not match the body');
    }
    if (Math.abs(now.getTime() / 1000 - timestamp) > this.toleranceSeconds) {
      throw new InvalidGatewaySignature(`the timestamp is more than ${this.toleranceSeconds} s from now`);
    }
    return parseEvent(rawBody);
  }
}

function parseHeader(header: string | undefined): { timestamp: number; signatures: Buffer[] } {
  if (!header || header.length > 2_000) throw new InvalidGatewaySignature('missing or oversized signature header');
  let timestamp: number | null = null;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) throw new InvalidGatewaySignature('malformed signature header');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (timestamp !== null || !/^\d{1,12}$/.test(value)) throw new InvalidGatewaySignature('malformed timestamp');
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!/^[0-9a-fA-F]{64}$/.test(value)) throw new InvalidGatewaySignature('malformed v1 signature');
      signatures.push(Buffer.from(value, 'hex'));
    }
    // Other schemes (v0, …) are ignored, as providers document.
  }
  if (timestamp === null) throw new InvalidGatewaySignature('no timestamp');
  if (signatures.length === 0) throw new InvalidGatewaySignature('no v1 signature');
  return { timestamp, signatures };
}

function parseEvent(rawBody: Buffer): GatewayEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new InvalidGatewaySignature('the body is not JSON');
  }
  const event = asObject(parsed, 'event');
  const id = event['id'];
  const type = event['type'];
  const created = event['created'];
  if (typeof id !== 'string' || id === '') throw new InvalidGatewaySignature('the event has no id');
  if (typeof type !== 'string' || type === '') throw new InvalidGatewaySignature('the event has no type');
  if (typeof created !== 'number' || !Number.isFinite(created)) throw new InvalidGatewaySignature('the event has no creation time');
  const object = asObject(asObject(event['data'], 'data')['object'], 'data.object');
  const objectId = object['id'];
  if (typeof objectId !== 'string' || objectId === '') throw new InvalidGatewaySignature('the event object has no id');
  const reference = object['reference'];
  const failureCode = object['failure_code'];
  const amount = object['amount'];
  return {
    id,
    type,
    createdAt: new Date(created * 1000),
    objectId,
    reference: typeof reference === 'string' ? reference : null,
    failureCode: typeof failureCode === 'string' ? failureCode : null,
    amountCents: typeof amount === 'number' && Number.isSafeInteger(amount) ? amount : null,
  };
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new InvalidGatewaySignature(`${what} is not an object`);
  return value as Record<string, unknown>;
}
