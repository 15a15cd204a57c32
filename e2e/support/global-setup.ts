import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ACCOUNT_FACTORY_STATE, signInAccountFactory } from './accounts';

/**
 * Before any test: the account factory (the demo admin) signs in once for the whole run, and the
 * workers read its session from the file named in E2E_ACCOUNT_FACTORY_STATE. The file lives in a
 * directory of this run's own, removed after the run (the returned teardown).
 */
export default async function globalSetup(): Promise<() => void> {
  const dir = mkdtempSync(path.join(process.env['GUICHET_TMP'] ?? os.tmpdir(), 'e2e-'));
  const file = path.join(dir, 'account-factory.json');
  await signInAccountFactory(file);
  process.env[ACCOUNT_FACTORY_STATE] = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
