// Angular's libraries are partly compiled: the JIT compiler finishes them when a spec loads them.
import '@angular/compiler';
import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import type { ApiProblem } from '../data-access/api-problem';
import { applyProblem, dollarAmount } from './forms';

const problem = (overrides: Partial<ApiProblem>): ApiProblem => ({ status: 422, code: 'VALIDATION', detail: 'Invalide', errors: [], ...overrides });

function newInvoiceForm(): FormGroup {
  return new FormGroup({
    billTo: new FormGroup({ address: new FormGroup({ postalCode: new FormControl('H2X') }) }),
    lines: new FormArray([new FormGroup({ unitPrice: new FormControl('2,00'), description: new FormControl('Cartes') })]),
    amount: new FormControl('12,34'),
  });
}

describe('applyProblem', () => {
  it('puts each field error under its field, nested and in lists, and keeps what was typed', () => {
    const form = newInvoiceForm();
    const rest = applyProblem(
      form,
      problem({
        errors: [
          { field: 'billTo.address.postalCode', message: 'Code postal invalide' },
          { field: 'lines[0].unitPriceCents', message: 'Prix invalide' },
        ],
      }),
      'fallback',
      (path) => path.replace(/unitPriceCents$/, 'unitPrice'),
    );
    expect(rest).toBeNull();
    expect(form.get('billTo.address.postalCode')?.errors).toEqual({ server: 'Code postal invalide' });
    expect(form.get('billTo.address.postalCode')?.touched).toBe(true);
    expect(form.get('lines.0.unitPrice')?.errors).toEqual({ server: 'Prix invalide' });
    expect(form.get('lines.0.unitPrice')?.value).toBe('2,00');
  });

  it('returns the messages it cannot place, and the detail when there is no field', () => {
    const form = newInvoiceForm();
    expect(applyProblem(form, problem({ errors: [{ field: 'unknown', message: 'Autre' }] }), 'fallback')).toBe('Autre');
    expect(applyProblem(form, problem({ detail: 'Rien à payer' }), 'fallback')).toBe('Rien à payer');
    expect(applyProblem(form, problem({ detail: null }), 'fallback')).toBe('fallback');
  });

  it('places a coded refusal without a field (over-payment) under the field it is about', () => {
    const form = newInvoiceForm();
    const rest = applyProblem(form, problem({ status: 409, code: 'BILLING.OVERPAYMENT', detail: 'Dépasse le solde' }), 'fallback', undefined, {
      'BILLING.OVERPAYMENT': 'amount',
    });
    expect(rest).toBeNull();
    expect(form.get('amount')?.errors).toEqual({ server: 'Dépasse le solde' });
  });
});

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
