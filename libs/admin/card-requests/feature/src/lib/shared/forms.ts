import { Injectable, afterNextRender, type Injector } from '@angular/core';
import type { AbstractControl, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';
import type { ApiProblem } from '../data-access/api-problem';
import { parseDollars } from './money';

/** A dollar amount a person typed (`2,00` or `2.00`), above zero (« Prix par carte »). */
export const dollarAmount: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value = String(control.value ?? '').trim();
  if (value === '') return null;
  const cents = parseDollars(value);
  return cents === null || cents <= 0 ? { amount: true } : null;
};

/** A « Référentiels » code: lowercase letters, digits and hyphens (the API's `[a-z0-9-]+`). */
export const referenceCode: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value = String(control.value ?? '');
  return value === '' || /^[a-z0-9-]+$/.test(value) ? null : { code: true };
};

/** The field names of an API refusal as form paths: `activities[0].validityMonths` → `activities.0.validityMonths`. */
function pathOf(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1');
}

/**
 * Puts each field error of an API refusal under its field (what was typed stays) and returns the
 * text to show above the form for the rest. `rename` turns an API field path into a control path
 * (e.g. `amountCents` → `amount`). `codeFields` places a coded refusal without a field (e.g.
 * `BILLING.OVERPAYMENT`) under the field it is about.
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
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: error.message });
      control.markAsTouched();
    } else {
      unplaced.push(error.message);
    }
  }
  if (errors.length === 0) return problem.detail ?? fallback;
  return unplaced.length > 0 ? unplaced.join(' ') : null;
}

/** The message under a field: the server's own (already translated), else the local rule's. */
export function fieldError(
  control: AbstractControl | null,
  messages: { required: string; amount: string; min: string; max: string; pattern: string; code: string; maxlength: string },
): string {
  const errors = control?.errors;
  if (!errors) return '';
  if (typeof errors['server'] === 'string') return errors['server'];
  if (errors['required']) return messages.required;
  if (errors['amount']) return messages.amount;
  if (errors['code']) return messages.code;
  if (errors['maxlength']) return messages.maxlength;
  if (errors['min']) return messages.min;
  if (errors['max']) return messages.max;
  if (errors['pattern']) return messages.pattern;
  return '';
}

/** After a refused submit, the keyboard lands on the first field to fix, or on the form's message. */
export function focusFirstProblem(host: HTMLElement, injector: Injector): void {
  afterNextRender(
    () => {
      const target =
        host.querySelector<HTMLElement>('input.ng-invalid.ng-touched, select.ng-invalid.ng-touched, textarea.ng-invalid.ng-touched') ??
        host.querySelector<HTMLElement>('[data-form-error]');
      target?.focus();
    },
    { injector },
  );
}

/** Shows a field's error once it was touched (submitting marks every field touched). */
@Injectable()
export class TouchedErrorStateMatcher implements ErrorStateMatcher {
  isErrorState(control: AbstractControl | null): boolean {
    return !!control && control.invalid && control.touched;
  }
}
