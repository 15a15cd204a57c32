import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { LANGUAGE_STORAGE_KEY } from './apps';

/** The WCAG 2.1 A and AA rules, plus axe's best practices (landmarks, heading order, one h1). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Runs axe on the page once its transitions have ended (a message fading in is measured at its final
 * colour, not half-way) and fails with a readable list of what it found.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const found = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary}`).join('\n'),
  );
  expect(found, `axe violations on ${page.url()}`).toEqual([]);
}

/** Starts the visit with a language already chosen, as a returning visitor would. */
export async function chooseLanguageBeforeLoad(page: Page, language: 'fr' | 'en'): Promise<void> {
  await page.addInitScript(
    ([key, value]) => window.localStorage.setItem(key, value),
    [LANGUAGE_STORAGE_KEY, language] as const,
  );
}

/** Fails on any request of the page that does not succeed (a wrong base href shows up here). */
export function collectFailedRequests(page: Page): string[] {
  const failures: string[] = [];
  page.on('requestfailed', (request) => failures.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.url()}: HTTP ${response.status()}`);
  });
  return failures;
}

/** Collects console errors and uncaught exceptions of the page. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/**
 * The element has the keyboard focus and draws a visible focus ring: its own outline, or for
 * Material buttons (which drop the outline) Material's strong focus indicator.
 */
export async function expectVisibleFocus(locator: Locator): Promise<void> {
  await expect(locator).toBeFocused();
  const ring = await locator.evaluate((element) => {
    const own = getComputedStyle(element);
    if (own.outlineStyle !== 'none' && parseFloat(own.outlineWidth) > 0) {
      return { kind: 'outline', width: parseFloat(own.outlineWidth), color: own.outlineColor };
    }
    const indicator = element.querySelector(':scope > .mat-focus-indicator');
    if (!indicator) return { kind: 'none', width: 0, color: '' };
    const before = getComputedStyle(indicator, '::before');
    const drawn = before.display !== 'none' && before.content !== 'none' && before.borderTopStyle !== 'none';
    return { kind: drawn ? 'material' : 'none', width: parseFloat(before.borderTopWidth), color: before.borderTopColor };
  });
  expect(ring.kind, 'focus ring').not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  expect(ring.color).not.toMatch(/^(transparent|rgba\(0, 0, 0, 0\))$/);
}
