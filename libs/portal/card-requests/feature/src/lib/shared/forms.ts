import { Injectable, afterNextRender, type Injector } from '@angular/core';
import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';
import type { CardRequestsKey } from '../card-requests.translations';

// The same form helpers as Accounts' (libs/portal/accounts/feature); placing an API refusal on a form: `applyProblem` (@guichet/shared/web-http).

/** Canadian postal code, with or without the space (the API normalizes it). */
export const POSTAL_CODE = /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/;
/** Ten digits, spaces, dots, dashes or parentheses between them. */
export const PHONE = /^\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}$/;
export const EXTENSION = /^\d{1,6}$/;

/** A `YYYY-MM-DD` date not after `today()` (« Fin de la session », « Date de naissance »). */
export function notAfter(today: () => string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value = control.value as string | null;
    if (!value) return null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return { date: true };
    return value > today() ? { futureDate: true } : null;
  };
}

/** The message under a field: the server's own (already translated), else the local rule's. */
export function fieldError(control: AbstractControl | null, t: (key: CardRequestsKey) => string): string {
  const errors = control?.errors;
  if (!errors) return '';
  if (typeof errors['server'] === 'string') return errors['server'];
  if (errors['required']) return t('cards.errors.required');
  if (errors['email']) return t('cards.errors.email');
  if (errors['futureDate']) return t('cards.errors.futureDate');
  if (errors['date']) return t('cards.errors.date');
  if (errors['postalCode']) return t('cards.errors.postalCode');
  if (errors['phone']) return t('cards.errors.phone');
  if (errors['extension']) return t('cards.errors.extension');
  if (errors['secondTrainer']) return t('cards.errors.secondTrainer');
  return '';
}

/** `Validators.pattern` under a name of ours, so the message says what is expected. */
export function matching(pattern: RegExp, error: string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value = typeof control.value === 'string' ? control.value.trim() : '';
    return value === '' || pattern.test(value) ? null : { [error]: true };
  };
}

/** After a refused save, the keyboard lands on the first field to fix (or on the form's message). */
export function focusFirstProblem(host: HTMLElement, injector: Injector): void {
  afterNextRender(
    () => {
      const target =
        host.querySelector<HTMLElement>('input.ng-invalid.ng-touched, select.ng-invalid.ng-touched') ??
        host.querySelector<HTMLElement>('[data-form-error]');
      target?.focus();
    },
    { injector },
  );
}

/** Shows a field's error once it was touched (saving marks every field touched). */
@Injectable()
export class TouchedErrorStateMatcher implements ErrorStateMatcher {
  isErrorState(control: AbstractControl | null): boolean {
    return !!control && control.invalid && control.touched;
  }
}
