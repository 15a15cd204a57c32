// Prints the README settings table: `npx nx run shared-config:settings-table`.
import { settingsMarkdownTable } from './lib/settings-table';

process.stdout.write(`${settingsMarkdownTable()}\n`);
