import type { MailLanguage } from '@guichet/shared/application';
import { escapeHtml } from './escape-html';

const FOOTER: Record<MailLanguage, string> = {
  fr: 'Ce courriel vous a été envoyé automatiquement par Guichet. Merci de ne pas y répondre.',
  en: 'This email was sent to you automatically by Guichet. Please do not reply to it.',
};

const ROLE_DESCRIPTION: Record<MailLanguage, string> = { fr: 'courriel', en: 'email' };

export interface LayoutInput {
  readonly lang: MailLanguage;
  readonly subject: string;
  /** Rendered text body. */
  readonly text: string;
  /** Rendered, already escaped HTML fragment. */
  readonly html: string;
  readonly publicUrl: string;
}

/**
 * The frame of every mail: a declared language, a title, one readable column (inline styles, since
 * mail clients drop style sheets), sufficient contrast, and a footer signed « Guichet ».
 */
export function mailLayout(input: LayoutInput): { text: string; html: string } {
  const { lang, publicUrl } = input;
  const subject = escapeHtml(input.subject);
  const html = `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${subject}</title>
</head>
<body style="margin:0;padding:0;background-color:#f2f4f7;">
<div role="article" aria-roledescription="${ROLE_DESCRIPTION[lang]}" aria-label="${subject}" lang="${lang}" style="padding:24px 12px;">
<div style="max-width:600px;margin:0 auto;background-color:#ffffff;border-radius:4px;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b;">
<p style="margin:0 0 16px 0;font-size:20px;font-weight:bold;color:#095797;">Guichet</p>
${input.html}
</div>
<p style="max-width:600px;margin:16px auto 0 auto;font-family:Arial,Helvetica,sans-serif;font-size:13px;line-height:1.5;color:#4a4a4a;">${FOOTER[lang]}<br><a href="${escapeHtml(publicUrl)}" style="color:#095797;">Guichet</a></p>
</div>
</body>
</html>
`;
  const text = `${input.text.trimEnd()}\n\n-- \nGuichet\n${FOOTER[lang]}\n${publicUrl}\n`;
  return { text, html };
}
