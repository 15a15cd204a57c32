// Angular's libraries are partly compiled: the JIT compiler finishes them when a spec loads them.
import '@angular/compiler';
import { FormArray, FormControl, FormGroup } from '@angular/forms';
import type { ApiProblem } from './api-problem';
import { applyProblem } from './form-problem';

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
          { field: 'billTo.address.postalCode', code: 'X', message: 'Code postal invalide' },
          { field: 'lines[0].unitPriceCents', code: 'X', message: 'Prix invalide' },
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
    expect(applyProblem(form, problem({ errors: [{ field: 'unknown', code: 'X', message: 'Autre' }] }), 'fallback')).toBe('Autre');
    expect(applyProblem(form, problem({ detail: 'Rien à payer' }), 'fallback')).toBe('Rien à payer');
    expect(applyProblem(form, problem({ detail: null }), 'fallback')).toBe('fallback');
  });

  it('returns the message of a disabled field, which could not show it', () => {
    const form = newInvoiceForm();
    form.get('amount')?.disable();
    expect(applyProblem(form, problem({ errors: [{ field: 'amount', code: 'X', message: 'Montant invalide' }] }), 'fallback')).toBe('Montant invalide');
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
