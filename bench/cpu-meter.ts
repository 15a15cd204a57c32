/**
 * Where the CPU went during a phase, from /proc (Linux): the bench process, the worker process, the
 * PostgreSQL server (postmaster and its backends), redis-server, and the whole machine, so a run on a
 * machine busy with something else shows it. Figures are in cores (1.0 = one core busy all the phase).
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

export interface CpuSample {
  readonly at: number;
  readonly ticks: Readonly<Record<string, number>>;
  readonly machineBusy: number;
  readonly machineTotal: number;
}

export interface CpuShares {
  readonly [group: string]: number;
}

function statOf(pid: number): { ppid: number; ticks: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: parse after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

function cmdlineOf(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

function allPids(): number[] {
  try {
    return readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return [];
  }
}

/** The servers' process ids, found by the ports in their URLs. */
export class CpuMeter {
  private readonly groups = new Map<string, () => number[]>();

  constructor(databaseUrl: string, redisUrl: string | undefined) {
    const pgPort = new URL(databaseUrl).port;
    const redisPort = redisUrl ? new URL(redisUrl).port : undefined;
    let postmaster: number | undefined;
    let redis: number | undefined;
    for (const pid of allPids()) {
      const args = cmdlineOf(pid);
      if (args[0]?.endsWith('/postgres') && args.includes('-p') && args[args.indexOf('-p') + 1] === pgPort) postmaster = pid;
      // redis-server rewrites its title to `redis-server 127.0.0.1:<port>`.
      if (redisPort && args[0]?.includes('redis-server') && (args.includes(redisPort) || args[0].includes(`:${redisPort}`))) redis = pid;
    }
    this.groups.set('postgres', () => {
      if (postmaster === undefined) return [];
      const pids = [postmaster];
      for (const pid of allPids()) if (statOf(pid)?.ppid === postmaster) pids.push(pid);
      return pids;
    });
    this.groups.set('redis', () => (redis === undefined ? [] : [redis]));
    this.groups.set('bench', () => [process.pid]);
  }

  /** Counts one more process (the worker) under `group`. */
  track(group: string, pid: number): void {
    this.groups.set(group, () => [pid]);
  }

  sample(): CpuSample {
    const ticks: Record<string, number> = {};
    for (const [group, pids] of this.groups) ticks[group] = pids().reduce((sum, pid) => sum + (statOf(pid)?.ticks ?? 0), 0);
    const [, ...numbers] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const values = numbers.map(Number);
    // user nice system idle iowait irq softirq steal: idle and iowait are not busy.
    const total = values.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = values[3] + values[4];
    return { at: Date.now(), ticks, machineBusy: total - idle, machineTotal: total };
  }

  /** Cores used by each group between two samples, plus `machine` and `other` (everything else). */
  static shares(from: CpuSample, to: CpuSample): CpuShares {
    const seconds = (to.at - from.at) / 1000;
    const shares: Record<string, number> = {};
    let ours = 0;
    for (const group of Object.keys(to.ticks)) {
      // A process that ended between the samples would give a negative figure: count it as idle.
      const used = Math.max(0, (to.ticks[group] - (from.ticks[group] ?? 0)) / TICKS_PER_SECOND / seconds);
      shares[group] = used;
      ours += used;
    }
    const machineCores = ((to.machineBusy - from.machineBusy) / Math.max(1, to.machineTotal - from.machineTotal)) * cpuCount();
    shares['machine'] = machineCores;
    shares['other'] = Math.max(0, machineCores - ours);
    return shares;
  }
}

function cpuCount(): number {
  const lines = readFileSync('/proc/stat', 'utf8').split('\n');
  return lines.filter((line) => /^cpu\d+ /.test(line)).length || 1;
}
