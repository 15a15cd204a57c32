import { Injectable, afterNextRender, type Injector } from '@angular/core';
import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';
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
