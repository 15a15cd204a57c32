import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WORKSPACE = join(__dirname, '../../../../..');

/** Starts the fixture worker in its own Node process (ts-node, no build needed). */
export function spawnFixtureWorker(env: Record<string, string>): ChildProcess & { lines: string[] } {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, '../fixtures/worker.fixture.ts')],
    {
      cwd: WORKSPACE,
      env: { ...process.env, ...env, TS_NODE_PROJECT: join(__dirname, '../tsconfig.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  ) as ChildProcess & { lines: string[] };
  child.lines = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => child.lines.push(...chunk.split('\n').filter(Boolean)));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    if (process.env['TEST_LOGS']) process.stderr.write(chunk);
  });
  return child;
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A redis-server of our own, with AOF like production, so a restart keeps the queued jobs. */
export class OwnRedis {
  private process?: ChildProcess;
  readonly dir = mkdtempSync(join(tmpdir(), 'guichet-redis-'));

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      process.env['REDIS_SERVER'] ?? 'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--maxmemory-policy', 'noeviction'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    this.process = child;
    await new Promise<void>((resolve, reject) => {
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        if (chunk.includes('Ready to accept connections')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
    });
  }

  /** Stops the server and deletes its data. */
  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  async stop(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child) return;
    child.kill('SIGTERM');
    await exited(child);
  }
}
