import { expect, test } from '@playwright/test';
import { ADMIN, APPS, LANGUAGE_STORAGE_KEY, PORTAL } from '../support/apps';

test.describe('the language switch', () => {
  for (const app of APPS) {
    test(`${app.name}: switches to English, persists across a reload, and switches back`, async ({ page }) => {
      await page.goto(app.home);
      const html = page.locator('html');
      const heading = page.getByRole('heading', { level: 1 });
      const toEnglish = page.getByRole('button', { name: 'English' });

      await expect(toEnglish).toHaveAttribute('lang', 'en');
      await toEnglish.click();

      await expect(heading).toHaveText(app.heading.en);
      await expect(html).toHaveAttribute('lang', 'en');
      await expect(page).toHaveTitle(app.title.en);
      await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeAttached();
      const toFrench = page.getByRole('button', { name: 'Français' });
      await expect(toFrench).toHaveAttribute('lang', 'fr');
      expect(await page.evaluate((key) => localStorage.getItem(key), LANGUAGE_STORAGE_KEY)).toBe('en');

      await page.reload();
      await expect(heading).toHaveText(app.heading.en);
      await expect(html).toHaveAttribute('lang', 'en');
      await expect(page).toHaveTitle(app.title.en);

      await toFrench.click();
      await expect(heading).toHaveText(app.heading.fr);
      await expect(html).toHaveAttribute('lang', 'fr');
      await expect(page).toHaveTitle(app.title.fr);
      await expect(page.getByRole('link', { name: 'Passer au contenu principal' })).toBeAttached();

      await page.reload();
      await expect(heading).toHaveText(app.heading.fr);
      await expect(html).toHaveAttribute('lang', 'fr');
    });

    test(`${app.name}: the not-found page follows the switch too`, async ({ page }) => {
      await page.goto(app.unknown);
      await page.getByRole('button', { name: 'English' }).click();

      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
      await expect(page).toHaveTitle(app.notFoundTitle.en);
      await expect(page.getByRole('link', { name: 'Back to home' })).toBeVisible();
    });
  }

  test('portal: the four services are named in English after the switch', async ({ page }) => {
    await page.goto(PORTAL.home);
    await page.getByRole('button', { name: 'English' }).click();

    await expect(page.getByTestId('services').getByRole('heading', { level: 3 })).toHaveText([
      'Training card requests',
      'School activity registrations',
      'Service point exams',
      'Course seat purchases',
    ]);
  });

  test('the choice made on the portal holds in the back-office (same origin)', async ({ page }) => {
    await page.goto(PORTAL.home);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.goto(ADMIN.home);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ADMIN.heading.en);
  });
});
