import { createUuidV7Generator, isUuid, isUuidV7, uuidv7, uuidv7Timestamp } from './uuid';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('has the RFC 9562 layout: version 7, variant 10, lowercase', () => {
    for (let i = 0; i < 50; i++) expect(uuidv7()).toMatch(V7);
  });

  it('encodes the current Unix time in milliseconds in the first 48 bits', () => {
    const before = Date.now();
    const id = uuidv7();
    const after = Date.now();
    const ms = uuidv7Timestamp(id).getTime();
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(after + 1);
  });

  it('is unique and strictly increasing within the process', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7());
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) expect(ids[i] > ids[i - 1]).toBe(true);
  });

  it('writes a known timestamp big-endian and keeps random bits where the RFC says', () => {
    const generate = createUuidV7Generator({
      now: () => 0x0192_3456_789a,
      fillRandom: (bytes) => bytes.fill(0xff),
    });
    // Counter seed 0x7ff (capped below 2^11), variant bits 10 over 0xff, the rest random.
    expect(generate()).toBe('01923456-789a-77ff-bfff-ffffffffffff');
    expect(generate()).toBe('01923456-789a-7800-bfff-ffffffffffff');
  });

  it('stays monotonic when the clock steps back and when the counter overflows', () => {
    let now = 1_700_000_000_000;
    const generate = createUuidV7Generator({ now: () => now, fillRandom: (bytes) => bytes.fill(0) });
    const first = generate();
    now -= 5_000;
    const afterStepBack = generate();
    expect(afterStepBack > first).toBe(true);
    expect(uuidv7Timestamp(afterStepBack).getTime()).toBe(1_700_000_000_000);

    const ids = Array.from({ length: 4200 }, () => generate());
    for (let i = 1; i < ids.length; i++) expect(ids[i] > ids[i - 1]).toBe(true);
    // 4096 counter values per millisecond: the timestamp had to move forward.
    expect(uuidv7Timestamp(ids[ids.length - 1]).getTime()).toBe(1_700_000_000_001);
  });

  it('rejects a timestamp outside 48 bits', () => {
    const generate = createUuidV7Generator({ now: () => 2 ** 48, fillRandom: () => undefined });
    expect(() => generate()).toThrow(RangeError);
  });
});

describe('isUuid', () => {
  it.each([
    '0192e4a0-7d3c-7b2e-9f00-1234567890ab',
    '0192E4A0-7D3C-7B2E-9F00-1234567890AB',
    'f47ac10b-58cc-4372-a567-0e02b2c3d479',
  ])('accepts %s', (value) => {
    expect(isUuid(value)).toBe(true);
  });

  it.each([
    ['nil', '00000000-0000-0000-0000-000000000000'],
    ['no dashes', '0192e4a07d3c7b2e9f001234567890ab'],
    ['bad variant', '0192e4a0-7d3c-7b2e-7f00-1234567890ab'],
    ['version 9', '0192e4a0-7d3c-9b2e-9f00-1234567890ab'],
    ['braces', '{0192e4a0-7d3c-7b2e-9f00-1234567890ab}'],
    ['not a string', 42],
  ])('rejects %s', (_label, value) => {
    expect(isUuid(value)).toBe(false);
  });

  it('tells v7 from other versions', () => {
    expect(isUuidV7('0192e4a0-7d3c-7b2e-9f00-1234567890ab')).toBe(true);
    expect(isUuidV7('f47ac10b-58cc-4372-a567-0e02b2c3d479')).toBe(false);
    expect(() => uuidv7Timestamp('f47ac10b-58cc-4372-a567-0e02b2c3d479')).toThrow(TypeError);
  });
});
