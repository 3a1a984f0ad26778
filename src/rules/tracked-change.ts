/** leftovers: tracked changes in a Word file that nobody accepted or rejected. */
import type { Rule } from '../check/types.js';

export const rule: Rule = {
  id: 'tracked-change',
  category: 'leftovers',
  level: 'error',
  description: { en: 'A Word file has no tracked change left unaccepted: accept or reject every change before the text goes out.', sv: 'En Word-fil har inga spårade ändringar kvar: godkänn eller avvisa varje ändring innan texten skickas ut.' },
  fromParse: ['tracked-change'],
  examples: { path: 'test/fixtures/import/agreement.docx', bad: '', good: '# Överenskommelse\n\nParterna ska samverka.\n' },
};
