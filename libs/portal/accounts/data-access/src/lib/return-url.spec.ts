import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it('keeps a path of the app, with its query', () => {
    expect(safeReturnUrl('/compte/profil')).toBe('/compte/profil');
    expect(safeReturnUrl('/utilisateurs?q=ethc003')).toBe('/utilisateurs?q=ethc003');
  });

  it.each(['https://evil.example/', '//evil.example/', '/\\evil.example/', 'javascript:alert(1)', 'compte/profil', ''])(
    'refuses %s and falls back home',
    (value) => {
      expect(safeReturnUrl(value)).toBe('/');
    },
  );

  it('falls back to the given path when there is none', () => {
    expect(safeReturnUrl(undefined, '/admin')).toBe('/admin');
    expect(safeReturnUrl(null)).toBe('/');
  });
});
