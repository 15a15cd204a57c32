// Test helper, run by the unit specs in a child Node process: unpdf is ESM-only at run time
// (it imports pdf.js dynamically), which Jest's CommonJS runtime cannot load.
// Reads a PDF on stdin; prints JSON { totalPages, pages: string[], info } on stdout.
import { extractText, getDocumentProxy, getMeta } from 'unpdf';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
const { totalPages, text } = await extractText(pdf, { mergePages: false });
const { info } = await getMeta(pdf);
process.stdout.write(JSON.stringify({ totalPages, pages: text, info }));
