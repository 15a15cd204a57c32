import { createRequire } from 'node:module';
import path from 'node:path';
import type { LogFormat } from '@guichet/shared/config';
import type { DestinationStream, LoggerOptions } from 'pino';
import type PinoPretty from 'pino-pretty';

/**
 * pino-pretty's settings for a terminal: `12:04:05.120 INFO: [Context] message`, one line per entry (an
 * error's stack follows on its own lines). The request and response objects, the request id, pid and
 * host are left out; any other field stays on the line. Synchronous, so nothing is lost when a
 * process stops.
 */
export const PRETTY_OPTIONS: PinoPretty.PrettyOptions = {
  translateTime: 'SYS:HH:MM:ss.l',
  ignore: 'pid,hostname,context,req,res,responseTime,requestId,name',
  messageFormat: '{if context}[{context}] {end}{if name}[{name}] {end}{msg}',
  singleLine: true,
  sync: true,
};

/**
 * pino-pretty, loaded at run time from the application's node_modules rather than bundled: it is a
 * development dependency, absent from the production images (docker/check-externals.mjs fails an image
 * whose bundle keeps a `require` of a missing package).
 */
function loadPinoPretty(): typeof PinoPretty {
  const bases = [path.resolve('package.json'), ...(process.argv[1] ? [path.resolve(process.argv[1])] : [])];
  for (const base of bases) {
    try {
      return createRequire(base)('pino-pretty') as typeof PinoPretty;
    } catch {
      // try the next place
    }
  }
  throw new Error('LOG_FORMAT=pretty needs pino-pretty, a development dependency: run `npm install` (or set LOG_FORMAT=json).');
}

/**
 * Where the logs go. `json`: undefined, pino's own JSON lines on stdout. `pretty`: pino-pretty's stream
 * on stdout (`colorize` follows the terminal, FORCE_COLOR and NO_COLOR).
 */
export function logDestination(format: LogFormat): DestinationStream | undefined {
  return format === 'pretty' ? loadPinoPretty()(PRETTY_OPTIONS) : undefined;
}

/**
 * nestjs-pino's `pinoHttp` for these options: pino's own JSON on stdout, or the options with `stream`
 * (given, or pino-pretty's for `pretty`).
 */
export function pinoHttpWith<T extends LoggerOptions>(options: T, format: LogFormat, stream = logDestination(format)): T | [T, DestinationStream] {
  return stream ? [options, stream] : options;
}
