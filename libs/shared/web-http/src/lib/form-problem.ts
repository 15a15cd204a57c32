import type { FormGroup } from '@angular/forms';
import type { ApiProblem } from './api-problem';

/** The field names of an API refusal as form paths: `lines[0].unitPriceCents` → `lines.0.unitPriceCents`. */
function pathOf(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1');
}

/**
 * Puts each field error of an API refusal under its (enabled) field as the `server` error, what was
 * typed staying, and returns the text to show above the form for the rest. `rename` turns an API
 * field path into a control path (e.g. `amountCents` → `amount`). `codeFields` places a coded
 * refusal without a field (e.g. `BILLING.OVERPAYMENT`) under the field it is about.
 */
export function applyProblem(
  form: FormGroup,
  problem: ApiProblem,
  fallback: string,
  rename: (path: string) => string = (path) => path,
  codeFields: Readonly<Record<string, string>> = {},
): string | null {
  const errors =
    problem.errors.length === 0 && codeFields[problem.code] && problem.detail
      ? [{ field: codeFields[problem.code], message: problem.detail }]
      : problem.errors;
  const unplaced: string[] = [];
  for (const error of errors) {
    const control = form.get(rename(pathOf(error.field)));
    if (control && control.enabled) {
      control.setErrors({ ...(control.errors ?? {}), server: error.message });
      control.markAsTouched();
    } else {
      unplaced.push(error.message);
    }
  }
  if (errors.length === 0) return problem.detail ?? fallback;
  return unplaced.length > 0 ? unplaced.join(' ') : null;
}
