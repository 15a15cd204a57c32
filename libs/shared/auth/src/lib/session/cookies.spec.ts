import { readCookie } from './cookies';

describe('readCookie', () => {
  const req = (cookie?: string) => ({ headers: cookie === undefined ? {} : { cookie } });

  it('finds a cookie among others and decodes it', () => {
    expect(readCookie(req('a=1; guichet_session=abc%2Bdef; b=2'), 'guichet_session')).toBe('abc+def');
  });

  it('keeps the first of two cookies with the same name', () => {
    expect(readCookie(req('XSRF-TOKEN=first; XSRF-TOKEN=second'), 'XSRF-TOKEN')).toBe('first');
  });

  it('answers null when absent, and for a malformed encoding', () => {
    expect(readCookie(req(), 'x')).toBeNull();
    expect(readCookie(req('guichet_session_old=1'), 'guichet_session')).toBeNull();
    expect(readCookie(req('x=%E0%A4%A'), 'x')).toBeNull();
  });
});
