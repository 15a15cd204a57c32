import { Injectable, afterNextRender, type Injector } from '@angular/core';
import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';
import { parseDollars } from './money';

/** A dollar amount a person typed (`12,34` or `12.34`), above zero. */
export const dollarAmount: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value = String(control.value ?? '').trim();
  if (value === '') return null;
  const cents = parseDollars(value);
  return cents === null || cents <= 0 ? { amount: true } : null;
};

/** The message under a field: the server's own (already translated), else the local rule's. */
export function fieldError(control: AbstractControl | null, messages: { required: string; amount: string; email: string; min: string }): string {
  const errors = control?.errors;
  if (!errors) return '';
  if (typeof errors['server'] === 'string') return errors['server'];
  if (errors['required']) return messages.required;
  if (errors['amount']) return messages.amount;
  if (errors['email']) return messages.email;
  if (errors['min']) return messages.min;
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
