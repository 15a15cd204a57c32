import { AppConfig, loadAppConfig } from '@guichet/shared/config';
import type { Request } from 'express';
import { CsrfProtection } from './csrf-protection';

function config(): AppConfig {
  return loadAppConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://guichet.example/' });
}

function req(headers: Record<string, string>): Request {
  return { headers } as unknown as Request;
}

describe('CsrfProtection', () => {
  const csrf = new CsrfProtection(config());
  const token = csrf.issue();

  it('issues distinct tokens it recognizes, and rejects tampered ones', () => {
    expect(csrf.issue()).not.toBe(token);
    expect(csrf.isGenuine(token)).toBe(true);
    expect(csrf.isGenuine(`${token}x`)).toBe(false);
    expect(csrf.isGenuine(`other.${token.split('.')[1]}`)).toBe(false);
    expect(csrf.isGenuine('')).toBe(false);
  });

  it('does not recognize tokens signed with another secret', () => {
    const other = new CsrfProtection(loadAppConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://guichet.example/', SESSION_SECRET: 'another secret of enough length 1234567890' }));
    expect(other.isGenuine(token)).toBe(false);
  });

  it('accepts the pair from the public origin, with or without Origin/Referer', () => {
    const pair = { cookie: `XSRF-TOKEN=${token}`, 'x-xsrf-token': token };
    expect(csrf.accepts(req({ ...pair, origin: 'https://guichet.example' }))).toBe(true);
    expect(csrf.accepts(req({ ...pair, referer: 'https://guichet.example/admin/comptes' }))).toBe(true);
    expect(csrf.accepts(req(pair))).toBe(true);
  });

  it('refuses another origin, a null origin, a missing header and a mismatched header', () => {
    const pair = { cookie: `XSRF-TOKEN=${token}`, 'x-xsrf-token': token };
    expect(csrf.accepts(req({ ...pair, origin: 'https://evil.example' }))).toBe(false);
    expect(csrf.accepts(req({ ...pair, origin: 'null' }))).toBe(false);
    expect(csrf.accepts(req({ ...pair, referer: 'https://guichet.example.evil.example/' }))).toBe(false);
    expect(csrf.accepts(req({ cookie: `XSRF-TOKEN=${token}` }))).toBe(false);
    expect(csrf.accepts(req({ cookie: `XSRF-TOKEN=${token}`, 'x-xsrf-token': csrf.issue() }))).toBe(false);
  });
});
