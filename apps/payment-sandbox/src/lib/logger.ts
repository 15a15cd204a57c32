import { createRequire } from 'node:module';
import path from 'node:path';
import pino, { type DestinationStream } from 'pino';

/**
 * What the sandbox logs through (pino's shape). Nothing logged here may hold a card number, an expiry
 * or a CVC: charges are logged with their brand and last four digits only.
 */
export interface SandboxLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * `pretty`: pino-pretty's stream, one line per entry. It is a development dependency, so it is loaded at
 * run time from the working directory's node_modules, never bundled.
 */
function prettyStream(): DestinationStream {
  try {
    const pretty = createRequire(path.resolve('package.json'))('pino-pretty') as (options: object) => DestinationStream;
    return pretty({ translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,name', messageFormat: '[payment-sandbox] {msg}', singleLine: true, sync: true });
  } catch {
    throw new Error('LOG_FORMAT=pretty needs pino-pretty, a development dependency: run `npm install` (or set LOG_FORMAT=json).');
  }
}

/** JSON lines like the api's, with ISO timestamps (epoch milliseconds are 13-digit numbers a card-number scan would trip on). */
export function createLogger(level: string, format: 'json' | 'pretty' = 'json'): SandboxLogger {
  const options = { name: 'payment-sandbox', level, timestamp: pino.stdTimeFunctions.isoTime };
  return format === 'pretty' ? pino(options, prettyStream()) : pino(options);
}
