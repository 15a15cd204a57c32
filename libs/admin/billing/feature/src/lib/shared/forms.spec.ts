// Angular's libraries are partly compiled: the JIT compiler finishes them when a spec loads them.
import '@angular/compiler';
import { FormControl, Validators } from '@angular/forms';
import { dollarAmount } from './forms';

describe('dollarAmount', () => {
  it('accepts 12,34 and 12.34, refuses zero and words, leaves empty to required', () => {
    const control = new FormControl('', [Validators.required, dollarAmount]);
    for (const ok of ['12,34', '12.34', '5']) {
      control.setValue(ok);
      expect(control.errors).toBeNull();
    }
    for (const bad of ['0', '0,00', 'douze', '12,345']) {
      control.setValue(bad);
      expect(control.errors).toEqual({ amount: true });
    }
    control.setValue('');
    expect(control.errors).toEqual({ required: true });
  });
});
