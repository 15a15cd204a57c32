import { createHash } from 'node:crypto';
import { AccountId } from '../account/account-id';
import { TokenHash } from '../account/token-hash.value-object';
import { SESSION_TIMEOUTS, SESSION_TOUCH_GRANULARITY_MS, Session } from './session.aggregate';
import { SessionId } from './session-id';

/** The spec's stand-in for the application's `hashToken`. */
const hashOf = (raw: string): TokenHash => TokenHash.fromStored(createHash('sha256').update(raw, 'utf8').digest('hex'));


const t0 = new Date('2026-03-02T14:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const open = (rememberMe: boolean, channel: 'portal' | 'back-office' = 'portal') =>
  Session.open({ id: SessionId.generate(), tokenHash: hashOf('cookie'), accountId: AccountId.generate(), channel, rememberMe, now: t0 });

describe('Session timeouts', () => {
  it('ends a standard session after 30 minutes idle', () => {
    const session = open(false);
    expect(session.stateAt(at(30 * MINUTE - 1))).toBe('active');
    expect(session.stateAt(at(30 * MINUTE))).toBe('idle-timeout');
  });

  it('moves the idle deadline with each request', () => {
    const session = open(false);
    expect(session.touch(at(20 * MINUTE))).toBe(true);
    expect(session.stateAt(at(49 * MINUTE))).toBe('active');
    expect(session.stateAt(at(50 * MINUTE))).toBe('idle-timeout');
  });

  it('ends a standard session after 12 hours however active', () => {
    const session = open(false);
    for (let t = 20 * MINUTE; t < 12 * HOUR; t += 20 * MINUTE) session.touch(at(t));
    expect(session.stateAt(at(12 * HOUR - 1))).toBe('active');
    expect(session.stateAt(at(12 * HOUR))).toBe('absolute-timeout');
    expect(session.touch(at(12 * HOUR))).toBe(false);
  });

  it('keeps a « Restez connecté pour 14 jours » session 14 days, 7 idle', () => {
    const session = open(true);
    expect(session.rememberMe).toBe(true);
    expect(session.absoluteExpiresAt.getTime() - t0.getTime()).toBe(14 * DAY);
    expect(session.stateAt(at(7 * DAY - 1))).toBe('active');
    expect(session.stateAt(at(7 * DAY))).toBe('idle-timeout');
    session.touch(at(6 * DAY));
    session.touch(at(12 * DAY));
    expect(session.stateAt(at(14 * DAY - 1))).toBe('active');
    expect(session.stateAt(at(14 * DAY))).toBe('absolute-timeout');
  });

  it('never remembers a back-office session', () => {
    const session = open(true, 'back-office');
    expect(session.rememberMe).toBe(false);
    expect(session.idleTimeoutMs).toBe(SESSION_TIMEOUTS.standard.idleMs);
  });

  it('reports the earlier deadline as expiry', () => {
    const session = open(false);
    expect(session.expiresAt().toISOString()).toBe(at(30 * MINUTE).toISOString());
    for (let t = 20 * MINUTE; t <= 11 * HOUR + 40 * MINUTE; t += 20 * MINUTE) session.touch(at(t));
    expect(session.expiresAt().toISOString()).toBe(at(12 * HOUR).toISOString());
  });
});

describe('Session touch and revoke', () => {
  it('writes last seen at most once a minute', () => {
    const session = open(false);
    expect(session.touch(at(SESSION_TOUCH_GRANULARITY_MS - 1))).toBe(false);
    expect(session.touch(at(SESSION_TOUCH_GRANULARITY_MS))).toBe(true);
    expect(session.lastSeenAt.toISOString()).toBe(at(SESSION_TOUCH_GRANULARITY_MS).toISOString());
  });

  it('revokes once, keeping the first reason', () => {
    const session = open(false);
    expect(session.revoke('signed-out', at(MINUTE))).toBe(true);
    expect(session.revoke('password-changed', at(2 * MINUTE))).toBe(false);
    expect(session.stateAt(at(2 * MINUTE))).toBe('revoked');
    expect(session.revokedReason).toBe('signed-out');
    expect(session.touch(at(5 * MINUTE))).toBe(false);
  });

  it('round-trips through its snapshot', () => {
    const session = open(true);
    session.revoke('rotated', at(MINUTE));
    expect(Session.restore(session.toSnapshot()).toSnapshot()).toEqual(session.toSnapshot());
  });
});
