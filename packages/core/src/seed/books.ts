import { type DemoProduct, capitalize, finishProduct } from './demo-product.js'
import type { Bilingual } from './demo-groupings.js'
import { demoPrices, ean13, seededRandom, shuffled } from './numbers.js'

interface Topic extends Bilingual {
  code: string
}

// Dutch uses the infinitive as the topic, which takes `het` when it follows a preposition.
const TOPICS: Topic[] = [
  { en: 'cycling', nl: 'fietsen', code: 'CYC' },
  { en: 'bread baking', nl: 'brood bakken', code: 'BRE' },
  { en: 'birdwatching', nl: 'vogels kijken', code: 'BIR' },
  { en: 'knitting', nl: 'breien', code: 'KNI' },
  { en: 'gardening', nl: 'tuinieren', code: 'GAR' },
  { en: 'hiking', nl: 'wandelen', code: 'HIK' },
  { en: 'sailing', nl: 'zeilen', code: 'SAI' },
  { en: 'pottery', nl: 'pottenbakken', code: 'POT' },
  { en: 'photography', nl: 'fotograferen', code: 'PHO' },
  { en: 'camping', nl: 'kamperen', code: 'CAM' },
  { en: 'fermenting', nl: 'fermenteren', code: 'FER' },
  { en: 'sketching', nl: 'schetsen', code: 'SKE' },
]

const PATTERNS: { code: string; title: (t: Topic) => Bilingual; intro: (t: Topic) => Bilingual }[] = [
  {
    code: 'BEG',
    title: (t) => ({ en: `${capitalize(t.en)} for beginners`, nl: `${capitalize(t.nl)} voor beginners` }),
    intro: (t) => ({
      en: `A friendly, practical introduction to ${t.en}, with step-by-step illustrations.`,
      nl: `Een vriendelijke, praktische introductie in het ${t.nl}, met stapsgewijze illustraties.`,
    }),
  },
  {
    code: 'HIS',
    title: (t) => ({ en: `A short history of ${t.en}`, nl: `Een korte geschiedenis van het ${t.nl}` }),
    intro: (t) => ({
      en: `How ${t.en} became what it is today, told through people, places and inventions.`,
      nl: `Hoe het ${t.nl} werd wat het nu is, verteld aan de hand van mensen, plekken en uitvindingen.`,
    }),
  },
  {
    code: 'JOY',
    title: (t) => ({ en: `The joy of ${t.en}`, nl: `Het plezier van ${t.nl}` }),
    intro: (t) => ({
      en: `An illustrated love letter to ${t.en}, full of small pleasures and good advice.`,
      nl: `Een geïllustreerde liefdesbrief aan het ${t.nl}, vol kleine genoegens en goede raad.`,
    }),
  },
]

const AUTHORS = ['Anna de Vries', 'Tom Bakker', 'Sanne Visser', 'James Whitfield', 'Lotte Jansen', 'Emma Hartley', 'Pieter Mulder', 'Noor Smit', 'Daniel Okafor', 'Fleur van Dijk']
const PRICES = [14, 17, 19, 22, 24, 29, 34]
export const BOOK_COUNT = 30

/** Books: one variant each (no options), priced at .99, with an ISBN-13 as barcode. */
export function buildBooks(): DemoProduct[] {
  const combos = TOPICS.flatMap((topic) => PATTERNS.map((pattern) => ({ topic, pattern })))
  return shuffled(combos, 'books')
    .slice(0, BOOK_COUNT)
    .map(({ topic, pattern }, index) => {
      const title = pattern.title(topic)
      const handle = title.en.toLowerCase().replace(/[^a-z0-9]+/g, '-')
      const random = seededRandom(handle)
      const author = AUTHORS[Math.floor(random() * AUTHORS.length)]!
      const pages = 96 + 16 * Math.floor(random() * 16)
      const intro = pattern.intro(topic)
      return finishProduct({
        handle,
        category: 'books',
        title,
        subtitle: { en: `by ${author}`, nl: `door ${author}` },
        description: {
          en: `${intro.en} One of our favourite books about ${topic.en}: a hardback book of ${pages} pages.`,
          nl: `${intro.nl} Een van onze favoriete boeken over ${topic.nl}: een gebonden boek van ${pages} pagina's.`,
        },
        tags: ['books', topic.en],
        giftable: true,
        variants: [
          {
            title: 'Default',
            sku: `BOO-${topic.code}-${pattern.code}`,
            barcode: ean13(`9789082${String(index + 1).padStart(5, '0')}`),
            weight_grams: 150 + pages * 2,
            prices: demoPrices(PRICES[Math.floor(random() * PRICES.length)]!, 99),
          },
        ],
      })
    })
}
