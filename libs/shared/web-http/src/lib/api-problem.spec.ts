import '@angular/compiler';
import { HttpErrorResponse } from '@angular/common/http';
import { toApiProblem } from './api-problem';

const refusal = (status: number, error: unknown) => new HttpErrorResponse({ status, error });

describe('toApiProblem', () => {
  it('reads the code, the translated detail and the field errors of a problem+json body', () => {
    const problem = toApiProblem(
      refusal(400, {
        code: 'HTTP.VALIDATION_FAILED',
        detail: 'Certains champs sont invalides.',
        errors: [{ field: 'delivery.postalCode', code: 'matches', message: 'Code postal invalide.' }, { nope: true }],
      }),
    );
    expect(problem).toEqual({
      status: 400,
      code: 'HTTP.VALIDATION_FAILED',
      detail: 'Certains champs sont invalides.',
      errors: [{ field: 'delivery.postalCode', code: 'matches', message: 'Code postal invalide.' }],
    });
  });

  it('puts a domain refusal about one field next to that field', () => {
    const problem = toApiProblem(
      refusal(422, { code: 'CARD_REQUESTS.INVALID_FIELD', detail: 'La date ne peut pas être supérieure à la date du jour.', details: { field: 'sessionEndDate' } }),
    );
    expect(problem.errors).toEqual([
      { field: 'sessionEndDate', code: 'CARD_REQUESTS.INVALID_FIELD', message: 'La date ne peut pas être supérieure à la date du jour.' },
    ]);
  });

  it('says HTTP.<status> with no detail when the body is not a problem, and HTTP.0 for a network failure', () => {
    expect(toApiProblem(refusal(502, 'Bad Gateway'))).toEqual({ status: 502, code: 'HTTP.502', detail: null, errors: [] });
    expect(toApiProblem(new Error('offline'))).toEqual({ status: 0, code: 'HTTP.0', detail: null, errors: [] });
  });
});
