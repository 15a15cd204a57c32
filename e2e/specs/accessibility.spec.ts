import { expect, test } from '@playwright/test';
import { APPS } from '../support/apps';
import { chooseLanguageBeforeLoad, expectNoAxeViolations } from '../support/page-checks';

test.describe('axe-core finds no violation', () => {
  for (const app of APPS) {
    for (const language of ['fr', 'en'] as const) {
      test(`${app.name} home, ${language}`, async ({ page }) => {
        await chooseLanguageBeforeLoad(page, language);
        await page.goto(app.home);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(app.heading[language]);
        await expect(page.locator('html')).toHaveAttribute('lang', language);

        await expectNoAxeViolations(page);
      });

      test(`${app.name} not-found page, ${language}`, async ({ page }) => {
        await chooseLanguageBeforeLoad(page, language);
        await page.goto(app.unknown);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(
          language === 'fr' ? 'Page introuvable' : 'Page not found',
        );

        await expectNoAxeViolations(page);
      });
    }

    test(`${app.name} home with the skip link shown (focused)`, async ({ page }) => {
      await page.goto(app.home);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'Passer au contenu principal' })).toBeFocused();

      await expectNoAxeViolations(page);
    });
  }
});
