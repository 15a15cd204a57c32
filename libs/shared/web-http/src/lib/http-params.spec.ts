import '@angular/compiler';
import { httpParamsOf } from './http-params';

describe('httpParamsOf', () => {
  it('keeps the set values, numbers as text, and leaves out the undefined and empty ones', () => {
    expect(httpParamsOf({ status: 'paid', page: 2, from: undefined, payer: '' }).toString()).toBe('status=paid&page=2');
  });
});
