import { HttpParams } from '@angular/common/http';

/** A query string of the given values, leaving out the undefined and empty ones (unset filters). */
export function httpParamsOf(values: Readonly<Record<string, string | number | undefined>>): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params = params.set(key, String(value));
  }
  return params;
}
