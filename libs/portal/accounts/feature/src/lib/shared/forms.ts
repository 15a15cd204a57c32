import { Injectable, afterNextRender, type Injector } from '@angular/core';
import type { AbstractControl, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';
import type { ApiProblem } from '@guichet/portal/accounts/data-access';
import type { AccountsKey } from '../accounts.translations';

/** Form-level: the two password fields must match (the API checks it too). */
export function samePasswords(first: string, second: string): ValidatorFn {
  return (group: AbstractControl): ValidationErrors | null => {
    const a = group.get(first);
    const b = group.get(second);
    if (!a || !b || !b.value) return null;
    const mismatch = a.value !== b.value;
    const { mismatch: _previous, ...others } = b.errors ?? {};
    b.setErrors(mismatch ? { ...others, mismatch: true } : Object.keys(others).length > 0 ? others : null);
    return null;
  };
}

/** The message under a field: the server's own (already translated), else the local rule's. */
export function fieldError(control: AbstractControl | null, t: (key: AccountsKey) => string): string {
  const errors = control?.errors;
  if (!errors) return '';
  if (typeof errors['server'] === 'string') return errors['server'];
  if (errors['required']) return t('accounts.errors.required');
  if (errors['email']) return t('accounts.errors.email');
  if (errors['mismatch']) return t('accounts.errors.mismatch');
  return '';
}

/**
 * Puts each field error of an API refusal under its field (what was typed stays) and returns the
 * text to show above the form for the rest. `aliases` maps API field names to form control names.
 */
export function applyProblem(
  form: FormGroup,
  problem: ApiProblem,
  fallback: string,
  aliases: Readonly<Record<string, string>> = {},
): string | null {
  const unplaced: string[] = [];
  for (const error of problem.errors) {
    const control = form.get(aliases[error.field] ?? error.field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: error.message });
      control.markAsTouched();
    } else {
      unplaced.push(error.message);
    }
  }
  if (problem.errors.length === 0) return problem.detail ?? fallback;
  return unplaced.length > 0 ? unplaced.join(' ') : null;
}

/**
 * After a refused submit, the keyboard lands on the first field to fix (or on the form's message), once
 * the view shows the errors (the `ng-invalid` classes are set while rendering; Material leaves
 * `aria-invalid` off an empty required field).
 */
export function focusFirstProblem(host: HTMLElement, injector: Injector): void {
  afterNextRender(
    () => {
      const target =
        host.querySelector<HTMLElement>('input.ng-invalid.ng-touched, mat-select.ng-invalid.ng-touched') ??
        host.querySelector<HTMLElement>('[data-form-error]');
      target?.focus();
    },
    { injector },
  );
}

/**
 * Reads `#jeton=…` from a mailed link. The token is in the fragment so it never reaches a server log
 * or a Referer; it is then removed from the address bar (and history) and sent to the API only.
 */
export function takeLinkToken(window: Window | null): string | null {
  if (!window) return null;
  const token = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('jeton');
  if (token !== null) {
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
  return token && token.trim() !== '' ? token.trim() : null;
}

/** Shows a field's error once it was touched (submitting marks every field touched), not because the form was submitted. */
@Injectable()
export class TouchedErrorStateMatcher implements ErrorStateMatcher {
  isErrorState(control: AbstractControl | null): boolean {
    return !!control && control.invalid && control.touched;
  }
}
