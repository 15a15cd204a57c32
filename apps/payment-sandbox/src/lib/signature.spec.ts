import { signatureHeader } from './signature';

describe('signatureHeader', () => {
  it('is t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>"> (checked against openssl)', () => {
    // printf '%s' '1700000000.{"id":"evt_1"}' | openssl dgst -sha256 -hmac whsec_test
    expect(signatureHeader('whsec_test', '{"id":"evt_1"}', 1700000000.9)).toBe(
      't=1700000000,v1=c89214b5b5da833daed6f0b8c5bb6bd58cea9022bd80ccc78230f3942d632925',
    );
  });

  it('changes with the secret, the body and the time', () => {
    const base = signatureHeader('whsec_test', '{"id":"evt_1"}', 1700000000);
    expect(signatureHeader('whsec_other', '{"id":"evt_1"}', 1700000000)).not.toBe(base);
    expect(signatureHeader('whsec_test', '{"id":"evt_2"}', 1700000000)).not.toBe(base);
    expect(signatureHeader('whsec_test', '{"id":"evt_1"}', 1700000001)).not.toBe(base);
  });
});
