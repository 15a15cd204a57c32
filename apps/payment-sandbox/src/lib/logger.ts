import pino from 'pino';

/**
 * What the sandbox logs through (pino's shape). Nothing logged here may hold a card number, an expiry
 * or a CVC: charges are logged with their brand and last four digits only.
 */
export interface SandboxLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** JSON lines like the api's, with ISO timestamps (epoch milliseconds are 13-digit numbers a card-number scan would trip on). */
export function createLogger(level: string): SandboxLogger {
  return pino({ name: 'payment-sandbox', level, timestamp: pino.stdTimeFunctions.isoTime });
}
