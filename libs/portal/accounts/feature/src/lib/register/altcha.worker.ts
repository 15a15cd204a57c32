import { searchSha256 } from './altcha-solver';

/**
 * ALTCHA's proof of work, in a module worker bundled by the Angular build. It speaks the protocol of the
 * widget's stock worker (`altcha/dist_external/worker.js`): `{ type: 'work', payload, start, max }`
 * searches [start, max] and answers `{ number, took, worker: true }`, or `null` when the slice holds no
 * solution or an `{ type: 'abort' }` stopped it. The widget splits the range between its workers, aborts
 * the others once one has answered, and waits for every answer.
 *
 * SHA-256 (what our API issues) is hashed in this thread (see `searchSha256`); other algorithms use the
 * native `crypto.subtle.digest`, many digests in flight per await. Obfuscated payloads are not supported.
 */

interface Challenge {
  readonly algorithm?: string;
  readonly challenge?: string;
  readonly salt?: string;
  readonly obfuscated?: string;
}

interface WorkMessage {
  readonly type?: string;
  readonly payload?: Challenge;
  readonly start?: number;
  readonly max?: number;
}

/** Numbers tried between two looks at the message queue (a few milliseconds of hashing). */
const SLICE = 8192;
/** Native digests in flight at once for the other algorithms. */
const BATCH = 256;

/** The dedicated worker's global scope (the library's types are the DOM's, whose `self` is a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkMessage>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
let current: { aborted: boolean } | null = null;

/** Lets queued messages (an abort) run first; unlike setTimeout, never clamped to 4 ms. */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

async function searchNative(algorithm: string, challenge: string, salt: string, start: number, end: number, job: { aborted: boolean }): Promise<number> {
  const encoder = new TextEncoder();
  const target = challenge.toLowerCase();
  for (let from = start; from <= end; from += BATCH) {
    if (job.aborted) return -1;
    const to = Math.min(end, from + BATCH - 1);
    const digests: Promise<ArrayBuffer>[] = [];
    for (let n = from; n <= to; n++) digests.push(crypto.subtle.digest(algorithm, encoder.encode(salt + n)));
    const results = await Promise.all(digests);
    for (let i = 0; i < results.length; i++) {
      if (toHex(results[i]) === target) return from + i;
    }
  }
  return -1;
}

function toHex(buffer: ArrayBuffer): string {
  let hex = '';
  for (const byte of new Uint8Array(buffer)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

async function work(payload: Challenge, start: number, end: number, job: { aborted: boolean }): Promise<number> {
  const algorithm = (payload.algorithm ?? 'SHA-256').toUpperCase();
  const challenge = payload.challenge ?? '';
  const salt = payload.salt ?? '';
  if (algorithm !== 'SHA-256') return searchNative(algorithm, challenge, salt, start, end, job);
  for (let from = start; from <= end; from += SLICE) {
    if (job.aborted) return -1;
    const found = searchSha256(salt, challenge, from, Math.min(end, from + SLICE - 1));
    if (found >= 0) return found;
    await yieldToMessages();
  }
  return -1;
}

scope.onmessage = (event: MessageEvent<WorkMessage>) => {
  const { type, payload, start = 0, max = 1_000_000 } = event.data ?? {};
  if (type === 'abort') {
    if (current) current.aborted = true;
    current = null;
    return;
  }
  if (type !== 'work' || !payload) return;
  if (payload.obfuscated !== undefined) {
    scope.postMessage(null);
    return;
  }
  const job = { aborted: false };
  current = job;
  const began = Date.now();
  work(payload, start, max, job).then(
    (number) => scope.postMessage(number >= 0 ? { number, took: Date.now() - began, worker: true } : null),
    () => scope.postMessage(null),
  );
};
