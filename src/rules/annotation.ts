/** leftovers: a reviewer's comment or annotation left in the text (the comment printed in a PDF proof, a Word comment). */
import type { Rule } from '../check/types.js';

export const rule: Rule = {
  id: 'annotation',
  category: 'leftovers',
  level: 'error',
  description: { en: 'No reviewer comment or annotation is left in the document (a comment printed in a PDF proof, a Word comment).', sv: 'Ingen granskningskommentar eller anteckning finns kvar i dokumentet (en kommentar utskriven i ett PDF-korrektur, en Word-kommentar).' },
  fromParse: ['annotation'],
  examples: {
    path: 'korrektur.pdf.txt',
    bad: 'Överenskommelse\n\nParterna ska samverka och följa upp arbetet.\n\nsofoqu01\nAnteckning\nBilden är en skiss. Ska vi köpa den?\n\nParterna ska följa upp arbetet varje år.\n',
    good: 'Överenskommelse\n\nParterna ska samverka och följa upp arbetet.\n\nParterna ska följa upp arbetet varje år.\n',
  },
};
