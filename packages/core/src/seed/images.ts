import type { DemoCategoryHandle } from './demo-groupings.js'
import { findDemoImage } from './demo-catalog.js'
import { hashString } from './numbers.js'

type Icon = (ink: string, paper: string) => string

const tee = 'M-60,-130 L-150,-90 L-120,-20 L-90,-35 L-90,140 L90,140 L90,-35 L120,-20 L150,-90 L60,-130 Q0,-95 -60,-130 Z'

const ICONS: Record<string, Icon> = {
  tee: (ink) => `<path d="${tee}" fill="${ink}"/>`,
  shirt: (ink, paper) =>
    `<path d="${tee}" fill="${ink}"/><path d="M-60,-130 L0,-70 L60,-130" fill="none" stroke="${paper}" stroke-width="8"/>` +
    [-40, 0, 40, 80, 120].map((y) => `<circle cx="0" cy="${y}" r="7" fill="${paper}"/>`).join(''),
  sweater: (ink, paper) =>
    `<path d="M-60,-130 L-130,-100 L-160,120 L-115,125 L-95,-20 L-95,140 L95,140 L95,-20 L115,125 L160,120 L130,-100 L60,-130 Q0,-100 -60,-130 Z" fill="${ink}"/>` +
    `<path d="M-95,115 H95" stroke="${paper}" stroke-width="6" stroke-dasharray="6 8"/>`,
  trousers: (ink) => `<path d="M-90,-140 L90,-140 L110,140 L25,140 L0,-40 L-25,140 L-110,140 Z" fill="${ink}"/>`,
  mug: (ink, paper) =>
    `<rect x="-110" y="-90" width="160" height="200" rx="22" fill="${ink}"/>` +
    `<circle cx="60" cy="10" r="52" fill="none" stroke="${ink}" stroke-width="26"/>` +
    `<path d="M-70,-120 q15,-20 0,-40 M-30,-120 q15,-20 0,-40 M10,-120 q15,-20 0,-40" fill="none" stroke="${paper}" stroke-width="8" stroke-linecap="round"/>`,
  lamp: (ink) =>
    `<path d="M-95,-30 L95,-30 L55,-140 L-55,-140 Z" fill="${ink}"/><rect x="-9" y="-30" width="18" height="150" fill="${ink}"/>` +
    `<ellipse cx="0" cy="125" rx="85" ry="20" fill="${ink}"/>`,
  book: (ink, paper) =>
    `<rect x="-110" y="-140" width="220" height="280" rx="12" fill="${ink}"/><rect x="-110" y="-140" width="30" height="280" rx="8" fill="${paper}" fill-opacity="0.35"/>` +
    `<path d="M-50,-80 H70 M-50,-50 H40" stroke="${paper}" stroke-width="10" stroke-linecap="round"/>`,
  bike: (ink) =>
    `<g fill="none" stroke="${ink}" stroke-width="14" stroke-linecap="round" stroke-linejoin="round">` +
    `<circle cx="-95" cy="60" r="65"/><circle cx="95" cy="60" r="65"/>` +
    '<path d="M-95,60 L-20,60 L35,-40 L-45,-40 Z M35,-40 L95,60 M-45,-40 L-55,-75 M-80,-75 H-30 M35,-40 L45,-85 H75"/></g>',
  tent: (ink, paper) => `<path d="M0,-140 L-165,120 L165,120 Z" fill="${ink}"/><path d="M0,-20 L-55,120 L55,120 Z" fill="${paper}" fill-opacity="0.45"/>`,
  bag: (ink) =>
    `<path d="M-60,-50 C-60,-150 60,-150 60,-50" fill="none" stroke="${ink}" stroke-width="22"/>` +
    `<rect x="-125" y="-60" width="250" height="195" rx="24" fill="${ink}"/>`,
  pencil: (ink, paper) =>
    `<g transform="rotate(35)"><rect x="-32" y="-150" width="64" height="235" rx="6" fill="${ink}"/>` +
    `<rect x="-32" y="-150" width="64" height="30" fill="${paper}" fill-opacity="0.5"/><path d="M-32,85 L32,85 L0,150 Z" fill="${ink}"/></g>`,
}

const CATEGORY_ICONS: Record<DemoCategoryHandle, keyof typeof ICONS> = {
  clothing: 'tee', shirts: 'shirt', 't-shirts': 'tee', knitwear: 'sweater', trousers: 'trousers',
  home: 'lamp', kitchen: 'mug', living: 'lamp', books: 'book',
  outdoor: 'tent', cycling: 'bike', camping: 'tent', accessories: 'bag', stationery: 'pencil',
}

// The three images of a product: the whole thing, a close-up, and a tilted "in use" view.
const VIEWS = ['translate(400 320)', 'translate(410 330) scale(1.35)', 'translate(400 330) rotate(-12) scale(0.85)']

/**
 * The placeholder SVG (800x800) behind `/media/demo/<name>.svg` for a name the demo seed uses,
 * or `undefined` for any other name. The same name always gives the same image.
 */
export function demoImageSvg(name: string): string | undefined {
  const image = findDemoImage(name)
  if (!image) return undefined
  const hue = hashString(name.replace(/-\d+$/, '')) % 360
  const shade = (image.index - 1) * 6
  const ink = `hsl(${hue}, 38%, ${28 + shade}%)`
  const paper = `hsl(${hue}, 60%, 92%)`
  const textColor = `hsl(${hue}, 40%, 22%)`
  const icon = ICONS[CATEGORY_ICONS[image.category]]!(ink, paper)
  const lines = wrap(image.title, 22)
  const fontSize = lines.length > 2 ? 40 : 48
  const title = escapeXml(image.title)
  const text = lines
    .map((line, i) => `<text x="400" y="${620 + i * (fontSize + 12)}" text-anchor="middle" font-size="${fontSize}" font-weight="600" fill="${textColor}">${escapeXml(line)}</text>`)
    .join('')
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800" role="img" aria-label="${title}">` +
    `<title>${title}</title>` +
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue}, 55%, ${84 - shade}%)"/>` +
    `<stop offset="1" stop-color="hsl(${(hue + 30) % 360}, 50%, ${72 - shade}%)"/></linearGradient></defs>` +
    '<rect width="800" height="800" fill="url(#bg)"/>' +
    `<circle cx="400" cy="320" r="220" fill="${paper}" fill-opacity="0.35"/>` +
    `<g transform="${VIEWS[image.index - 1] ?? VIEWS[0]}">${icon}</g>` +
    `<g font-family="system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif">${text}` +
    `<text x="400" y="770" text-anchor="middle" font-size="18" letter-spacing="4" fill="${textColor}" fill-opacity="0.6">KASSA DEMO</text></g>` +
    '</svg>'
  )
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1]
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
}
