import { assertPlainJson, isPlainJson, NotPlainJsonError } from './plain-json';

function problemAt(value: unknown): { path: string; problem: string } {
  try {
    assertPlainJson(value);
  } catch (error) {
    if (error instanceof NotPlainJsonError) return { path: error.path, problem: error.problem };
    throw error;
  }
  throw new Error('expected NotPlainJsonError');
}

describe('assertPlainJson', () => {
  it.each([
    ['null', null],
    ['string', 'é'],
    ['number', -1.5],
    ['boolean', false],
    ['empty object', {}],
    ['nested', { id: 'a', items: [{ qty: 2, tags: ['x'], note: null }], ok: true }],
    ['null-prototype object', Object.assign(Object.create(null) as object, { a: 1 })],
    ['the same object twice (not a cycle)', (() => {
      const shared = { a: 1 };
      return { left: shared, right: [shared] };
    })()],
  ])('accepts %s', (_label, value) => {
    expect(() => assertPlainJson(value)).not.toThrow();
    expect(isPlainJson(value)).toBe(true);
  });

  it.each([
    ['a Date', { when: new Date() }, '$.when', 'instance of Date'],
    ['a function', { f: () => 1 }, '$.f', 'function is not JSON'],
    ['undefined', { a: undefined }, '$.a', 'undefined is not JSON'],
    ['a bigint', { n: 1n }, '$.n', 'bigint is not JSON'],
    ['NaN', [1, NaN], '$[1]', 'non-finite number NaN'],
    ['Infinity', { x: { y: Infinity } }, '$.x.y', 'non-finite number Infinity'],
    ['a Map', { m: new Map() }, '$.m', 'instance of Map'],
    ['a class instance', { p: new (class Point { x = 1; })() }, '$.p', 'instance of Point'],
    ['a symbol key', { [Symbol('s')]: 1 }, '$', 'symbol key'],
    ['a hole in an array', { a: new Array<number>(2) }, '$.a[0]', 'hole in array'],
  ])('rejects %s with its path', (_label, value, path, problem) => {
    expect(problemAt(value)).toEqual({ path, problem });
    expect(isPlainJson(value)).toBe(false);
  });

  it('rejects cycles', () => {
    const node: Record<string, unknown> = { a: 1 };
    node['self'] = node;
    expect(problemAt(node)).toEqual({ path: '$.self', problem: 'circular reference' });
  });

  it('reports the path from the given root and is a TypeError', () => {
    expect(() => assertPlainJson({ d: new Date() }, '$.payload')).toThrow(TypeError);
    expect(() => assertPlainJson({ d: new Date() }, '$.payload')).toThrow('Not plain JSON at $.payload.d: instance of Date');
  });
});
