import { negotiateLanguage } from './accept-language';

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'fr'],
    ['', 'fr'],
    ['en', 'en'],
    ['en-CA', 'en'],
    ['EN-us', 'en'],
    ['fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
    ['en-CA,en;q=0.9,fr-CA;q=0.8', 'en'],
    ['de-DE,de;q=0.9,en;q=0.5', 'en'],
    ['de, es', 'fr'],
    ['*', 'fr'],
    ['fr;q=0.2, en;q=0.7', 'en'],
    ['en;q=0, fr;q=0.1', 'fr'],
    ['en;q=0', 'fr'],
    ['en;q=garbage', 'fr'],
    [';;;,,,', 'fr'],
    ['en;q=0.5, fr;q=0.5', 'en'],
  ])('%p gives %p', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });

  it('reads a header given several times', () => {
    expect(negotiateLanguage(['de', 'en;q=0.3'])).toBe('en');
  });
});
