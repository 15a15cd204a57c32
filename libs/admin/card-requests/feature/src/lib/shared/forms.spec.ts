// Angular's libraries are partly compiled: the JIT compiler finishes them when a spec loads them.
import '@angular/compiler';
import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import { applyProblem } from '@guichet/shared/web-http';
import { fieldError, referenceCode } from './forms';

const MESSAGES = { required: 'R', amount: 'A', min: 'MIN', max: 'MAX', pattern: 'P', code: 'CODE', maxlength: 'LONG' };

function referenceForm() {
  return new FormGroup({
    cardPrice: new FormControl('2,00'),
    activities: new FormArray([
      new FormGroup({
        code: new FormControl('pds', [Validators.required, referenceCode]),
        label: new FormGroup({ fr: new FormControl('Déplacement'), en: new FormControl('Moving') }),
        validityMonths: new FormControl<number | null>(0),
      }),
    ]),
  });
}

describe('« Référentiels » form helpers', () => {
  it('accepts lowercase codes with digits and hyphens only', () => {
    expect(referenceCode(new FormControl('premiers-soins-2'))).toBeNull();
    expect(referenceCode(new FormControl(''))).toBeNull();
    expect(referenceCode(new FormControl('Premiers soins'))).toEqual({ code: true });
    expect(referenceCode(new FormControl('pds_1'))).toEqual({ code: true });
    expect(fieldError(new FormControl('A B', referenceCode), MESSAGES)).toBe('CODE');
  });

  it('puts the API’s dotted and bracketed field paths under their fields, keeping what was typed', () => {
    const form = referenceForm();
    const rest = applyProblem(
      form,
      {
        status: 400,
        code: 'HTTP.VALIDATION_FAILED',
        detail: 'Invalid',
        errors: [
          { field: 'activities.0.validityMonths', code: 'min', message: 'Au moins 1.' },
          { field: 'activities[0].label.fr', code: 'isNotEmpty', message: 'Obligatoire.' },
          { field: 'cardPriceCents', code: 'isInt', message: 'Prix invalide.' },
          { field: 'somethingElse', code: 'isDefined', message: 'Autre.' },
        ],
      },
      'generic',
      (path) => (path === 'cardPriceCents' ? 'cardPrice' : path),
    );
    expect(fieldError(form.get('activities.0.validityMonths'), MESSAGES)).toBe('Au moins 1.');
    expect(form.get('activities.0.validityMonths')?.value).toBe(0);
    expect(fieldError(form.get('activities.0.label.fr'), MESSAGES)).toBe('Obligatoire.');
    expect(form.get('activities.0.label.fr')?.touched).toBe(true);
    expect(fieldError(form.get('cardPrice'), MESSAGES)).toBe('Prix invalide.');
    expect(rest).toBe('Autre.');
  });

  it('shows the problem’s detail above the form when no field is named', () => {
    const form = referenceForm();
    expect(applyProblem(form, { status: 409, code: 'X', detail: 'Conflit.', errors: [] }, 'generic')).toBe('Conflit.');
    expect(applyProblem(form, { status: 0, code: 'HTTP.0', detail: null, errors: [] }, 'generic')).toBe('generic');
  });
});
