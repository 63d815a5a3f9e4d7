// Writes a Shopify product CSV for import benchmarks: PRODUCTS products of 10 variants each
// (5 sizes x 2 colours), one image per product, multi-line HTML bodies.
// node bench/shopify-csv.mjs [products=10000] > /tmp/products.csv
const products = Number(process.argv[2] ?? 10_000)
const columns = [
  'Handle',
  'Title',
  'Body (HTML)',
  'Vendor',
  'Type',
  'Tags',
  'Option1 Name',
  'Option1 Value',
  'Option2 Name',
  'Option2 Value',
  'Variant SKU',
  'Variant Grams',
  'Variant Inventory Tracker',
  'Variant Inventory Qty',
  'Variant Inventory Policy',
  'Variant Price',
  'Variant Compare At Price',
  'Variant Barcode',
  'Image Src',
  'Image Position',
  'Image Alt Text',
  'Status',
]
const quote = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
const out = []
const flush = () => {
  if (!process.stdout.write(out.join(''))) return new Promise((r) => process.stdout.once('drain', r))
  out.length = 0
}
out.push(columns.join(',') + '\n')
for (let p = 0; p < products; p++) {
  let n = 0
  for (const size of ['XS', 'S', 'M', 'L', 'XL']) {
    for (const color of ['Red', 'Blue']) {
      const first = n === 0
      const row = {
        Handle: `bench-product-${p}`,
        ...(first && {
          Title: `Bench product ${p}`,
          'Body (HTML)': `<p>Product ${p}</p>\n<p>Soft cotton, "regular" fit.</p>`,
          Vendor: `Vendor ${p % 50}`,
          Type: 'Shirts',
          Tags: `tag-${p % 20}, bench`,
          'Option1 Name': 'Size',
          'Option2 Name': 'Color',
          'Image Src': `https://cdn.example.com/${p}.jpg`,
          'Image Position': '1',
          'Image Alt Text': `Product ${p}`,
          Status: 'active',
        }),
        'Option1 Value': size,
        'Option2 Value': color,
        'Variant SKU': `B-${p}-${size}-${color}`,
        'Variant Grams': '250',
        'Variant Inventory Tracker': 'shopify',
        'Variant Inventory Qty': String((p + n) % 40),
        'Variant Inventory Policy': 'deny',
        'Variant Price': `${10 + (p % 90)}.95`,
        'Variant Compare At Price': n % 3 === 0 ? `${20 + (p % 90)}.00` : '',
        'Variant Barcode': String(8700000000000 + p * 10 + n),
      }
      out.push(columns.map((c) => quote(row[c] ?? '')).join(',') + '\n')
      n++
    }
  }
  if (out.length > 5000) await flush()
}
await flush()
