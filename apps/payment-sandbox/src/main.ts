/**
 * The sandbox payment provider as its own process, beside the api, the way an outside processor runs:
 * hosted card page, PayPal checkout, server API and signed webhooks. Settings: SANDBOX_* (see config.ts).
 */
import { sandboxOptionsFromEnv, startSandbox } from './sandbox-server';

async function main(): Promise<void> {
  const sandbox = await startSandbox(sandboxOptionsFromEnv(process.env));
  const stop = (signal: NodeJS.Signals) => {
    void sandbox.close().then(() => process.exit(signal === 'SIGINT' ? 130 : 0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`[payment-sandbox] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
