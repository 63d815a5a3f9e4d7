/** Text in the base language (English) and its Dutch translation. */
export interface Bilingual {
  en: string
  nl: string
}

export interface DemoGrouping {
  handle: string
  title: Bilingual
  description: Bilingual
}

export interface DemoCategory extends DemoGrouping {
  parent?: DemoCategoryHandle
}

/** The demo category tree; parents come before their children. */
export const DEMO_CATEGORY_HANDLES = [
  'clothing',
  'shirts',
  't-shirts',
  'knitwear',
  'trousers',
  'home',
  'kitchen',
  'living',
  'books',
  'outdoor',
  'cycling',
  'camping',
  'accessories',
  'stationery',
] as const
export type DemoCategoryHandle = (typeof DEMO_CATEGORY_HANDLES)[number]

/** The demo collections. */
export const DEMO_COLLECTION_HANDLES = ['new-arrivals', 'summer', 'winter-favourites', 'bestsellers', 'gifts-under-50'] as const
export type DemoCollectionHandle = (typeof DEMO_COLLECTION_HANDLES)[number]

const category = (
  handle: DemoCategoryHandle,
  en: string,
  nl: string,
  description: Bilingual,
  parent?: DemoCategoryHandle,
): DemoCategory => ({ handle, title: { en, nl }, description, ...(parent && { parent }) })

export const DEMO_CATEGORIES: readonly DemoCategory[] = [
  category('clothing', 'Clothing', 'Kleding', {
    en: 'Shirts, T-shirts, knitwear and trousers made to be worn for years.',
    nl: 'Overhemden, T-shirts, truien en broeken die jarenlang meegaan.',
  }),
  category('shirts', 'Shirts', 'Overhemden', { en: 'Shirts in linen, cotton, flannel and denim.', nl: 'Overhemden van linnen, katoen, flanel en denim.' }, 'clothing'),
  category('t-shirts', 'T-shirts', 'T-shirts', { en: 'Everyday T-shirts that keep their shape.', nl: 'T-shirts voor elke dag die hun vorm houden.' }, 'clothing'),
  category('knitwear', 'Knitwear', 'Truien en vesten', { en: 'Sweaters, cardigans and turtlenecks.', nl: 'Truien, vesten en coltruien.' }, 'clothing'),
  category('trousers', 'Trousers', 'Broeken', { en: 'Trousers for the office and the weekend.', nl: 'Broeken voor op kantoor en in het weekend.' }, 'clothing'),
  category('home', 'Home', 'Wonen', { en: 'Things to cook with, eat from and live with.', nl: 'Spullen om mee te koken, van te eten en mee te wonen.' }),
  category('kitchen', 'Kitchen', 'Keuken', { en: 'Mugs, bowls, knives, boards and pans.', nl: 'Mokken, kommen, messen, planken en pannen.' }, 'home'),
  category('living', 'Living', 'Woonaccessoires', { en: 'Cushions, throws, vases and lamps.', nl: 'Kussens, plaids, vazen en lampen.' }, 'home'),
  category('books', 'Books', 'Boeken', { en: 'Books about slow hobbies and the outdoors.', nl: 'Boeken over rustige hobby\'s en het buitenleven.' }),
  category('outdoor', 'Outdoor', 'Buitensport', { en: 'Gear for cycling and camping.', nl: 'Spullen om te fietsen en te kamperen.' }),
  category('cycling', 'Cycling', 'Fietsen', { en: 'Bikes and bike accessories.', nl: 'Fietsen en fietsaccessoires.' }, 'outdoor'),
  category('camping', 'Camping', 'Kamperen', { en: 'Tents, sleeping bags and water bottles.', nl: 'Tenten, slaapzakken en drinkflessen.' }, 'outdoor'),
  category('accessories', 'Accessories', 'Accessoires', { en: 'Scarves, bags, belts, caps and socks.', nl: 'Sjaals, tassen, riemen, petten en sokken.' }),
  category('stationery', 'Stationery', 'Schrijfwaren', { en: 'Notebooks, pens and planners.', nl: 'Notitieboeken, pennen en planners.' }),
]

export const DEMO_COLLECTIONS: readonly DemoGrouping[] = [
  {
    handle: 'new-arrivals',
    title: { en: 'New arrivals', nl: 'Nieuw binnen' },
    description: { en: 'Just in: the latest additions to the shop.', nl: 'Net binnen: de nieuwste producten in de winkel.' },
  },
  {
    handle: 'summer',
    title: { en: 'Summer', nl: 'Zomer' },
    description: { en: 'Linen, light cotton and everything for long days outside.', nl: 'Linnen, licht katoen en alles voor lange dagen buiten.' },
  },
  {
    handle: 'winter-favourites',
    title: { en: 'Winter favourites', nl: 'Winterfavorieten' },
    description: { en: 'Wool, flannel and velvet for cold evenings.', nl: 'Wol, flanel en fluweel voor koude avonden.' },
  },
  {
    handle: 'bestsellers',
    title: { en: 'Bestsellers', nl: 'Bestsellers' },
    description: { en: 'What our customers order again and again.', nl: 'Wat onze klanten steeds opnieuw bestellen.' },
  },
  {
    handle: 'gifts-under-50',
    title: { en: 'Gifts under €50', nl: 'Cadeaus onder de €50' },
    description: { en: 'Presents that are easy to give and a pleasure to get.', nl: 'Cadeaus die makkelijk te geven zijn en leuk om te krijgen.' },
  },
]
