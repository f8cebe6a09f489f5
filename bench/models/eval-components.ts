/** The three small, fixed components every model is evaluated on: one story each, testable criteria. */
export interface EvalComponent {
  readonly context: string;
  readonly name: string;
  readonly description: string;
  readonly story: {
    readonly title: string;
    readonly description: string;
    readonly criteria: readonly string[];
  };
}

export const EVAL_COMPONENTS: readonly EvalComponent[] = [
  {
    context: 'Billing',
    name: 'Totals',
    description: 'Adds up the lines of an invoice: total(lines: { price: number; qty: number }[]): number',
    story: {
      title: 'Invoice totals',
      description: 'As a clerk I want invoice totals so that I can bill customers',
      criteria: ['the total is the sum of price times quantity', 'an empty invoice totals zero'],
    },
  },
  {
    context: 'Publishing',
    name: 'Slug',
    description: 'Turns a title into a URL slug: slugify(title: string): string',
    story: {
      title: 'Readable URLs',
      description: 'As an editor I want slugs made from titles so that URLs are readable',
      criteria: [
        'letters are lower-cased and runs of other characters become one hyphen',
        'no slug starts or ends with a hyphen',
        'accented letters lose their accents (é becomes e)',
      ],
    },
  },
  {
    context: 'Numerals',
    name: 'Roman',
    description: 'Writes integers as Roman numerals: toRoman(n: number): string',
    story: {
      title: 'Roman numerals',
      description: 'As a typesetter I want Roman numerals so that chapters are numbered classically',
      criteria: [
        '1 is I, 4 is IV, 9 is IX, 14 is XIV, 1994 is MCMXCIV',
        'numbers outside 1 to 3999 throw a RangeError',
      ],
    },
  },
];
