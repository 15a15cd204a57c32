import { SETTINGS, type SettingDescription } from './settings';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The settings as a Markdown table, for the README. */
export function settingsMarkdownTable(settings: readonly SettingDescription[] = SETTINGS): string {
  const rows = settings.map((s) => {
    const fallback = s.default === undefined ? '*(unset)*' : `\`${cell(s.default)}\``;
    const production = s.requiredInProduction ? 'yes' : 'no';
    return `| \`${s.name}\` | ${fallback} | ${production} | ${cell(s.description)} |`;
  });
  return ['| Setting | Embedded default | Required in production | Description |', '|---|---|---|---|', ...rows].join('\n');
}
