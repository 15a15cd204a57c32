/*
 * Fails (exit 1) when a payment card number appears in the database or in log files:
 *
 *   node -r ./scripts/ts-register.cjs tools/security/src/scan-card-numbers.ts [--database <url>] [log files...]
 *
 * The test harness runs it after the integration and browser suites, on their databases and on
 * everything the api, worker and payment sandbox logged.
 */
import { readFileSync } from 'node:fs';
import { findCardNumbers, scanDatabase, type CardNumberFinding } from './card-number-scan';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const findings: CardNumberFinding[] = [];
  const at = args.indexOf('--database');
  if (at >= 0) {
    const url = args[at + 1];
    args.splice(at, 2);
    const result = await scanDatabase(url);
    process.stderr.write(`[card-scan] ${result.databases} databases, ${result.tables} tables, ${result.rows} rows scanned\n`);
    findings.push(...result.findings);
  }
  for (const file of args) {
    const text = readFileSync(file, 'utf8');
    process.stderr.write(`[card-scan] ${file}: ${text.split('\n').length} lines scanned\n`);
    findings.push(...findCardNumbers(text, file));
  }
  for (const finding of findings) process.stderr.write(`[card-scan] CARD NUMBER FOUND in ${finding.where}: ${finding.masked}\n`);
  process.stderr.write(`[card-scan] ${findings.length === 0 ? 'no card number found' : `${findings.length} card number(s) found`}\n`);
  return findings.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`[card-scan] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
